import type { ChangeSubject, SpecMessages } from './spec-messages';

/** The specification in Russian: the language of the integrators' clients. */

const ruSubjects: Record<ChangeSubject, string> = {
	stage: 'стадия', task: 'задача', robot: 'робот', event: 'событие', gateway: 'развилка', subprocess: 'подпроцесс',
	flow: 'переход', lane: 'дорожка', element: 'элемент'
};

const ruEntityTypes: Record<string, string> = { lead: 'Лид', deal: 'Сделка', contact: 'Контакт', company: 'Компания' };

const ruTracks: Record<string, string> = { as_is: 'AS IS (как есть)', to_be: 'TO BE (как должно быть)' };

const ruFieldTypes: Record<string, string> = {
	string: 'строка', text: 'текст (несколько строк)', number: 'число', money: 'деньги', date: 'дата',
	datetime: 'дата и время', boolean: 'да/нет', enum: 'список', 'multi-enum': 'список (несколько значений)',
	phone: 'телефон', email: 'e-mail', url: 'ссылка', user: 'сотрудник', 'record-link': 'связь с записью'
};

const ruStatuses: Record<string, string> = { won: 'успешно', lost: 'провалено', spam: 'спам', converted: 'конвертировано' };

const ruRobotTypes: Record<string, string> = {
	'create-task': 'Поставить задачу', 'set-fields': 'Заполнить поля', 'change-responsible': 'Сменить ответственного',
	'send-message': 'Отправить сообщение', webhook: 'Отправить вебхук', log: 'Записать в журнал',
	'create-record': 'Создать запись', 'convert-record': 'Конвертировать запись', 'start-process': 'Запустить процесс',
	'generate-document': 'Сформировать документ'
};

/** Robot inputs whose names are conventional across robot types; others are shown by name. */
const ruInputs: Record<string, string> = {
	title: 'Название', name: 'Название', description: 'Описание', text: 'Текст', body: 'Текст', message: 'Сообщение',
	responsible: 'Ответственный', assignee: 'Ответственный', user: 'Сотрудник', group: 'Группа', observers: 'Наблюдатели',
	due: 'Срок', deadline: 'Срок', priority: 'Приоритет', resultRequired: 'Нельзя завершить без результата',
	channel: 'Канал', template: 'Шаблон', to: 'Кому', recipient: 'Кому', subject: 'Тема', url: 'Адрес', method: 'Метод',
	level: 'Уровень', entityType: 'Тип записи', entity: 'Тип записи', type: 'Тип', process: 'Процесс', document: 'Документ'
};

const ruChannels: Record<string, string> = {
	telegram: 'Telegram', whatsapp: 'WhatsApp', email: 'электронная почта', sms: 'SMS', vk: 'ВКонтакте',
	viber: 'Viber', avito: 'Авито', chat: 'чат на сайте', internal: 'уведомление в Potok'
};

/** The triggers DESIGN names, in words; any other message name is shown as it is. */
const ruMessages: Record<string, string> = {
	'form.submitted': 'заполнена форма на сайте', 'call.missed': 'пропущенный звонок', 'payment.received': 'поступила оплата',
	'email.received': 'пришло письмо', 'message.received': 'пришло сообщение в мессенджере'
};

function ruList(items: string[], conjunction: 'and' | 'or'): string {
	if (items.length <= 1) return items.join('');
	return `${items.slice(0, -1).join(', ')} ${conjunction === 'and' ? 'и' : 'или'} ${items.at(-1)}`;
}

const named = (word: string, name: string | undefined, q: (s: string) => string) => (name ? `${word} ${q(name)}` : word);

const ruQ = (s: string) => `«${s}»`;

export const ru: SpecMessages = {
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
		subject: (kind, name) => `${ruSubjects[kind]} «${name}»`,
		line: (subject, text) => `${subject.charAt(0).toUpperCase()}${subject.slice(1)}: ${text}`,
		fromTo: (what, from, to) => `${what}: ${from} → ${to}`,
		newField: (line) => `новое поле ${line}`,
		fieldRule: (label) => `обязательность поля «${label}»`,
		fieldType: (label) => `тип поля «${label}»`,
		what: { deadline: 'срок', responsible: 'ответственный', timer: 'таймер', robot: 'действие', condition: 'условие', status: 'итог' },
		nothing: 'не задано',
		becameStage: 'теперь стадия',
		noLongerStage: 'больше не стадия'
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
	diagramFailed: 'Схему не удалось встроить в PDF; она есть в HTML-версии ТЗ',
	pages: { page: 'стр.', of: 'из' }
};
