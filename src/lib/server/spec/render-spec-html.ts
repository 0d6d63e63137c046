import { layoutSpec, type SpecBlock, type SpecDocument, type SpecRow } from '$lib/spec';

/**
 * The specification as one standalone, printable HTML page: no scripts, no outside resources,
 * styles inline, A4 print rules (a long stage starts on a new page, table rows and headings are
 * not split from what follows). The diagram SVG, when given, is embedded as an `<img>` data URL
 * so that nothing inside it can run. The markup is also well-formed XML (void elements closed).
 */
export function renderSpecHtml(doc: SpecDocument, options: { diagramSvg?: string } = {}): string {
	const blocks = layoutSpec(doc, { diagram: options.diagramSvg !== undefined });
	const body = blocks.map((block) => renderBlock(block, options.diagramSvg)).join('\n');
	return `<!DOCTYPE html>
<html lang="${doc.locale}">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<meta name="generator" content="Potok" />
<title>${escape(`${doc.title}: ${doc.subtitle}`)}</title>
<style>${css}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

function renderBlock(block: SpecBlock, diagramSvg: string | undefined): string {
	switch (block.kind) {
		case 'title':
			return `<header class="title"><p class="doc-kind">${escape(block.title)}</p><h1>${escape(block.subtitle)}</h1></header>`;
		case 'heading': {
			const tag = block.level === 1 ? 'h2' : block.level === 2 ? 'h3' : 'h4';
			const attrs = [block.anchor ? ` id="${escape(block.anchor)}"` : '', block.pageBreak ? ' class="page-break"' : ''].join('');
			return `<${tag}${attrs}>${escape(block.text)}</${tag}>`;
		}
		case 'paragraph':
			return `<p>${escape(block.text)}</p>`;
		case 'rows':
			return rowsTable(block.rows);
		case 'stage': {
			const classes = ['stage', block.pageBreak ? 'page-break' : '', block.keepTogether ? 'keep' : ''].filter((c) => c !== '').join(' ');
			return `<section class="${classes}" id="${escape(block.anchor)}"><h3>${escape(block.heading)}</h3>${rowsTable(block.rows)}</section>`;
		}
		case 'list':
			return `<ul>${block.items.map((item) => `<li>${escape(item)}</li>`).join('')}</ul>`;
		case 'diagram':
			if (diagramSvg === undefined) return '';
			return `<figure class="diagram"><img src="data:image/svg+xml;base64,${Buffer.from(diagramSvg, 'utf8').toString('base64')}" alt="${escape(block.alt)}" /></figure>`;
		case 'signature':
			return `<div class="signature"><p class="role">${escape(block.role)}</p>${block.lines.map((line) => `<p>${escape(line)}</p>`).join('')}</div>`;
	}
}

function rowsTable(rows: SpecRow[]): string {
	return `<table class="rows"><tbody>${rows.map(renderRow).join('')}</tbody></table>`;
}

function renderRow(row: SpecRow): string {
	const lines = row.lines.map((line) => `<p>${escape(line)}</p>`).join('');
	return `<tr><th scope="row">${escape(row.label)}</th><td${row.mono ? ' class="mono"' : ''}>${lines}</td></tr>`;
}

function escape(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const css = `
@page { size: A4; margin: 18mm 16mm 20mm; }
* { box-sizing: border-box; }
body { margin: 0; color: #1a1a1a; background: #fff; font: 11pt/1.45 "PT Sans", "Segoe UI", Roboto, Arial, sans-serif; }
main { max-width: 190mm; margin: 0 auto; padding: 12mm 0; }
.title { border-bottom: 2px solid #1a1a1a; margin-bottom: 1.5em; }
.doc-kind { margin: 0; text-transform: uppercase; letter-spacing: .08em; font-size: 10pt; color: #555; }
h1 { margin: .2em 0 .4em; font-size: 20pt; }
h2 { margin: 1.6em 0 .5em; font-size: 14pt; break-after: avoid; page-break-after: avoid; }
h3 { margin: 1.3em 0 .4em; font-size: 12pt; break-after: avoid; page-break-after: avoid; }
h4 { margin: 1em 0 .3em; font-size: 11pt; break-after: avoid; page-break-after: avoid; }
p { margin: 0 0 .4em; }
table.rows { width: 100%; border-collapse: collapse; margin: 0 0 1em; }
table.rows th, table.rows td { border: 1px solid #9a9a9a; padding: 4pt 6pt; vertical-align: top; text-align: left; }
table.rows th { width: 28%; background: #f1f1f1; font-weight: 600; }
table.rows td p:last-child { margin-bottom: 0; }
tr { break-inside: avoid; page-break-inside: avoid; }
td.mono { font-family: "PT Mono", "DejaVu Sans Mono", Consolas, monospace; font-size: 9.5pt; word-break: break-all; }
ul { margin: 0 0 1em; padding-left: 1.3em; }
li { margin-bottom: .25em; }
figure.diagram { margin: 0 0 1em; }
figure.diagram img { display: block; max-width: 100%; height: auto; border: 1px solid #ddd; }
section.keep { break-inside: avoid; page-break-inside: avoid; }
.signature { margin-top: 2em; break-inside: avoid; page-break-inside: avoid; }
.signature .role { font-weight: 600; }
@media print {
	main { max-width: none; padding: 0; }
	.page-break { break-before: page; page-break-before: always; }
	a { color: inherit; text-decoration: none; }
}
`;
