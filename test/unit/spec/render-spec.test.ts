import { beforeAll, describe, expect, it } from 'vitest';
import { buildSpec, specMessages, type SpecDocument } from '$lib/spec';
import { stageRows } from '$lib/spec/spec-layout';
import { renderSpecDocx, renderSpecHtml, renderSpecPdf } from '$lib/server/spec';
import { docxText, htmlText, normalize, pdfText, wellFormedProblems } from './helpers/document-text';
import { makePng } from './helpers/make-png';
import { readZip } from './helpers/read-zip';
import { approvedFunnelXml, revisionSha, salesFunnelInput } from './helpers/sales-funnel';

/** A wide PNG, as a diagram export is: enough to check that the image is embedded and scaled. */
const diagramPng = makePng(1200, 400);
const diagramSvg =
	'<svg xmlns="http://www.w3.org/2000/svg" width="240" height="100"><rect x="10" y="10" width="100" height="80" rx="10" fill="#fff" stroke="#000"/><text x="20" y="55" font-family="Arial">Новая заявка</text></svg>';

let doc: SpecDocument;

/** Every sentence a client must find in the document: stages, fields, rules, outcomes, robots, timers, approvals. */
function sentences(document: SpecDocument): string[] {
	const m = specMessages[document.locale];
	return [
		document.title,
		document.subtitle,
		...document.facts.flatMap((f) => [f.label, f.value]),
		...document.start.triggers.map((t) => t.text),
		...document.stages.flatMap((stage) => [m.stageHeading(stage.number, stage.name), ...stageRows(stage, m).flatMap((row) => [row.label, ...row.lines])]),
		...document.changes.flatMap((c) => [c.title, ...(c.note ? [c.note] : []), ...c.items.map((i) => i.text)]),
		...document.approvals.flatMap((a) => a.facts.flatMap((f) => [f.label, f.value]))
	];
}

/** The stage names, field labels and rule sentences of the funnel, spelled out so that a wrong model fails too. */
const funnelWords = [
	'Новая заявка', 'Взят в работу', 'Встреча назначена', 'КП отправлено',
	'«Имя клиента» — строка; обязательно',
	'«Телефон» — телефон; обязательно',
	'«Источник» — список: Сайт, Звонок, Авито; необязательно',
	'«Потребность клиента» — текст (несколько строк); обязательно',
	'«Бюджет» — деньги; необязательно',
	'«Менеджер по продажам» — сотрудник; обязательно',
	'«Причина отказа» — список: Дорого, Не актуально, Выбрал конкурента; обязательно при исходе „Отказ“',
	'«Дата и время встречи» — дата и время; обязательно',
	'«Место встречи» — строка; необязательно',
	'«Сумма КП» — деньги; обязательно',
	'«Причина отказа» — список: Дорого, Не актуально, Выбрал конкурента; обязательно при исходе „Сделка провалена“',
	'по очереди между сотрудниками группы «Отдел продаж» (правило дорожки «Отдел продаж»)',
	'Таймер «За час до встречи»: за 1 час до «Дата и время встречи», стадия продолжается → робот «Напомнить клиенту о встрече» → завершение «Напоминание отправлено»',
	'Поставить задачу «Подготовить КП»: Название — «Подготовить коммерческое предложение»; Ответственный — ответственный из поля «Менеджер по продажам»; Срок — 1 день',
	'Иван Петрович Заказчиков',
	revisionSha
];

beforeAll(async () => {
	doc = await buildSpec(salesFunnelInput({ approvedXml: approvedFunnelXml }));
});

describe('renderSpecHtml', () => {
	it('is a well-formed standalone page with print rules and no scripts', () => {
		const html = renderSpecHtml(doc, { diagramSvg });
		expect(wellFormedProblems(html)).toEqual([]);
		expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="ru">/);
		expect(html).toContain('@media print');
		expect(html).toContain('@page { size: A4;');
		expect(html).not.toMatch(/<script|<link |src="http/);
	});

	it('contains every stage, field, rule, robot, timer and approval of the funnel', () => {
		const text = normalize(htmlText(renderSpecHtml(doc)));
		for (const sentence of [...sentences(doc), ...funnelWords]) expect(text).toContain(normalize(sentence));
	});

	it('embeds the diagram SVG as an image data URL, and leaves the section out without one', () => {
		const withDiagram = renderSpecHtml(doc, { diagramSvg });
		const encoded = Buffer.from(diagramSvg, 'utf8').toString('base64');
		expect(withDiagram).toContain(`<img src="data:image/svg+xml;base64,${encoded}"`);
		expect(withDiagram).toContain('<h2>Схема процесса</h2>');
		expect(renderSpecHtml(doc)).not.toContain('Схема процесса');
	});

	it('escapes names, so a diagram cannot inject markup', async () => {
		const xml = salesFunnelInput().xml.replace('name="Новая заявка"', 'name="&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co"');
		const html = renderSpecHtml(await buildSpec(salesFunnelInput({ xml })));
		expect(html).not.toContain('<script>');
		expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co');
		expect(wellFormedProblems(html)).toEqual([]);
	});

	it('starts a long stage on a new page and keeps a short one together', async () => {
		const long = structuredClone(doc);
		const first = long.stages[1]!;
		first.fields = Array.from({ length: 12 }, (_, i) => ({ ...first.fields[0]!, key: `f${i}`, label: `Поле ${i}` }));
		const html = renderSpecHtml(long);
		expect(html).toContain('<section class="stage page-break" id="in_work">');
		expect(html).toContain('<section class="stage keep" id="meeting_set">');
	});
});

describe('renderSpecDocx', () => {
	it('is a Word document whose text contains every stage, field, rule, robot, timer and approval', async () => {
		const docx = await renderSpecDocx(doc, { diagramPng: diagramPng });
		const entries = readZip(docx);
		expect([...entries.keys()]).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/styles.xml']));
		const text = normalize(docxText(docx));
		for (const sentence of [...sentences(doc), ...funnelWords]) expect(text).toContain(normalize(sentence));
	});

	it('embeds the diagram PNG as a picture, and puts the hash and page number in the footer', async () => {
		const entries = readZip(await renderSpecDocx(doc, { diagramPng: diagramPng }));
		const media = [...entries.keys()].filter((name) => name.startsWith('word/media/') && !name.endsWith('/'));
		expect(media).toHaveLength(1);
		expect(entries.get(media[0]!)?.equals(diagramPng)).toBe(true);
		const footer = [...entries.entries()].find(([name]) => /^word\/footer\d*\.xml$/.test(name))?.[1].toString('utf8') ?? '';
		expect(footer).toContain(`SHA-256 ${revisionSha.slice(0, 16)}`);
		expect(footer).toContain('PAGE');
	});

	it('keeps table rows whole and starts the approval sheet on a new page', async () => {
		const xml = readZip(await renderSpecDocx(doc)).get('word/document.xml')?.toString('utf8') ?? '';
		expect(xml).toContain('<w:cantSplit/>');
		expect(xml).toMatch(/<w:pageBreakBefore\/>[\s\S]*?Лист согласования/);
		expect([...readZip(await renderSpecDocx(doc)).keys()].filter((name) => /^word\/media\/./.test(name))).toEqual([]);
	});
});

describe('renderSpecPdf', () => {
	it('is a PDF whose text (read back with pdf.js) contains every stage, field, rule, robot, timer and approval', async () => {
		const pdf = await renderSpecPdf(doc, { diagramSvg });
		expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
		const { pages, text } = await pdfText(pdf);
		expect(pages).toBeGreaterThan(2);
		const flat = normalize(text);
		for (const sentence of [...sentences(doc), ...funnelWords]) expect(flat).toContain(normalize(sentence));
	});

	it('embeds its fonts from packages: Roboto for Cyrillic text, DejaVu for arrows and hashes', async () => {
		const pdf = (await renderSpecPdf(doc)).toString('latin1');
		expect(pdf).toMatch(/\/BaseFont \/[A-Z]{6}\+Roboto-Regular/);
		expect(pdf).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans\b/);
		expect(pdf).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSansMono/);
		expect(pdf).toMatch(/\/FontFile2 /);
	});

	it('keeps a short stage on one page with its heading, and the section heading with the first stage', async () => {
		// Diagrams of several heights move the stages across page ends.
		for (const height of [300, 700, 1100, 1500]) {
			const { pageTexts } = await pdfText(await renderSpecPdf(doc, { diagramPng: makePng(1200, height) }));
			const pageOf = (needle: string) => pageTexts.findIndex((page) => normalize(page).includes(needle));
			expect(pageOf('Стадии Стадия 1. Новая заявка'), `diagram height ${height}`).toBeGreaterThanOrEqual(0);
			for (const stage of doc.stages) {
				const heading = pageOf(`Стадия ${stage.number}. ${stage.name} Стадия ${stage.name}`);
				expect(heading, `stage ${stage.number}, diagram height ${height}`).toBeGreaterThanOrEqual(0);
				expect(normalize(pageTexts[heading] ?? ''), `stage ${stage.number}, diagram height ${height}`).toContain(normalize(stage.events[0]?.text ?? 'Таймеры и триггеры —'));
			}
		}
	});

	it('still renders when the diagram cannot be drawn, and says so where the diagram would be', async () => {
		const brokenPng = Buffer.concat([makePng(10, 10).subarray(0, 33), Buffer.from('not a picture')]);
		for (const diagram of [{ diagramSvg: '<svg xmlns="http://www.w3.org/2000/svg"><g>' }, { diagramPng: brokenPng }]) {
			const text = normalize((await pdfText(await renderSpecPdf(doc, diagram))).text);
			expect(text).toContain('Схема процесса Схему не удалось встроить в PDF; она есть в HTML-версии ТЗ');
			expect(text).toContain('Стадия 4. КП отправлено');
		}
	});

	it('draws a PNG diagram as an image and an English document in English', async () => {
		const english = await buildSpec(salesFunnelInput({ locale: 'en' }));
		const pdf = await renderSpecPdf(english, { diagramPng: diagramPng });
		expect(pdf.toString('latin1')).toContain('/Subtype /Image');
		const text = normalize((await pdfText(pdf)).text);
		expect(text).toContain('Specification');
		expect(text).toContain('“Причина отказа” — list: Дорого, Не актуально, Выбрал конкурента; required when the outcome is “Отказ”');
		expect(text).toContain('Approval sheet');
	});
});
