import { createRequire } from 'node:module';
import pdfmake, { type PdfContent, type PdfDocumentDefinition } from 'pdfmake';
import { layoutSpec, specMessages, type SpecBlock, type SpecDocument, type SpecRow } from '$lib/spec';
import { pngSize } from './png-size';

/** A4 is 595 × 842 pt; these margins leave 495 pt of text width. */
const MARGINS: [number, number, number, number] = [50, 50, 50, 60];
const TEXT_WIDTH = 495;
const MAX_IMAGE_HEIGHT = 680;

const require = createRequire(import.meta.url);

/**
 * Fonts come from packages, never from the system, as file paths (SVG text needs real files, not
 * pdfmake's virtual file system): the Roboto pdfmake ships for text (it has Cyrillic), DejaVu
 * Sans for the arrows Roboto lacks, DejaVu Sans Mono for hashes. pdfmake may read these files
 * and nothing else, and fetches no URL.
 */
const roboto = {
	normal: require.resolve('pdfmake/fonts/Roboto/Roboto-Regular.ttf'),
	bold: require.resolve('pdfmake/fonts/Roboto/Roboto-Medium.ttf'),
	italics: require.resolve('pdfmake/fonts/Roboto/Roboto-Italic.ttf'),
	bolditalics: require.resolve('pdfmake/fonts/Roboto/Roboto-MediumItalic.ttf')
};
const dejavu = (file: string) => require.resolve(`dejavu-fonts-ttf/ttf/${file}`);
const dejavuSans = { normal: dejavu('DejaVuSans.ttf'), bold: dejavu('DejaVuSans-Bold.ttf'), italics: dejavu('DejaVuSans-Oblique.ttf'), bolditalics: dejavu('DejaVuSans-BoldOblique.ttf') };
const dejavuMono = {
	normal: dejavu('DejaVuSansMono.ttf'),
	bold: dejavu('DejaVuSansMono-Bold.ttf'),
	italics: dejavu('DejaVuSansMono-Oblique.ttf'),
	bolditalics: dejavu('DejaVuSansMono-BoldOblique.ttf')
};
const fontFiles = new Set([roboto, dejavuSans, dejavuMono].flatMap((family) => Object.values(family)));
pdfmake.setFonts({ Roboto: roboto, DejaVuSans: dejavuSans, DejaVuMono: dejavuMono });

/** Characters the text font has no glyph for, drawn in DejaVu Sans instead. */
const missingInRoboto = /([\u2190-\u21ff\u2794\u27f6])/;
pdfmake.setLocalAccessPolicy((path) => fontFiles.has(path));
pdfmake.setUrlAccessPolicy(() => false);

/**
 * The specification as a PDF (the other file clients sign), laid out by pdfmake: the same blocks
 * as the HTML page and the DOCX, a long stage on a new page, table rows kept whole, a heading
 * never left alone at the bottom of a page, and the diagram's SHA-256 and page number in the
 * footer. The diagram comes as a PNG (preferred, it is what the browser drew) or an SVG.
 */
export async function renderSpecPdf(doc: SpecDocument, options: { diagramPng?: Uint8Array; diagramSvg?: string } = {}): Promise<Buffer> {
	const diagram = diagramContent(options);
	if (diagram === undefined) return render(doc, undefined);
	try {
		return await render(doc, diagram);
	} catch (error) {
		// A picture pdfmake cannot draw must not cost the client the document: say so in its place.
		const note = `${specMessages[doc.locale].diagramFailed} (${(error as Error).message.split('\n')[0]})`;
		return render(doc, { text: note, italics: true, color: '#a00000', margin: [0, 0, 0, 10] });
	}
}

function render(doc: SpecDocument, diagram: PdfContent | undefined): Promise<Buffer> {
	const blocks = layoutSpec(doc, { diagram: diagram !== undefined });
	const { page, of } = specMessages[doc.locale].pages;
	const definition: PdfDocumentDefinition = {
		pageSize: 'A4',
		pageMargins: MARGINS,
		language: doc.locale === 'ru' ? 'ru-RU' : 'en-GB',
		info: { title: `${doc.title}: ${doc.subtitle}`, author: 'Potok', subject: `SHA-256 ${doc.sha256}`, creator: 'Potok' },
		defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.2 },
		styles: {
			docKind: { fontSize: 9, color: '#555555' },
			title: { fontSize: 20, bold: true, margin: [0, 2, 0, 14] },
			h1: { fontSize: 14, bold: true, margin: [0, 16, 0, 6] },
			h2: { fontSize: 12, bold: true, margin: [0, 12, 0, 5] },
			h3: { fontSize: 11, bold: true, margin: [0, 8, 0, 4] },
			label: { bold: true },
			mono: { font: 'DejaVuMono', fontSize: 7.5 }
		},
		content: content(blocks, diagram),
		footer: (current, count) => ({
			text: `${doc.subtitle} · SHA-256 ${doc.sha256.slice(0, 16)}… · ${page} ${current} ${of} ${count}`,
			alignment: 'right',
			fontSize: 8,
			color: '#666666',
			margin: [MARGINS[0], 20, MARGINS[2], 0]
		}),
		// A heading that would end a page goes to the next one with its table.
		pageBreakBefore: (node, nodes) => node.headlineLevel !== undefined && nodes.getFollowingNodesOnPage().length === 0
	};
	return pdfmake.createPdf(definition).getBuffer();
}

/**
 * The blocks as pdfmake content. A section heading right before a stage that is kept together
 * goes into the same unbreakable block: pdfmake's pageBreakBefore does not see that the stage
 * moved to the next page, and would leave the heading alone at the bottom.
 */
function content(blocks: SpecBlock[], diagram: PdfContent | undefined): PdfContent[] {
	const out: PdfContent[] = [];
	for (let i = 0; i < blocks.length; i++) {
		const block = blocks[i];
		const next = blocks[i + 1];
		if (!block) continue;
		if (block.kind === 'heading' && !block.pageBreak && next?.kind === 'stage' && next.keepTogether) {
			out.push({ stack: [renderBlock(block, diagram), renderBlock(next, diagram)], unbreakable: true });
			i++;
		} else {
			out.push(renderBlock(block, diagram));
		}
	}
	return out;
}

function renderBlock(block: SpecBlock, diagram: PdfContent | undefined): PdfContent {
	switch (block.kind) {
		case 'title':
			return [
				{ text: block.title, style: 'docKind' },
				{ text: block.subtitle, style: 'title' }
			];
		case 'heading':
			return {
				text: block.text,
				style: `h${block.level}`,
				headlineLevel: block.level,
				...(block.anchor ? { id: block.anchor } : {}),
				...(block.pageBreak ? { pageBreak: 'before' } : {})
			};
		case 'paragraph':
			return { text: runs(block.text), margin: [0, 0, 0, 6] };
		case 'rows':
			return rowsTable(block.rows);
		case 'stage': {
			const heading = { text: block.heading, style: 'h2', headlineLevel: 2, id: block.anchor };
			// Only a short stage is unbreakable: pdfmake drops what does not fit of a longer one.
			if (block.keepTogether) return { stack: [heading, rowsTable(block.rows)], unbreakable: true };
			return [{ ...heading, ...(block.pageBreak ? { pageBreak: 'before' } : {}) }, rowsTable(block.rows)];
		}
		case 'list':
			return { ul: block.items.map((item) => ({ text: runs(item), margin: [0, 0, 0, 3] })), margin: [0, 0, 0, 8] };
		case 'diagram':
			return diagram ?? [];
		case 'signature':
			return {
				unbreakable: true,
				margin: [0, 24, 0, 0],
				stack: [{ text: block.role, bold: true, margin: [0, 0, 0, 12] }, ...block.lines.map((line) => ({ text: line, margin: [0, 0, 0, 12] }))]
			};
	}
}

function rowsTable(rows: SpecRow[]): PdfContent {
	return {
		table: {
			widths: ['28%', '*'],
			dontBreakRows: true,
			body: rows.map((row) => [
				{ text: row.label, style: 'label', fillColor: '#f1f1f1' },
				{ stack: row.lines.map((line) => ({ text: row.mono ? line : runs(line), margin: [0, 0, 0, 2], ...(row.mono ? { style: 'mono' } : {}) })) }
			])
		},
		layout: {
			hLineColor: () => '#9a9a9a',
			vLineColor: () => '#9a9a9a',
			paddingLeft: () => 5,
			paddingRight: () => 5,
			paddingTop: () => 3,
			paddingBottom: () => 3
		},
		margin: [0, 0, 0, 10]
	};
}

/** A line as text runs, with the characters Roboto cannot draw set in DejaVu Sans. */
function runs(text: string): PdfContent {
	if (!missingInRoboto.test(text)) return text;
	return text
		.split(missingInRoboto)
		.filter((part) => part !== '')
		.map((part) => (missingInRoboto.test(part) ? { text: part, font: 'DejaVuSans' } : part));
}

function diagramContent(options: { diagramPng?: Uint8Array; diagramSvg?: string }): PdfContent | undefined {
	if (options.diagramPng && pngSize(options.diagramPng)) {
		const data = Buffer.from(options.diagramPng).toString('base64');
		return { image: `data:image/png;base64,${data}`, fit: [TEXT_WIDTH, MAX_IMAGE_HEIGHT], alignment: 'center', margin: [0, 0, 0, 10] };
	}
	if (options.diagramSvg) return { svg: options.diagramSvg, fit: [TEXT_WIDTH, MAX_IMAGE_HEIGHT], alignment: 'center', margin: [0, 0, 0, 10] };
	return undefined;
}
