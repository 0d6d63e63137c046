import type { ChangeSubject, SpecMessages } from './spec-messages';

/** The specification in English. */

const enSubjects: Record<ChangeSubject, string> = {
	stage: 'stage', task: 'task', robot: 'robot', event: 'event', gateway: 'gateway', subprocess: 'subprocess',
	flow: 'flow', lane: 'lane', element: 'element'
};

const enEntityTypes: Record<string, string> = { lead: 'Lead', deal: 'Deal', contact: 'Contact', company: 'Company' };

const enTracks: Record<string, string> = { as_is: 'AS IS', to_be: 'TO BE' };

const enFieldTypes: Record<string, string> = {
	string: 'text line', text: 'text (several lines)', number: 'number', money: 'money', date: 'date',
	datetime: 'date and time', boolean: 'yes/no', enum: 'list', 'multi-enum': 'list (several values)',
	phone: 'phone', email: 'e-mail', url: 'link', user: 'employee', 'record-link': 'link to a record'
};

const enStatuses: Record<string, string> = { won: 'won', lost: 'lost', spam: 'spam', converted: 'converted' };

const enRobotTypes: Record<string, string> = {
	'create-task': 'Create a task', 'set-fields': 'Set fields', 'change-responsible': 'Change the responsible',
	'send-message': 'Send a message', webhook: 'Call a webhook', log: 'Write to the log',
	'create-record': 'Create a record', 'convert-record': 'Convert the record', 'start-process': 'Start a process',
	'generate-document': 'Generate a document'
};

/** Robot inputs whose names are conventional across robot types; others are shown by name. */
const enInputs: Record<string, string> = {
	title: 'Title', name: 'Name', description: 'Description', text: 'Text', body: 'Text', message: 'Message',
	responsible: 'Responsible', assignee: 'Responsible', user: 'Employee', group: 'Group', observers: 'Observers',
	due: 'Deadline', deadline: 'Deadline', priority: 'Priority', resultRequired: 'Cannot be completed without a result',
	channel: 'Channel', template: 'Template', to: 'To', recipient: 'To', subject: 'Subject', url: 'URL', method: 'Method',
	level: 'Level', entityType: 'Record type', entity: 'Record type', type: 'Type', process: 'Process', document: 'Document'
};

const enChannels: Record<string, string> = {
	telegram: 'Telegram', whatsapp: 'WhatsApp', email: 'e-mail', sms: 'SMS', vk: 'VK', viber: 'Viber',
	avito: 'Avito', chat: 'website chat', internal: 'Potok notification'
};

/** The triggers DESIGN names, in words; any other message name is shown as it is. */
const enMessages: Record<string, string> = {
	'form.submitted': 'a website form is submitted', 'call.missed': 'a call is missed', 'payment.received': 'a payment is received',
	'email.received': 'an e-mail arrives', 'message.received': 'a messenger message arrives'
};

function enList(items: string[], conjunction: 'and' | 'or'): string {
	if (items.length <= 1) return items.join('');
	if (items.length === 2) return `${items[0]} ${conjunction} ${items[1]}`;
	return `${items.slice(0, -1).join(', ')}, ${conjunction} ${items.at(-1)}`;
}

const named = (word: string, name: string | undefined, q: (s: string) => string) => (name ? `${word} ${q(name)}` : word);

const enQ = (s: string) => `“${s}”`;

export const en: SpecMessages = {
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
		subject: (kind, name) => `${enSubjects[kind]} “${name}”`,
		line: (subject, text) => `${subject.charAt(0).toUpperCase()}${subject.slice(1)}: ${text}`,
		fromTo: (what, from, to) => `${what}: ${from} → ${to}`,
		newField: (line) => `new field ${line}`,
		fieldRule: (label) => `rule of the field “${label}”`,
		fieldType: (label) => `type of the field “${label}”`,
		what: { deadline: 'deadline', responsible: 'responsible', timer: 'timer', robot: 'action', condition: 'condition', status: 'result' },
		nothing: 'none',
		becameStage: 'now a stage',
		noLongerStage: 'no longer a stage'
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
	diagramFailed: 'The diagram could not be drawn in the PDF; the HTML version has it',
	pages: { page: 'page', of: 'of' }
};
