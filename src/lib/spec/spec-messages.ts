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
	/** Footer words: «стр. 3 из 7». */
	pages: { page: string; of: string };
}

/** What kind of element a change names. */
export type ChangeSubject = 'stage' | 'task' | 'robot' | 'event' | 'gateway' | 'subprocess' | 'flow' | 'lane' | 'element';

const ruSubjects: Record<ChangeSubject, string> = {
	stage: 'стадия', task: 'задача', robot: 'робот', event: 'событие', gateway: 'развилка', subprocess: 'подпроцесс',
	flow: 'переход', lane: 'дорожка', element: 'элемент'
};
const enSubjects: Record<ChangeSubject, string> = {
	stage: 'stage', task: 'task', robot: 'robot', event: 'event', gateway: 'gateway', subprocess: 'subprocess',
	flow: 'flow', lane: 'lane', element: 'element'
};

const ruEntityTypes: Record<string, string> = { lead: 'Лид', deal: 'Сделка', contact: 'Контакт', company: 'Компания' };
const enEntityTypes: Record<string, string> = { lead: 'Lead', deal: 'Deal', contact: 'Contact', company: 'Company' };
const ruTracks: Record<string, string> = { as_is: 'AS IS (как есть)', to_be: 'TO BE (как должно быть)' };
const enTracks: Record<string, string> = { as_is: 'AS IS', to_be: 'TO BE' };

const ruFieldTypes: Record<string, string> = {
	string: 'строка', text: 'текст (несколько строк)', number: 'число', money: 'деньги', date: 'дата',
	datetime: 'дата и время', boolean: 'да/нет', enum: 'список', 'multi-enum': 'список (несколько значений)',
	phone: 'телефон', email: 'e-mail', url: 'ссылка', user: 'сотрудник', 'record-link': 'связь с записью'
};
const enFieldTypes: Record<string, string> = {
	string: 'text line', text: 'text (several lines)', number: 'number', money: 'money', date: 'date',
	datetime: 'date and time', boolean: 'yes/no', enum: 'list', 'multi-enum': 'list (several values)',
	phone: 'phone', email: 'e-mail', url: 'link', user: 'employee', 'record-link': 'link to a record'
};

const ruStatuses: Record<string, string> = { won: 'успешно', lost: 'провалено', spam: 'спам', converted: 'конвертировано' };
const enStatuses: Record<string, string> = { won: 'won', lost: 'lost', spam: 'spam', converted: 'converted' };

const ruRobotTypes: Record<string, string> = {
	'create-task': 'Поставить задачу', 'set-fields': 'Заполнить поля', 'change-responsible': 'Сменить ответственного',
	'send-message': 'Отправить сообщение', webhook: 'Отправить вебхук', log: 'Записать в журнал',
	'create-record': 'Создать запись', 'convert-record': 'Конвертировать запись', 'start-process': 'Запустить процесс',
	'generate-document': 'Сформировать документ'
};
const enRobotTypes: Record<string, string> = {
	'create-task': 'Create a task', 'set-fields': 'Set fields', 'change-responsible': 'Change the responsible',
	'send-message': 'Send a message', webhook: 'Call a webhook', log: 'Write to the log',
	'create-record': 'Create a record', 'convert-record': 'Convert the record', 'start-process': 'Start a process',
	'generate-document': 'Generate a document'
};

/** Robot inputs whose names are conventional across robot types; others are shown by name. */
const ruInputs: Record<string, string> = {
	title: 'Название', name: 'Название', description: 'Описание', text: 'Текст', body: 'Текст', message: 'Сообщение',
	responsible: 'Ответственный', assignee: 'Ответственный', user: 'Сотрудник', group: 'Группа', observers: 'Наблюдатели',
	due: 'Срок', deadline: 'Срок', priority: 'Приоритет', resultRequired: 'Нельзя завершить без результата',
	channel: 'Канал', template: 'Шаблон', to: 'Кому', recipient: 'Кому', subject: 'Тема', url: 'Адрес', method: 'Метод',
	level: 'Уровень', entityType: 'Тип записи', entity: 'Тип записи', type: 'Тип', process: 'Процесс', document: 'Документ'
};
const enInputs: Record<string, string> = {
	title: 'Title', name: 'Name', description: 'Description', text: 'Text', body: 'Text', message: 'Message',
	responsible: 'Responsible', assignee: 'Responsible', user: 'Employee', group: 'Group', observers: 'Observers',
	due: 'Deadline', deadline: 'Deadline', priority: 'Priority', resultRequired: 'Cannot be completed without a result',
	channel: 'Channel', template: 'Template', to: 'To', recipient: 'To', subject: 'Subject', url: 'URL', method: 'Method',
	level: 'Level', entityType: 'Record type', entity: 'Record type', type: 'Type', process: 'Process', document: 'Document'
};

const ruChannels: Record<string, string> = {
	telegram: 'Telegram', whatsapp: 'WhatsApp', email: 'электронная почта', sms: 'SMS', vk: 'ВКонтакте',
	viber: 'Viber', avito: 'Авито', chat: 'чат на сайте', internal: 'уведомление в Potok'
};
const enChannels: Record<string, string> = {
	telegram: 'Telegram', whatsapp: 'WhatsApp', email: 'e-mail', sms: 'SMS', vk: 'VK', viber: 'Viber',
	avito: 'Avito', chat: 'website chat', internal: 'Potok notification'
};

/** The triggers DESIGN names, in words; any other message name is shown as it is. */
const ruMessages: Record<string, string> = {
	'form.submitted': 'заполнена форма на сайте', 'call.missed': 'пропущенный звонок', 'payment.received': 'поступила оплата',
	'email.received': 'пришло письмо', 'message.received': 'пришло сообщение в мессенджере'
};
const enMessages: Record<string, string> = {
	'form.submitted': 'a website form is submitted', 'call.missed': 'a call is missed', 'payment.received': 'a payment is received',
	'email.received': 'an e-mail arrives', 'message.received': 'a messenger message arrives'
};

function ruList(items: string[], conjunction: 'and' | 'or'): string {
	if (items.length <= 1) return items.join('');
	return `${items.slice(0, -1).join(', ')} ${conjunction === 'and' ? 'и' : 'или'} ${items.at(-1)}`;
}

function enList(items: string[], conjunction: 'and' | 'or'): string {
	if (items.length <= 1) return items.join('');
	if (items.length === 2) return `${items[0]} ${conjunction} ${items[1]}`;
	return `${items.slice(0, -1).join(', ')}, ${conjunction} ${items.at(-1)}`;
}

const named = (word: string, name: string | undefined, q: (s: string) => string) => (name ? `${word} ${q(name)}` : word);

const ruQ = (s: string) => `«${s}»`;
const enQ = (s: string) => `“${s}”`;

const ru: SpecMessages = {
	q: ruQ,
	qOutcome: (label) => `„${label}“`,
	list: ruList,
	yes: 'да',
	no: 'нет',
	empty: '—',

	title: 'Техническое задание',
	sections: {
		about: 'Общие сведения',
		diagram: 'Схема процесса',
		start: 'Запуск процесса',
		stages: 'Стадии',
		otherRobots: 'Другие роботы',
		processEvents: 'События в любой момент процесса',
		approvals: 'Лист согласования',
		problems: 'Замечания к схеме'
	},
	facts: {
		process: 'Процесс',
		description: 'Описание',
		goal: 'Цель',
		entityType: 'Тип записи',
		revision: 'Схема',
		author: 'Автор ревизии',
		createdAt: 'Дата ревизии',
		sha256: 'Контрольная сумма схемы (SHA-256)'
	},
	stageRows: {
		stage: 'Стадия',
		description: 'Что происходит',
		responsible: 'Ответственный',
		deadline: 'Срок',
		fields: 'Поля',
		outcomes: 'Исходы',
		next: 'Далее',
		robots: 'Роботы',
		events: 'Таймеры и триггеры'
	},
	stageHeading: (n, name) => `Стадия ${n}. ${name}`,
	noStages: 'В схеме нет стадий: отметьте задачи, которые видит сотрудник, как стадии.',
	noStart: 'Процесс запускается вручную или из другого процесса.',
	entityType: (type) => ruEntityTypes[type] ?? type,
	revision: (track, n) => `${ruTracks[track] ?? track}, ревизия № ${n}`,

	assignment: {
		user: (name) => name,
		group: (name) => `любой сотрудник группы «${name}»`,
		roundRobin: (name) => `по очереди между сотрудниками группы «${name}»`,
		leastLoaded: (name) => `наименее загруженный сотрудник группы «${name}»`,
		fromField: (label) => `ответственный из поля «${label}»`,
		recordResponsible: 'ответственный за запись',
		expression: (text) => `по выражению: ${text}`,
		laneDefault: (rule, lane) => `${rule} (правило дорожки «${lane}»)`,
		laneWithoutRule: (lane) => `сотрудник дорожки «${lane}» (правило назначения не задано)`,
		notSet: 'не задан'
	},
	deadline: {
		notSet: 'не задан',
		resultRequired: 'Нельзя завершить без результата',
		byDate: (date) => `до ${date}`,
		expression: (text) => `по выражению: ${text}`
	},
	relative: {
		before: (d, field) => `за ${d} до «${field}»`,
		after: (d, field) => `через ${d} после «${field}»`,
		at: (field) => `в момент «${field}»`
	},

	fieldType: (type, options) => {
		const word = ruFieldTypes[type] ?? type;
		return options && options.length > 0 ? `${word}: ${options.join(', ')}` : word;
	},
	rule: {
		required: 'обязательно',
		optional: 'необязательно',
		whenOutcomes: (labels) => `обязательно при ${labels.length > 1 ? 'исходах' : 'исходе'} ${ruList(labels, 'or')}`,
		exceptOutcomes: (labels) => `обязательно при любом исходе, кроме ${ruList(labels, 'and')}`,
		andAlso: (rule, condition) => `${rule}, если ${condition}`,
		whenExpression: (text) => `обязательно при условии: ${text}`
	},
	fieldLine: (label, type, rule) => `«${label}» — ${type}; ${rule}`,
	outcomeLine: (label, leadsTo) => `«${label}» → ${leadsTo}`,

	to: {
		stage: (name) => `стадия «${name}»`,
		end: (name, status) => `завершение «${name}»${status ? ` (итог: ${ruStatuses[status] ?? status})` : ''}`,
		terminate: (name) => `завершение «${name}», процесс прекращается`,
		errorEnd: (name) => `ошибка «${name}»`,
		robot: (name) => `робот «${name}»`,
		task: (name) => `задача «${name}»`,
		wait: (when) => `ожидание: ${when}`,
		throwEvent: (name) => `событие «${name}»`,
		subprocess: (name) => `подпроцесс «${name}»`,
		callActivity: (name) => `процесс «${name}»`,
		back: (name) => `возврат к «${name}»`,
		when: (condition, then) => `если ${condition} → ${then}`,
		otherwise: (then) => `иначе → ${then}`,
		branches: (name, branches) => `${name ? `развилка «${name}»: ` : ''}${branches.join('; ')}`,
		parallel: (branches) => `одновременно: ${branches.join('; ')}`,
		firstOf: (branches) => `что случится раньше: ${branches.join('; ')}`,
		nowhere: 'переход не настроен',
		routeIf: (leadsTo, condition) => `${leadsTo} (если ${condition})`,
		outcomeIs: (labels) => `исход ${ruList(labels, 'or')}`,
		outcomeIsNot: (labels) => `исход не ${ruList(labels, 'and')}`,
		both: (a, b) => `${a} и ${b}`
	},
	status: (status) => ruStatuses[status] ?? status,

	robotType: (type) => ruRobotTypes[type] ?? type,
	robotInput: (name) => ruInputs[name],
	robotText: (action, name, inputs) =>
		`${action} «${name}»${inputs.length > 0 ? `: ${inputs.map((i) => `${i.label} — ${i.value}`).join('; ')}` : ''}`,
	channel: (value) => ruChannels[value.toLowerCase()],
	fieldValue: (label) => `значение поля «${label}»`,
	setField: (label) => `Поле «${label}»`,

	when: {
		after: (d) => `через ${d}`,
		onStageAfter: (d) => `через ${d} на стадии`,
		at: (date) => `в ${date}`,
		cycle: (words) => words,
		expression: (text) => `по выражению: ${text}`,
		message: (name) => (name ? (ruMessages[name] ? `${ruMessages[name]} (${name})` : `пришло событие «${name}»`) : 'пришло событие'),
		signal: (name) => (name ? `получен сигнал «${name}»` : 'получен сигнал'),
		error: (code) => (code ? `ошибка «${code}»` : 'любая ошибка'),
		escalation: (code) => (code ? `эскалация «${code}»` : 'любая эскалация'),
		conditional: 'выполнено условие',
		manual: 'вручную или из другого процесса'
	},
	event: {
		timer: (name) => named('Таймер', name, ruQ),
		trigger: (name) => named('Триггер', name, ruQ),
		signal: (name) => named('Сигнал', name, ruQ),
		error: (name) => named('Ошибка', name, ruQ),
		escalation: (name) => named('Эскалация', name, ruQ),
		conditional: (name) => named('Условие', name, ruQ),
		wait: (name) => named('Ожидание', name, ruQ),
		start: (name) => named('Запуск', name, ruQ),
		interrupting: 'стадия прерывается',
		nonInterrupting: 'стадия продолжается',
		sentence: (subject, when, effect, leadsTo) => `${subject}: ${when}${effect ? `, ${effect}` : ''} → ${leadsTo}`
	},

	changes: {
		asIsTitle: 'Изменения относительно AS IS',
		approvedTitle: 'Изменения после последнего согласования',
		noAsIs: 'Схема AS IS не приложена.',
		noApproved: 'Согласованной ревизии ещё нет.',
		none: 'Изменений нет.',
		added: (what) => `Добавлено: ${what}`,
		removed: (what) => `Удалено: ${what}`,
		changed: (what) => `Изменено: ${what}`,
		renamed: (what, name) => `Переименовано: ${what} → «${name}»`,
		subject: (kind, name) => `${ruSubjects[kind]} «${name}»`
	},

	approvals: {
		none: 'Ревизия ещё не согласована в Potok.',
		name: 'Согласующий',
		signature: 'Подпись (ФИО, введённое согласующим)',
		at: 'Дата и время',
		sha256: 'Контрольная сумма согласованной схемы (SHA-256)',
		matches: 'Относится к этой ревизии',
		ip: 'IP-адрес',
		userAgent: 'Браузер (User-Agent)',
		heading: (i) => `Согласование ${i}`,
		signHere: 'Подпись: ____________________ / ____________________ /',
		customer: 'Заказчик',
		contractor: 'Исполнитель',
		date: 'Дата: «____» ______________ 20___ г.'
	},
	problemsIntro: 'Схема не проходит проверку, поэтому часть ТЗ не построена:',
	pages: { page: 'стр.', of: 'из' }
};

const en: SpecMessages = {
	q: enQ,
	qOutcome: enQ,
	list: enList,
	yes: 'yes',
	no: 'no',
	empty: '—',

	title: 'Specification',
	sections: {
		about: 'General information',
		diagram: 'Process diagram',
		start: 'How the process starts',
		stages: 'Stages',
		otherRobots: 'Other robots',
		processEvents: 'Events at any moment of the process',
		approvals: 'Approval sheet',
		problems: 'Diagram problems'
	},
	facts: {
		process: 'Process',
		description: 'Description',
		goal: 'Goal',
		entityType: 'Record type',
		revision: 'Diagram',
		author: 'Revision author',
		createdAt: 'Revision date',
		sha256: 'Diagram checksum (SHA-256)'
	},
	stageRows: {
		stage: 'Stage',
		description: 'What happens',
		responsible: 'Responsible',
		deadline: 'Deadline',
		fields: 'Fields',
		outcomes: 'Outcomes',
		next: 'Next',
		robots: 'Robots',
		events: 'Timers and triggers'
	},
	stageHeading: (n, name) => `Stage ${n}. ${name}`,
	noStages: 'The diagram has no stages: mark the tasks an employee sees as stages.',
	noStart: 'The process is started by hand or by another process.',
	entityType: (type) => enEntityTypes[type] ?? type,
	revision: (track, n) => `${enTracks[track] ?? track}, revision ${n}`,

	assignment: {
		user: (name) => name,
		group: (name) => `any employee of the group “${name}”`,
		roundRobin: (name) => `in turn among the employees of the group “${name}”`,
		leastLoaded: (name) => `the least loaded employee of the group “${name}”`,
		fromField: (label) => `the person in the field “${label}”`,
		recordResponsible: 'the record’s responsible',
		expression: (text) => `by the expression: ${text}`,
		laneDefault: (rule, lane) => `${rule} (rule of the lane “${lane}”)`,
		laneWithoutRule: (lane) => `an employee of the lane “${lane}” (no assignment rule)`,
		notSet: 'not set'
	},
	deadline: {
		notSet: 'not set',
		resultRequired: 'Cannot be completed without a result',
		byDate: (date) => `by ${date}`,
		expression: (text) => `by the expression: ${text}`
	},
	relative: {
		before: (d, field) => `${d} before “${field}”`,
		after: (d, field) => `${d} after “${field}”`,
		at: (field) => `at “${field}”`
	},

	fieldType: (type, options) => {
		const word = enFieldTypes[type] ?? type;
		return options && options.length > 0 ? `${word}: ${options.join(', ')}` : word;
	},
	rule: {
		required: 'required',
		optional: 'optional',
		whenOutcomes: (labels) => `required when the outcome is ${enList(labels, 'or')}`,
		exceptOutcomes: (labels) => `required for any outcome except ${enList(labels, 'and')}`,
		andAlso: (rule, condition) => `${rule}, if ${condition}`,
		whenExpression: (text) => `required when: ${text}`
	},
	fieldLine: (label, type, rule) => `“${label}” — ${type}; ${rule}`,
	outcomeLine: (label, leadsTo) => `“${label}” → ${leadsTo}`,

	to: {
		stage: (name) => `stage “${name}”`,
		end: (name, status) => `end “${name}”${status ? ` (result: ${enStatuses[status] ?? status})` : ''}`,
		terminate: (name) => `end “${name}”, the process is terminated`,
		errorEnd: (name) => `error “${name}”`,
		robot: (name) => `robot “${name}”`,
		task: (name) => `task “${name}”`,
		wait: (when) => `wait: ${when}`,
		throwEvent: (name) => `event “${name}”`,
		subprocess: (name) => `subprocess “${name}”`,
		callActivity: (name) => `process “${name}”`,
		back: (name) => `back to “${name}”`,
		when: (condition, then) => `if ${condition} → ${then}`,
		otherwise: (then) => `otherwise → ${then}`,
		branches: (name, branches) => `${name ? `decision “${name}”: ` : ''}${branches.join('; ')}`,
		parallel: (branches) => `at the same time: ${branches.join('; ')}`,
		firstOf: (branches) => `whichever comes first: ${branches.join('; ')}`,
		nowhere: 'no route set',
		routeIf: (leadsTo, condition) => `${leadsTo} (if ${condition})`,
		outcomeIs: (labels) => `the outcome is ${enList(labels, 'or')}`,
		outcomeIsNot: (labels) => `the outcome is not ${enList(labels, 'or')}`,
		both: (a, b) => `${a} and ${b}`
	},
	status: (status) => enStatuses[status] ?? status,

	robotType: (type) => enRobotTypes[type] ?? type,
	robotInput: (name) => enInputs[name],
	robotText: (action, name, inputs) =>
		`${action} “${name}”${inputs.length > 0 ? `: ${inputs.map((i) => `${i.label} — ${i.value}`).join('; ')}` : ''}`,
	channel: (value) => enChannels[value.toLowerCase()],
	fieldValue: (label) => `the value of the field “${label}”`,
	setField: (label) => `Field “${label}”`,

	when: {
		after: (d) => `after ${d}`,
		onStageAfter: (d) => `after ${d} on the stage`,
		at: (date) => `at ${date}`,
		cycle: (words) => words,
		expression: (text) => `by the expression: ${text}`,
		message: (name) => (name ? (enMessages[name] ? `${enMessages[name]} (${name})` : `the event “${name}” arrives`) : 'an event arrives'),
		signal: (name) => (name ? `the signal “${name}” is received` : 'a signal is received'),
		error: (code) => (code ? `the error “${code}”` : 'any error'),
		escalation: (code) => (code ? `the escalation “${code}”` : 'any escalation'),
		conditional: 'a condition is met',
		manual: 'by hand or by another process'
	},
	event: {
		timer: (name) => named('Timer', name, enQ),
		trigger: (name) => named('Trigger', name, enQ),
		signal: (name) => named('Signal', name, enQ),
		error: (name) => named('Error', name, enQ),
		escalation: (name) => named('Escalation', name, enQ),
		conditional: (name) => named('Condition', name, enQ),
		wait: (name) => named('Wait', name, enQ),
		start: (name) => named('Start', name, enQ),
		interrupting: 'the stage is interrupted',
		nonInterrupting: 'the stage goes on',
		sentence: (subject, when, effect, leadsTo) => `${subject}: ${when}${effect ? `, ${effect}` : ''} → ${leadsTo}`
	},

	changes: {
		asIsTitle: 'Changes from AS IS',
		approvedTitle: 'Changes since the last approval',
		noAsIs: 'No AS IS diagram is attached.',
		noApproved: 'No revision has been approved yet.',
		none: 'No changes.',
		added: (what) => `Added: ${what}`,
		removed: (what) => `Removed: ${what}`,
		changed: (what) => `Changed: ${what}`,
		renamed: (what, name) => `Renamed: ${what} → “${name}”`,
		subject: (kind, name) => `${enSubjects[kind]} “${name}”`
	},

	approvals: {
		none: 'This revision has not been approved in Potok yet.',
		name: 'Approver',
		signature: 'Signature (full name typed by the approver)',
		at: 'Date and time',
		sha256: 'Checksum of the approved diagram (SHA-256)',
		matches: 'For this revision',
		ip: 'IP address',
		userAgent: 'Browser (User-Agent)',
		heading: (i) => `Approval ${i}`,
		signHere: 'Signature: ____________________ / ____________________ /',
		customer: 'Customer',
		contractor: 'Contractor',
		date: 'Date: ____________________'
	},
	problemsIntro: 'The diagram does not validate, so parts of the specification could not be written:',
	pages: { page: 'page', of: 'of' }
};

/** The specification's sentences in the given language. */
export const specMessages: Record<SpecLocale, SpecMessages> = { ru, en };
