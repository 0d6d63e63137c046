import type { AssignmentAnnotation, RobotAnnotation, TimerAnnotation } from './element-annotations';

/** The languages a compare speaks. */
export type DiffLocale = 'ru' | 'en';

/** What kind of thing a sentence is about: «Этап «…»», «Переход «…»». */
export type SubjectKind = 'stage' | 'task' | 'subprocess' | 'call' | 'flow' | 'event' | 'gateway' | 'lane' | 'element';

/** A field as a sentence names it. */
export interface FieldText {
	name: string;
	type?: string;
	required: boolean;
	requiredWhen?: string;
}

/** Every sentence a compare can produce, in one language. */
export interface DiffMessages {
	subject(kind: SubjectKind, name: string): string;
	stageMarked: string;
	stageUnmarked: string;
	fieldAdded(field: FieldText): string;
	fieldRemoved(name: string): string;
	fieldRequired(name: string): string;
	fieldOptional(name: string): string;
	fieldRequiredWhen(name: string, from: string | undefined, to: string | undefined): string;
	fieldType(name: string, from: string | undefined, to: string | undefined): string;
	fieldLabel(key: string, from: string | undefined, to: string | undefined): string;
	fieldOptions(name: string, from: string | undefined, to: string | undefined): string;
	outcomeAdded(label: string, key: string): string;
	outcomeRemoved(label: string, key: string): string;
	outcomeRenamed(key: string, from: string | undefined, to: string | undefined): string;
	condition(from: string | undefined, to: string | undefined): string;
	assignment(from: AssignmentAnnotation | undefined, to: AssignmentAnnotation | undefined): string;
	deadline(from: string | undefined, to: string | undefined): string;
	resultRequired(on: boolean): string;
	robot(from: RobotAnnotation | undefined, to: RobotAnnotation | undefined): string;
	timer(from: TimerAnnotation | undefined, to: TimerAnnotation | undefined): string;
	recordStatus(from: string | undefined, to: string | undefined): string;
}

const ruSubjects: Record<SubjectKind, string> = {
	stage: 'Этап', task: 'Задача', subprocess: 'Подпроцесс', call: 'Вызов процесса', flow: 'Переход',
	event: 'Событие', gateway: 'Шлюз', lane: 'Дорожка', element: 'Элемент'
};

const enSubjects: Record<SubjectKind, string> = {
	stage: 'Stage', task: 'Task', subprocess: 'Subprocess', call: 'Call activity', flow: 'Flow',
	event: 'Event', gateway: 'Gateway', lane: 'Lane', element: 'Element'
};

const ruStatuses: Record<string, string> = { won: 'успех', lost: 'провал', spam: 'спам', converted: 'конвертирована' };

const ruAssignment: Record<string, (a: AssignmentAnnotation) => string> = {
	user: (a) => `пользователь ${a.user ?? '?'}`,
	group: (a) => `группа ${a.group ?? '?'}`,
	'round-robin': (a) => `по очереди в группе ${a.group ?? '?'}`,
	'least-loaded': (a) => `наименее загруженному в группе ${a.group ?? '?'}`,
	expression: (a) => `выражение ${a.expression ?? '?'}`
};

const enAssignment: Record<string, (a: AssignmentAnnotation) => string> = {
	user: (a) => `user ${a.user ?? '?'}`,
	group: (a) => `group ${a.group ?? '?'}`,
	'round-robin': (a) => `round-robin in group ${a.group ?? '?'}`,
	'least-loaded': (a) => `least loaded in group ${a.group ?? '?'}`,
	expression: (a) => `expression ${a.expression ?? '?'}`
};

function robotText(robot: RobotAnnotation): string {
	const inputs = robot.inputs.map((i) => `${i.name}=${i.value}`).join(', ');
	return `${robot.type ?? '?'}${inputs ? ` (${inputs})` : ''}`;
}

const ruTimerKinds = { duration: 'через', date: 'в дату', cycle: 'по циклу' } as const;
const enTimerKinds = { duration: 'after', date: 'at', cycle: 'cycle' } as const;

const ru: DiffMessages = {
	subject: (kind, name) => `${ruSubjects[kind]} «${name}»`,
	stageMarked: 'теперь этап',
	stageUnmarked: 'больше не этап',
	fieldAdded: (f) =>
		`новое ${f.required ? 'обязательное ' : ''}поле «${f.name}»${f.type ? ` (${f.type})` : ''}` +
		(f.requiredWhen ? `, обязательное при ${f.requiredWhen}` : ''),
	fieldRemoved: (name) => `удалено поле «${name}»`,
	fieldRequired: (name) => `поле «${name}» стало обязательным`,
	fieldOptional: (name) => `поле «${name}» больше не обязательное`,
	fieldRequiredWhen: (name, from, to) =>
		to === undefined
			? `поле «${name}»: снято условие обязательности ${from}`
			: `поле «${name}» обязательно при ${to}${from === undefined ? '' : ` (было: при ${from})`}`,
	fieldType: (name, from, to) => `поле «${name}»: тип ${from ?? '—'} → ${to ?? '—'}`,
	fieldLabel: (key, from, to) => `поле ${key} переименовано: «${from ?? key}» → «${to ?? key}»`,
	fieldOptions: (name, from, to) => `поле «${name}»: варианты ${from ?? '—'} → ${to ?? '—'}`,
	outcomeAdded: (label, key) => `новый исход «${label}» (${key})`,
	outcomeRemoved: (label, key) => `удалён исход «${label}» (${key})`,
	outcomeRenamed: (key, from, to) => `исход ${key} переименован: «${from ?? key}» → «${to ?? key}»`,
	condition: (from, to) =>
		from === undefined ? `новое условие ${to}` : to === undefined ? `снято условие ${from}` : `условие ${from} → ${to}`,
	assignment: (from, to) => `назначение: ${ruAssign(from)} → ${ruAssign(to)}`,
	deadline: (from, to) => `срок: ${from ?? 'нет'} → ${to ?? 'нет'}`,
	resultRequired: (on) => (on ? 'нельзя завершить без результата' : 'можно завершить без результата'),
	robot: (from, to) => `робот: ${from ? robotText(from) : 'нет'} → ${to ? robotText(to) : 'нет'}`,
	timer: (from, to) => `таймер: ${from ? `${ruTimerKinds[from.kind]} ${from.value}` : 'нет'} → ${to ? `${ruTimerKinds[to.kind]} ${to.value}` : 'нет'}`,
	recordStatus: (from, to) => `итоговый статус записи: ${from ? (ruStatuses[from] ?? from) : 'нет'} → ${to ? (ruStatuses[to] ?? to) : 'нет'}`
};

function ruAssign(a: AssignmentAnnotation | undefined): string {
	if (!a) return 'не задано';
	return ruAssignment[a.type ?? '']?.(a) ?? a.type ?? '?';
}

function enAssign(a: AssignmentAnnotation | undefined): string {
	if (!a) return 'none';
	return enAssignment[a.type ?? '']?.(a) ?? a.type ?? '?';
}

const en: DiffMessages = {
	subject: (kind, name) => `${enSubjects[kind]} “${name}”`,
	stageMarked: 'now a stage',
	stageUnmarked: 'no longer a stage',
	fieldAdded: (f) =>
		`new ${f.required ? 'required ' : ''}field “${f.name}”${f.type ? ` (${f.type})` : ''}` +
		(f.requiredWhen ? `, required when ${f.requiredWhen}` : ''),
	fieldRemoved: (name) => `field “${name}” removed`,
	fieldRequired: (name) => `field “${name}” is now required`,
	fieldOptional: (name) => `field “${name}” is no longer required`,
	fieldRequiredWhen: (name, from, to) =>
		to === undefined
			? `field “${name}”: no longer required when ${from}`
			: `field “${name}” required when ${to}${from === undefined ? '' : ` (was: when ${from})`}`,
	fieldType: (name, from, to) => `field “${name}”: type ${from ?? '—'} → ${to ?? '—'}`,
	fieldLabel: (key, from, to) => `field ${key} renamed: “${from ?? key}” → “${to ?? key}”`,
	fieldOptions: (name, from, to) => `field “${name}”: options ${from ?? '—'} → ${to ?? '—'}`,
	outcomeAdded: (label, key) => `new outcome “${label}” (${key})`,
	outcomeRemoved: (label, key) => `outcome “${label}” (${key}) removed`,
	outcomeRenamed: (key, from, to) => `outcome ${key} renamed: “${from ?? key}” → “${to ?? key}”`,
	condition: (from, to) =>
		from === undefined ? `new condition ${to}` : to === undefined ? `condition ${from} removed` : `condition ${from} → ${to}`,
	assignment: (from, to) => `assignment: ${enAssign(from)} → ${enAssign(to)}`,
	deadline: (from, to) => `deadline: ${from ?? 'none'} → ${to ?? 'none'}`,
	resultRequired: (on) => (on ? 'cannot be completed without a result' : 'can be completed without a result'),
	robot: (from, to) => `robot: ${from ? robotText(from) : 'none'} → ${to ? robotText(to) : 'none'}`,
	timer: (from, to) => `timer: ${from ? `${enTimerKinds[from.kind]} ${from.value}` : 'none'} → ${to ? `${enTimerKinds[to.kind]} ${to.value}` : 'none'}`,
	recordStatus: (from, to) => `final record status: ${from ?? 'none'} → ${to ?? 'none'}`
};

/** The compare's sentences in the given language. */
export const diffMessages: Record<DiffLocale, DiffMessages> = { ru, en };
