import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { readZip } from './read-zip';

/** Collapses runs of whitespace, so a sentence matches however a renderer wrapped it. */
export function normalize(text: string): string {
	return text.replace(/\s+/g, ' ').trim();
}

/** The text of a DOCX: one line per paragraph of `word/document.xml`, entities decoded. */
export function docxText(docx: Uint8Array): string {
	const xml = readZip(docx).get('word/document.xml')?.toString('utf8');
	if (xml === undefined) throw new Error('Expected word/document.xml in the DOCX');
	return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
		.map(([paragraph]) => [...paragraph.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decodeXml(m[1] ?? '')).join(''))
		.join('\n');
}

/** The text of every page of a PDF, read back with pdf.js; a line break becomes a space. */
export async function pdfText(pdf: Uint8Array): Promise<{ pages: number; text: string; pageTexts: string[] }> {
	const document = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, disableFontFace: true, isEvalSupported: false }).promise;
	const pageTexts: string[] = [];
	for (let n = 1; n <= document.numPages; n++) {
		const content = await (await document.getPage(n)).getTextContent();
		const parts: string[] = [];
		for (const item of content.items) {
			if ('str' in item) parts.push(item.str, item.hasEOL ? ' ' : '');
		}
		pageTexts.push(parts.join(''));
	}
	const pages = document.numPages;
	await document.destroy();
	return { pages, text: pageTexts.join('\n'), pageTexts };
}

/** The text of an HTML page: tags dropped, entities decoded. */
export function htmlText(html: string): string {
	return decodeXml(html.replace(/<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' '));
}

/**
 * Checks that markup is well-formed: every element closed in order, void elements self-closed,
 * attributes quoted, no stray `<` or `&`. Returns the problems found (none when well-formed).
 */
export function wellFormedProblems(markup: string): string[] {
	const problems: string[] = [];
	const stack: string[] = [];
	const body = markup.replace(/^<!DOCTYPE html>\s*/i, '');
	const tag = /<(\/?)([a-zA-Z][\w-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/g;
	let last = 0;
	for (const match of body.matchAll(tag)) {
		const text = body.slice(last, match.index);
		if (/[<>]/.test(text.replace(/<!--[\s\S]*?-->/g, ''))) problems.push(`stray angle bracket before ${match[0]}`);
		if (/&(?!(amp|lt|gt|quot|#\d+);)/.test(text)) problems.push(`bare ampersand in ${JSON.stringify(text.slice(0, 40))}`);
		last = (match.index ?? 0) + match[0].length;
		const [, closing, name = '', , selfClosing] = match;
		if (selfClosing) continue;
		if (!closing) stack.push(name);
		else if (stack.pop() !== name) problems.push(`</${name}> closes something else`);
	}
	if (/[<>]/.test(body.slice(last))) problems.push('stray angle bracket at the end');
	if (stack.length > 0) problems.push(`unclosed: ${stack.join(', ')}`);
	return problems;
}

function decodeXml(text: string): string {
	return text
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;|&apos;/g, "'")
		.replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
		.replace(/&amp;/g, '&');
}
