import type { SpecDocument, SpecStage } from './spec-document';
import { specMessages, type SpecMessages } from './spec-messages';

/**
 * The specification laid out as a sequence of blocks, so that the HTML page, the DOCX and the
 * PDF show the same sections in the same order with the same words; each renderer only decides
 * how a block looks. A stage is a heading and a two-column table (label | lines); a long stage
 * starts on a new page.
 */
export interface SpecRow {
	label: string;
	lines: string[];
	/** Hashes and user agents: shown in a monospace font and broken anywhere. */
	mono?: boolean;
}

export type SpecBlock =
	| { kind: 'title'; title: string; subtitle: string }
	| { kind: 'heading'; level: 1 | 2 | 3; text: string; anchor?: string; pageBreak?: boolean }
	| { kind: 'paragraph'; text: string }
	| { kind: 'rows'; rows: SpecRow[] }
	/** A stage: its heading and table. A short one is kept on one page; a long one starts a page. */
	| { kind: 'stage'; heading: string; anchor: string; rows: SpecRow[]; pageBreak: boolean; keepTogether: boolean }
	| { kind: 'list'; items: string[] }
	| { kind: 'diagram'; alt: string }
	| { kind: 'signature'; role: string; lines: string[] };

/** A stage table longer than this (in lines, counting long lines twice) starts a new page. */
const LONG_STAGE_LINES = 14;
const LINE_CHARS = 90;

export function layoutSpec(doc: SpecDocument, options: { diagram?: boolean } = {}): SpecBlock[] {
	const m = specMessages[doc.locale];
	const blocks: SpecBlock[] = [
		{ kind: 'title', title: m.title, subtitle: doc.subtitle },
		{ kind: 'heading', level: 1, text: m.sections.about },
		{ kind: 'rows', rows: doc.facts.map((f) => ({ label: f.label, lines: [f.value], ...(f.value === doc.sha256 ? { mono: true } : {}) })) }
	];
	if (options.diagram) blocks.push({ kind: 'heading', level: 1, text: m.sections.diagram }, { kind: 'diagram', alt: `${m.sections.diagram}: ${doc.subtitle}` });
	if (doc.problems.length > 0) {
		blocks.push({ kind: 'heading', level: 1, text: m.sections.problems }, { kind: 'paragraph', text: m.problemsIntro }, { kind: 'list', items: doc.problems });
	}

	blocks.push({ kind: 'heading', level: 1, text: m.sections.start });
	if (doc.start.triggers.length === 0) blocks.push({ kind: 'paragraph', text: m.noStart });
	else blocks.push({ kind: 'list', items: doc.start.triggers.map((t) => t.text) });
	if (doc.start.robots.length > 0) blocks.push({ kind: 'rows', rows: [{ label: m.stageRows.robots, lines: doc.start.robots.map((r) => r.text) }] });

	const stagesHeading: SpecBlock & { kind: 'heading' } = { kind: 'heading', level: 1, text: m.sections.stages };
	blocks.push(stagesHeading);
	if (doc.stages.length === 0 && doc.problems.length === 0) blocks.push({ kind: 'paragraph', text: m.noStages });
	doc.stages.forEach((stage, i) => {
		const rows = stageRows(stage, m);
		const long = isLong(rows);
		// A long first stage takes the section heading to the new page with it.
		if (long && i === 0) stagesHeading.pageBreak = true;
		blocks.push({ kind: 'stage', heading: m.stageHeading(stage.number, stage.name), anchor: stage.id, rows, pageBreak: long && i > 0, keepTogether: !long });
	});

	if (doc.processEvents.length > 0) {
		blocks.push({ kind: 'heading', level: 1, text: m.sections.processEvents }, { kind: 'list', items: doc.processEvents.map((e) => e.text) });
	}
	if (doc.otherRobots.length > 0) {
		blocks.push({ kind: 'heading', level: 1, text: m.sections.otherRobots }, { kind: 'list', items: doc.otherRobots.map((r) => r.text) });
	}
	for (const changes of doc.changes) {
		blocks.push({ kind: 'heading', level: 1, text: changes.title });
		if (changes.note) blocks.push({ kind: 'paragraph', text: changes.note });
		if (changes.items.length > 0) blocks.push({ kind: 'list', items: changes.items.map((c) => c.text) });
	}

	blocks.push({ kind: 'heading', level: 1, text: m.sections.approvals, pageBreak: true });
	if (doc.approvals.length === 0) blocks.push({ kind: 'paragraph', text: m.approvals.none });
	doc.approvals.forEach((approval, i) => {
		blocks.push(
			{ kind: 'heading', level: 3, text: m.approvals.heading(i + 1) },
			{
				kind: 'rows',
				rows: approval.facts.map((f) => ({ label: f.label, lines: [f.value], ...(f.value === approval.sha256 || f.value === approval.userAgent ? { mono: true } : {}) }))
			}
		);
	});
	blocks.push(
		{ kind: 'signature', role: m.approvals.customer, lines: [m.approvals.signHere, m.approvals.date] },
		{ kind: 'signature', role: m.approvals.contractor, lines: [m.approvals.signHere, m.approvals.date] }
	);
	return blocks;
}

/** The rows of a stage's table, in the order an integrator's ТЗ has them. */
export function stageRows(stage: SpecStage, m: SpecMessages): SpecRow[] {
	const r = m.stageRows;
	const orEmpty = (lines: string[]) => (lines.length > 0 ? lines : [m.empty]);
	const rows: SpecRow[] = [{ label: r.stage, lines: [stage.name] }];
	if (stage.description) rows.push({ label: r.description, lines: stage.description.split('\n') });
	rows.push(
		{ label: r.responsible, lines: [stage.responsible] },
		{ label: r.deadline, lines: stage.resultRequired ? [stage.deadline, stage.resultRequired] : [stage.deadline] },
		{ label: r.fields, lines: orEmpty(stage.fields.map((f) => m.fieldLine(f.label, f.type, f.rule))) }
	);
	if (stage.outcomes.length > 0) rows.push({ label: r.outcomes, lines: stage.outcomes.map((o) => m.outcomeLine(o.label, o.leadsTo)) });
	if (stage.next.length > 0 || stage.outcomes.length === 0) rows.push({ label: r.next, lines: orEmpty(stage.next) });
	rows.push({ label: r.robots, lines: orEmpty(stage.robots.map((x) => x.text)) }, { label: r.events, lines: orEmpty(stage.events.map((e) => e.text)) });
	return rows;
}

function isLong(rows: SpecRow[]): boolean {
	const lines = rows.flatMap((row) => row.lines).reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / LINE_CHARS)), 0);
	return lines > LONG_STAGE_LINES;
}
