import type { reportsManagersRu } from './reports-managers-ru';

/** The manager control report's texts, in English. */
export const reportsManagersEn: typeof reportsManagersRu = {
	title: 'Manager control',
	intro: 'How each employee is doing: tasks, records left without attention and how fast new leads get a response. Click a number to see what is behind it.',
	ownIntro: 'Your tasks, records left without attention and how fast your new leads got a response. Click a number to see what is behind it.',
	periodTitle: 'Period',
	from: 'From',
	to: 'To',
	show: 'Show',
	periodReversed: 'The period starts after it ends — showing the last 30 days.',
	period: 'Period: {{from}} to {{to}}',
	download: 'Download',
	xlsx: 'Excel (XLSX)',
	csv: 'CSV',
	sheet: 'Manager control',
	empty: 'Nobody in the company has tasks or records yet.',
	noResponse: '—',
	columns: {
		name: 'Employee',
		open: 'Open tasks',
		overdue: 'Overdue tasks',
		completed: 'Tasks completed in the period',
		noTask: 'Records without an open task',
		quiet: 'Records without a comment for 7 days',
		leads: 'New leads in the period',
		responded: 'Leads responded to',
		waiting: 'Leads awaiting a response',
		avgResponseMinutes: 'Average response time, min'
	},
	short: {
		tasks: 'Tasks',
		records: 'Records in progress',
		leads: 'New leads',
		open: 'Open',
		overdue: 'Overdue',
		completed: 'Completed',
		noTask: 'No task',
		quiet: 'No comment',
		count: 'Total',
		avgResponse: 'Response time',
		waiting: 'Waiting'
	},
	hintsTitle: 'How the numbers are counted',
	hints: {
		open: 'Open tasks: tasks in progress the employee is responsible for now.',
		overdue: 'Overdue: open tasks whose deadline has passed.',
		completed: 'Completed: the employee’s tasks completed within the period.',
		noTask: 'No task: the employee’s open leads, deals and other records (not contacts or companies) with no open task.',
		quiet: 'No comment: the same open records nobody has commented on in the last 7 days.',
		leads: 'New leads: leads created within the period that the employee is responsible for.',
		responded: 'Responded: new leads a person has already acted on.',
		avgResponse: 'Response time: from a lead’s creation to the first action of a person on it — a comment, a move to another stage, a status change or a completed task. Entering the first stage on creation does not count, nor do robots. The average is over the leads that got a response.',
		waiting: 'Waiting: open new leads nobody has acted on yet.'
	},
	lists: {
		open: 'Open tasks',
		overdue: 'Overdue tasks',
		completed: 'Tasks completed in the period',
		no_task: 'Records without an open task',
		quiet: 'Records without a comment for 7 days',
		leads: 'New leads in the period',
		responded: 'Leads responded to',
		waiting: 'Leads awaiting a response'
	},
	back: '← Manager control',
	shown: 'Showing the first {{shown}} of {{total}}.',
	listEmpty: 'Nothing here.',
	item: {
		task: 'Task',
		record: 'Record',
		deadline: 'Deadline',
		noDeadline: 'no deadline',
		completedAt: 'Completed',
		createdAt: 'Created',
		lastComment: 'Last comment',
		never: 'never',
		firstAction: 'First action',
		response: 'Response time',
		waiting: 'still waiting',
		about: 'About',
		tasksOfRecord: 'the record’s tasks'
	},
	duration: {
		lessThanMinute: 'under a minute',
		minutes: '{{m}} min',
		hours: '{{h}} h {{m}} min',
		days: '{{d}} d {{h}} h'
	}
};
