import {
	AlignmentType,
	Document,
	Footer,
	HeadingLevel,
	ImageRun,
	Packer,
	PageNumber,
	Paragraph,
	ShadingType,
	Table,
	TableCell,
	TableRow,
	TextRun,
	WidthType
} from 'docx';
import { layoutSpec, specMessages, type SpecBlock, type SpecDocument, type SpecRow } from '$lib/spec';
import { fitInto, pngSize } from './png-size';

/** A4 with 2 cm margins: 17 cm of text width, in twips (1/20 pt) and in 96-dpi pixels. */
const PAGE_MARGIN = 1134;
const TEXT_WIDTH_TWIPS = 9638;
const TEXT_WIDTH_PX = 642;
const MAX_IMAGE_HEIGHT_PX = 880;
const LABEL_WIDTH_TWIPS = 2700;
const MONO = 'Courier New';

/**
 * The specification as a Word document (the file integrators' clients sign): the same blocks as
 * the HTML page — a heading and a two-column table per stage, a long stage on a new page, table
 * rows that do not split across pages — and a footer with the diagram's SHA-256 and the page
 * number on every page. The diagram PNG, when given, is scaled to the text width.
 */
export async function renderSpecDocx(doc: SpecDocument, options: { diagramPng?: Uint8Array } = {}): Promise<Buffer> {
	const m = specMessages[doc.locale];
	const image = options.diagramPng ? diagramImage(options.diagramPng, m.sections.diagram) : undefined;
	const blocks = layoutSpec(doc, { diagram: image !== undefined });
	const children = blocks.flatMap((block) => renderBlock(block, image));
	const document = new Document({
		creator: 'Potok',
		title: `${doc.title}: ${doc.subtitle}`,
		description: `SHA-256 ${doc.sha256}`,
		styles: { default: { document: { run: { font: 'Arial', size: 21 } } } },
		sections: [
			{
				properties: { page: { margin: { top: PAGE_MARGIN, bottom: PAGE_MARGIN, left: PAGE_MARGIN, right: PAGE_MARGIN } } },
				footers: { default: footer(doc) },
				children
			}
		]
	});
	return Packer.toBuffer(document);
}

function renderBlock(block: SpecBlock, image: ImageRun | undefined): (Paragraph | Table)[] {
	switch (block.kind) {
		case 'title':
			return [
				new Paragraph({ children: [new TextRun({ text: block.title, color: '555555', size: 20 })] }),
				new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun({ text: block.subtitle })] })
			];
		case 'heading':
			return [
				new Paragraph({
					heading: block.level === 1 ? HeadingLevel.HEADING_1 : block.level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3,
					keepNext: true,
					...(block.pageBreak ? { pageBreakBefore: true } : {}),
					children: [new TextRun({ text: block.text })]
				})
			];
		case 'paragraph':
			return [new Paragraph({ spacing: { after: 120 }, children: [new TextRun({ text: block.text })] })];
		case 'rows':
			return [rowsTable(block.rows, false), new Paragraph({ children: [] })];
		case 'stage':
			return [
				new Paragraph({
					heading: HeadingLevel.HEADING_2,
					keepNext: true,
					...(block.pageBreak ? { pageBreakBefore: true } : {}),
					children: [new TextRun({ text: block.heading })]
				}),
				rowsTable(block.rows, block.keepTogether),
				new Paragraph({ children: [] })
			];
		case 'list':
			return block.items.map((item) => new Paragraph({ bullet: { level: 0 }, spacing: { after: 60 }, children: [new TextRun({ text: item })] }));
		case 'diagram':
			return image ? [new Paragraph({ alignment: AlignmentType.CENTER, children: [image] })] : [];
		case 'signature':
			return [
				new Paragraph({ spacing: { before: 480 }, keepNext: true, children: [new TextRun({ text: block.role, bold: true })] }),
				...block.lines.map((line) => new Paragraph({ spacing: { before: 240 }, keepNext: true, children: [new TextRun({ text: line })] }))
			];
	}
}

/** A label | lines table; `keepTogether` keeps it on one page (Word: «не отрывать от следующего»). */
function rowsTable(rows: SpecRow[], keepTogether: boolean): Table {
	return new Table({
		width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
		columnWidths: [LABEL_WIDTH_TWIPS, TEXT_WIDTH_TWIPS - LABEL_WIDTH_TWIPS],
		rows: rows.map(
			(row, index) =>
				new TableRow({
					cantSplit: true,
					children: [
						new TableCell({
							width: { size: LABEL_WIDTH_TWIPS, type: WidthType.DXA },
							shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'F1F1F1' },
							margins: cellMargins,
							children: [new Paragraph({ keepNext: keepTogether && index < rows.length - 1, children: [new TextRun({ text: row.label, bold: true })] })]
						}),
						new TableCell({
							width: { size: TEXT_WIDTH_TWIPS - LABEL_WIDTH_TWIPS, type: WidthType.DXA },
							margins: cellMargins,
							children: row.lines.map(
								(line) =>
									new Paragraph({
										spacing: { after: 40 },
										keepNext: keepTogether && index < rows.length - 1,
										children: [new TextRun({ text: line, ...(row.mono ? { font: MONO, size: 18 } : {}) })]
									})
							)
						})
					]
				})
		)
	});
}

const cellMargins = { top: 60, bottom: 60, left: 100, right: 100 };

function footer(doc: SpecDocument): Footer {
	const { page, of } = specMessages[doc.locale].pages;
	return new Footer({
		children: [
			new Paragraph({
				alignment: AlignmentType.RIGHT,
				children: [
					new TextRun({ text: `${doc.subtitle} · SHA-256 ${doc.sha256.slice(0, 16)}… · ${page} `, size: 16, color: '666666' }),
					new TextRun({ children: [PageNumber.CURRENT, ` ${of} `, PageNumber.TOTAL_PAGES], size: 16, color: '666666' })
				]
			})
		]
	});
}

function diagramImage(png: Uint8Array, title: string): ImageRun | undefined {
	const size = pngSize(png);
	if (!size) return undefined;
	const fitted = fitInto(size, TEXT_WIDTH_PX, MAX_IMAGE_HEIGHT_PX);
	return new ImageRun({
		type: 'png',
		data: png,
		transformation: fitted,
		altText: { name: title, title, description: title }
	});
}
