/**
 * The specification document (ТЗ) of one process revision, as plain data: every sentence is
 * already written in the document's language, so a renderer (HTML, DOCX, PDF, a Svelte page)
 * only lays it out and never decides what a diagram means. `buildSpec` makes it; `layoutSpec`
 * turns it into the blocks the renderers draw.
 */

/** The languages a specification is written in; Russian first. */
export type SpecLocale = 'ru' | 'en';

/** A label and its value: a row of the title block or of an approval. */
export interface SpecFact {
	label: string;
	value: string;
}

export interface SpecDocument {
	locale: SpecLocale;
	/** «Техническое задание». */
	title: string;
	/** The process name. */
	subtitle: string;
	/** Process, description, goal, entity type, revision, author, date, hash. */
	facts: SpecFact[];
	/** The revision's sha256, repeated here for the approval sheet and file names. */
	sha256: string;
	/** How the process starts and what runs before the first stage. */
	start: SpecStart;
	/** One entry per stage, in the order the flow reaches them from the start. */
	stages: SpecStage[];
	/** Robots no stage leads to (e.g. reached only from an event subprocess). */
	otherRobots: SpecRobot[];
	/** Events that can happen at any moment of the process (event subprocesses). */
	processEvents: SpecEvent[];
	/** Changes from AS IS, then from the last approved revision. */
	changes: SpecChanges[];
	approvals: SpecApproval[];
	/** Why parts of the document could not be written (the diagram does not validate). */
	problems: string[];
}

export interface SpecStart {
	/** How a process instance starts, one sentence per start event. */
	triggers: SpecEvent[];
	robots: SpecRobot[];
}

export interface SpecStage {
	/** The BPMN element id, so a page can link the table with the diagram. */
	id: string;
	/** 1, 2, … in document order. */
	number: number;
	name: string;
	/** What happens on the stage (the element's BPMN documentation), when written. */
	description?: string;
	/** Who gets the stage's task, in words. */
	responsible: string;
	/** The deadline in words, or «не задан». */
	deadline: string;
	/** «Нельзя завершить без результата», when the task requires one. */
	resultRequired?: string;
	fields: SpecField[];
	outcomes: SpecOutcome[];
	/** Where the stage leads when it has no outcomes (or paths its outcomes do not cover). */
	next: string[];
	/** Robots that run after the stage, on its outcomes' paths and on its events' paths. */
	robots: SpecRobot[];
	/** Timers and triggers on the stage (boundary events) and on its way out (waits). */
	events: SpecEvent[];
}

export interface SpecField {
	key: string;
	label: string;
	/** The type in words, with the options of a list: «список: Сайт, Звонок, Авито». */
	type: string;
	/** The rule in words: «обязательно», «необязательно», «обязательно при исходе „Отказ“». */
	rule: string;
	required: boolean;
	/** The raw `requiredWhen` expression, when there is one. */
	requiredWhen?: string;
}

export interface SpecOutcome {
	key: string;
	label: string;
	/** Where the outcome leads, in words: «→ стадия «Взят в работу»». */
	leadsTo: string;
}

export interface SpecRobot {
	id: string;
	name: string;
	/** The robot type in words: «Поставить задачу». */
	action: string;
	inputs: SpecFact[];
	/** One sentence: the action, the name and the inputs. */
	text: string;
}

export type SpecEventKind = 'timer' | 'message' | 'signal' | 'error' | 'escalation' | 'conditional' | 'start';

export interface SpecEvent {
	id: string;
	kind: SpecEventKind;
	/** One sentence: when it happens, whether it interrupts the stage, and where it leads. */
	text: string;
}

export interface SpecChangeItem {
	elementId: string;
	elementName?: string;
	/** `added`, `removed`, `changed` or an annotation kind of `$lib/diff` (`field-added`, …). */
	kind: string;
	text: string;
}

export interface SpecChanges {
	against: 'as-is' | 'approved';
	title: string;
	/** False when there was nothing to compare with; `note` says why. */
	compared: boolean;
	note?: string;
	items: SpecChangeItem[];
}

export interface SpecApproval {
	name: string;
	signature: string;
	/** Formatted date and time, with the time zone. */
	at: string;
	sha256: string;
	/** Whether the approval is for exactly this revision's XML. */
	matchesRevision: boolean;
	ip: string;
	userAgent: string;
	/** The rows an approval sheet shows, labelled in the document's language. */
	facts: SpecFact[];
}
