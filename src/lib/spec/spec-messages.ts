import { en } from './messages-en';
import { ru } from './messages-ru';
import type { SpecLocale } from './spec-document';

/**
 * Every sentence and label of the specification document, in Russian (the language of the
 * integrators' clients) and English. Names arrive already quoted by the caller's choice of
 * `q` (Russian «», English “”), so a sentence reads the same wherever it is used.
 */
export interface SpecMessages {
	/** Quotes a name: «Новая заявка», “New lead”. */
	q(name: string): string;
	/** Quotes an outcome inside a rule: „Отказ“, “Refused”. */
	qOutcome(label: string): string;
	list(items: string[], conjunction: 'and' | 'or'): string;
	yes: string;
	no: string;
	empty: string;

	title: string;
	sections: {
		about: string;
		diagram: string;
		start: string;
		stages: string;
		otherRobots: string;
		processEvents: string;
		approvals: string;
		problems: string;
	};
	facts: {
		process: string;
		description: string;
		goal: string;
		entityType: string;
		revision: string;
		author: string;
		createdAt: string;
		sha256: string;
	};
	stageRows: {
		stage: string;
		description: string;
		responsible: string;
		deadline: string;
		fields: string;
		outcomes: string;
		next: string;
		robots: string;
		events: string;
	};
	stageHeading(number: number, name: string): string;
	noStages: string;
	noStart: string;
	entityType(type: string): string;
	revision(track: string, number: number): string;

	assignment: {
		user(name: string): string;
		group(name: string): string;
		roundRobin(name: string): string;
		leastLoaded(name: string): string;
		fromField(label: string): string;
		recordResponsible: string;
		expression(text: string): string;
		laneDefault(rule: string, lane: string): string;
		laneWithoutRule(lane: string): string;
		notSet: string;
	};
	deadline: {
		notSet: string;
		resultRequired: string;
		byDate(date: string): string;
		expression(text: string): string;
	};
	relative: {
		before(duration: string, field: string): string;
		after(duration: string, field: string): string;
		at(field: string): string;
	};

	fieldType(type: string, options: string[] | undefined): string;
	rule: {
		required: string;
		optional: string;
		whenOutcomes(labels: string[]): string;
		exceptOutcomes(labels: string[]): string;
		andAlso(rule: string, condition: string): string;
		whenExpression(text: string): string;
	};
	fieldLine(label: string, type: string, rule: string): string;
	outcomeLine(label: string, leadsTo: string): string;

	to: {
		stage(name: string): string;
		end(name: string, status: string | undefined): string;
		terminate(name: string): string;
		errorEnd(name: string): string;
		robot(name: string): string;
		task(name: string): string;
		wait(when: string): string;
		throwEvent(name: string): string;
		subprocess(name: string): string;
		callActivity(name: string): string;
		back(name: string): string;
		when(condition: string, then: string): string;
		otherwise(then: string): string;
		branches(name: string | undefined, branches: string[]): string;
		parallel(branches: string[]): string;
		firstOf(branches: string[]): string;
		nowhere: string;
		routeIf(leadsTo: string, condition: string): string;
		outcomeIs(labels: string[]): string;
		outcomeIsNot(labels: string[]): string;
		both(a: string, b: string): string;
	};
	status(status: string): string;

	robotType(type: string): string;
	robotInput(name: string): string | undefined;
	robotText(action: string, name: string, inputs: { label: string; value: string }[]): string;
	channel(value: string): string | undefined;
	fieldValue(label: string): string;
	setField(label: string): string;

	when: {
		after(duration: string): string;
		onStageAfter(duration: string): string;
		at(date: string): string;
		cycle(words: string): string;
		expression(text: string): string;
		message(name: string | undefined): string;
		signal(name: string | undefined): string;
		error(code: string | undefined): string;
		escalation(code: string | undefined): string;
		conditional: string;
		manual: string;
	};
	event: {
		timer(name: string | undefined): string;
		trigger(name: string | undefined): string;
		signal(name: string | undefined): string;
		error(name: string | undefined): string;
		escalation(name: string | undefined): string;
		conditional(name: string | undefined): string;
		wait(name: string | undefined): string;
		start(name: string | undefined): string;
		interrupting: string;
		nonInterrupting: string;
		sentence(subject: string, when: string, effect: string | undefined, leadsTo: string): string;
	};

	changes: {
		asIsTitle: string;
		approvedTitle: string;
		noAsIs: string;
		noApproved: string;
		none: string;
		added(what: string): string;
		removed(what: string): string;
		changed(what: string): string;
		renamed(what: string, name: string): string;
		subject(kind: ChangeSubject, name: string): string;
		/** A change sentence: the subject (capitalised) and what changed. */
		line(subject: string, text: string): string;
		fromTo(what: string, from: string, to: string): string;
		newField(line: string): string;
		fieldRule(label: string): string;
		fieldType(label: string): string;
		what: { deadline: string; responsible: string; timer: string; robot: string; condition: string; status: string };
		nothing: string;
		becameStage: string;
		noLongerStage: string;
	};

	approvals: {
		none: string;
		name: string;
		signature: string;
		at: string;
		sha256: string;
		matches: string;
		ip: string;
		userAgent: string;
		heading(index: number): string;
		signHere: string;
		customer: string;
		contractor: string;
		date: string;
	};
	problemsIntro: string;
	/** Said in place of a diagram a renderer could not draw. */
	diagramFailed: string;
	/** Footer words: «стр. 3 из 7». */
	pages: { page: string; of: string };
}

/** What kind of element a change names. */
export type ChangeSubject = 'stage' | 'task' | 'robot' | 'event' | 'gateway' | 'subprocess' | 'flow' | 'lane' | 'element';

/** The specification's sentences in the given language. */
export const specMessages: Record<SpecLocale, SpecMessages> = { ru, en };
