import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, real, index, uniqueIndex, primaryKey } from 'drizzle-orm/sqlite-core';
import { users } from './auth';
import { groups, workspaces } from './workspaces';

/**
 * The CRM: entity types (lead, deal, contact, company and custom «smart
 * processes»), their field definitions, records with a JSON object of values
 * plus the few columns lists filter and sort on, normalised search rows for
 * phones and e-mails, links between records, the timeline, comments and tasks.
 * Every row carries its workspace; lists page by (updated_at, id).
 */

export const RECORD_STATUSES = ['open', 'won', 'lost', 'spam', 'converted'] as const;
export type RecordStatus = (typeof RECORD_STATUSES)[number];

export const TIMELINE_KINDS = [
	'created', 'field_changed', 'stage_changed', 'status_changed', 'comment', 'task', 'robot', 'log',
	'incident', 'merged', 'assigned', 'linked', 'unlinked'
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export const TASK_STATUSES = ['open', 'completed', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** An enum option: `key` is what records store, `label` what people see; archived options stay readable. */
export interface FieldOption {
	key: string;
	label: string;
	archived?: boolean;
}

/** Type-specific settings of a field definition. */
export interface FieldSettings {
	/** For `record-link` fields: the entity type key the linked record must have. */
	targetType?: string;
}

export const crmEntityTypes = sqliteTable(
	'crm_entity_types',
	{
		id: text('id').primaryKey(),
		workspaceId: text('workspace_id')
			.notNull()
			.references(() => workspaces.id, { onDelete: 'cascade' }),
		/** `lead`, `deal`, `contact`, `company`, or a key made from a custom type's name. */
		key: text('key').notNull(),
		name: text('name').notNull(),
		builtIn: integer('built_in', { mode: 'boolean' }).notNull().default(false),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [uniqueIndex('crm_entity_types_key_idx').on(t.workspaceId, t.key), uniqueIndex('crm_entity_types_name_idx').on(t.workspaceId, t.name)]
);

export const crmFields = sqliteTable(
	'crm_fields',
	{
		id: text('id').primaryKey(),
		workspaceId: text('workspace_id')
			.notNull()
			.references(() => workspaces.id, { onDelete: 'cascade' }),
		entityTypeId: text('entity_type_id')
			.notNull()
			.references(() => crmEntityTypes.id, { onDelete: 'cascade' }),
		key: text('key').notNull(),
		label: text('label').notNull(),
		type: text('type').notNull(),
		/** The value is a list (several phones, several e-mails). */
		multiple: integer('multiple', { mode: 'boolean' }).notNull().default(false),
		/** Required on the card: a record cannot be created without it, nor can it be cleared. */
		required: integer('required', { mode: 'boolean' }).notNull().default(false),
		/** A built-in field: its key and type are fixed and it cannot be deleted. */
		system: integer('system', { mode: 'boolean' }).notNull().default(false),
		position: integer('position').notNull(),
		options: text('options', { mode: 'json' }).notNull().$type<FieldOption[]>().default([]),
		settings: text('settings', { mode: 'json' }).notNull().$type<FieldSettings>().default({}),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [uniqueIndex('crm_fields_type_key_idx').on(t.entityTypeId, t.key), index('crm_fields_type_position_idx').on(t.entityTypeId, t.position)]
);

export const crmRecords = sqliteTable(
	'crm_records',
	{
		id: text('id').primaryKey(),
		workspaceId: text('workspace_id')
			.notNull()
			.references(() => workspaces.id, { onDelete: 'cascade' }),
		entityTypeId: text('entity_type_id')
			.notNull()
			.references(() => crmEntityTypes.id, { onDelete: 'cascade' }),
		/** The published pipeline (process) the record runs in; null for contacts, companies and records outside any. */
		pipeline: text('pipeline'),
		stage: text('stage'),
		status: text('status', { enum: RECORD_STATUSES }).notNull().default('open'),
		title: text('title').notNull(),
		responsibleId: text('responsible_id').references(() => users.id, { onDelete: 'set null' }),
		fieldValues: text('field_values', { mode: 'json' }).notNull().$type<Record<string, unknown>>().default({}),
		/** Mirrors the `amount` money field, for sums and sorting. */
		amount: real('amount'),
		currency: text('currency'),
		/** Lower-cased title, names and company name (ё → е) for `q` search. */
		searchText: text('search_text').notNull().default(''),
		/** Normalised person or company name for duplicate control; null when the type has none. */
		dedupName: text('dedup_name'),
		/** The process instance driving this record, set by the runtime. */
		instanceId: text('instance_id'),
		/** Set when this record was merged into another: the card redirects there. */
		mergedInto: text('merged_into'),
		/** Set at creation when the phone or e-mail was already known (a repeat lead, not a new client). */
		repeat: integer('repeat', { mode: 'boolean' }).notNull().default(false),
		createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
	},
	// List indexes hold live records only (merged-away ones never show in lists) and end in
	// (updated_at, id), the keyset order; the type-wide one carries the search text so that a
	// `q` filter is checked in the index without reading the rows it rejects.
	(t) => [
		index('crm_records_pipeline_idx').on(t.workspaceId, t.entityTypeId, t.pipeline, t.stage, t.updatedAt, t.id).where(sql`merged_into is null`),
		index('crm_records_updated_idx').on(t.workspaceId, t.entityTypeId, t.updatedAt, t.id, t.searchText).where(sql`merged_into is null`),
		index('crm_records_responsible_idx').on(t.workspaceId, t.entityTypeId, t.responsibleId, t.updatedAt, t.id).where(sql`merged_into is null`),
		index('crm_records_dedup_idx').on(t.workspaceId, t.entityTypeId, t.dedupName),
		index('crm_records_merged_idx').on(t.mergedInto),
		// Manager control report (reports/managers.ts): a person's open records, and their new leads by creation time.
		index('crm_records_control_idx').on(t.workspaceId, t.responsibleId, t.status).where(sql`merged_into is null`),
		index('crm_records_created_idx').on(t.workspaceId, t.entityTypeId, t.responsibleId, t.createdAt).where(sql`merged_into is null`)
	]
);

export const crmRecordObservers = sqliteTable(
	'crm_record_observers',
	{
		recordId: text('record_id')
			.notNull()
			.references(() => crmRecords.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' })
	},
	(t) => [primaryKey({ columns: [t.recordId, t.userId] }), index('crm_record_observers_user_idx').on(t.userId, t.recordId)]
);

/** One row per normalised (E.164) phone of a record, for search and duplicate control. */
export const crmRecordPhones = sqliteTable(
	'crm_record_phones',
	{
		recordId: text('record_id')
			.notNull()
			.references(() => crmRecords.id, { onDelete: 'cascade' }),
		workspaceId: text('workspace_id').notNull(),
		entityTypeId: text('entity_type_id').notNull(),
		phone: text('phone').notNull()
	},
	(t) => [primaryKey({ columns: [t.recordId, t.phone] }), index('crm_record_phones_lookup_idx').on(t.workspaceId, t.entityTypeId, t.phone)]
);

/** One row per normalised (trimmed, lower-cased) e-mail of a record. */
export const crmRecordEmails = sqliteTable(
	'crm_record_emails',
	{
		recordId: text('record_id')
			.notNull()
			.references(() => crmRecords.id, { onDelete: 'cascade' }),
		workspaceId: text('workspace_id').notNull(),
		entityTypeId: text('entity_type_id').notNull(),
		email: text('email').notNull()
	},
	(t) => [primaryKey({ columns: [t.recordId, t.email] }), index('crm_record_emails_lookup_idx').on(t.workspaceId, t.entityTypeId, t.email)]
);

/** A link between two records in its canonical direction (deal → contact, deal → company, contact → company…). */
export const crmLinks = sqliteTable(
	'crm_links',
	{
		workspaceId: text('workspace_id')
			.notNull()
			.references(() => workspaces.id, { onDelete: 'cascade' }),
		fromId: text('from_id')
			.notNull()
			.references(() => crmRecords.id, { onDelete: 'cascade' }),
		toId: text('to_id')
			.notNull()
			.references(() => crmRecords.id, { onDelete: 'cascade' }),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [primaryKey({ columns: [t.fromId, t.toId] }), index('crm_links_to_idx').on(t.toId)]
);

/** The record's timeline: append-only history of what happened to it. */
export const crmTimeline = sqliteTable(
	'crm_timeline',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		workspaceId: text('workspace_id')
			.notNull()
			.references(() => workspaces.id, { onDelete: 'cascade' }),
		recordId: text('record_id')
			.notNull()
			.references(() => crmRecords.id, { onDelete: 'cascade' }),
		/** The record the entry was first written on, when a merge moved it. */
		originRecordId: text('origin_record_id'),
		kind: text('kind', { enum: TIMELINE_KINDS }).notNull(),
		/** Who did it; null for the system (robots, timers, integrations). */
		actorId: text('actor_id').references(() => users.id, { onDelete: 'set null' }),
		payload: text('payload', { mode: 'json' }).notNull().$type<Record<string, unknown>>(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('crm_timeline_record_idx').on(t.recordId, t.id)]
);

/** A comment on a record or on a task; `isResult` marks a task's result. */
export const crmComments = sqliteTable(
	'crm_comments',
	{
		id: text('id').primaryKey(),
		workspaceId: text('workspace_id')
			.notNull()
			.references(() => workspaces.id, { onDelete: 'cascade' }),
		recordId: text('record_id').references(() => crmRecords.id, { onDelete: 'cascade' }),
		taskId: text('task_id').references(() => crmTasks.id, { onDelete: 'cascade' }),
		authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
		body: text('body').notNull(),
		isResult: integer('is_result', { mode: 'boolean' }).notNull().default(false),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('crm_comments_record_idx').on(t.recordId, t.createdAt), index('crm_comments_task_idx').on(t.taskId, t.createdAt)]
);

/** A task made by hand or by a process (then `engineTaskId` names the engine's user task). */
export const crmTasks = sqliteTable(
	'crm_tasks',
	{
		id: text('id').primaryKey(),
		workspaceId: text('workspace_id')
			.notNull()
			.references(() => workspaces.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		description: text('description').notNull().default(''),
		creatorId: text('creator_id').references(() => users.id, { onDelete: 'set null' }),
		responsibleId: text('responsible_id').references(() => users.id, { onDelete: 'set null' }),
		deadlineAt: integer('deadline_at', { mode: 'timestamp_ms' }),
		/** Cannot be completed without a comment marked as the result. */
		resultRequired: integer('result_required', { mode: 'boolean' }).notNull().default(false),
		status: text('status', { enum: TASK_STATUSES }).notNull().default('open'),
		result: text('result'),
		engineTaskId: text('engine_task_id'),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		completedAt: integer('completed_at', { mode: 'timestamp_ms' }),
		completedBy: text('completed_by').references(() => users.id, { onDelete: 'set null' })
	},
	(t) => [
		index('crm_tasks_responsible_idx').on(t.workspaceId, t.responsibleId, t.status, t.deadlineAt),
		/** Tasks a person completed in a period (manager control report). */
		index('crm_tasks_completed_idx').on(t.workspaceId, t.responsibleId, t.status, t.completedAt),
		uniqueIndex('crm_tasks_engine_idx').on(t.workspaceId, t.engineTaskId)
	]
);

/** Co-executors (same rights as the responsible) and observers (comment only) of a task. */
export const crmTaskPeople = sqliteTable(
	'crm_task_people',
	{
		taskId: text('task_id')
			.notNull()
			.references(() => crmTasks.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		role: text('role', { enum: ['co_executor', 'observer'] }).notNull()
	},
	(t) => [primaryKey({ columns: [t.taskId, t.userId, t.role] }), index('crm_task_people_user_idx').on(t.userId)]
);

export const crmTaskRecords = sqliteTable(
	'crm_task_records',
	{
		taskId: text('task_id')
			.notNull()
			.references(() => crmTasks.id, { onDelete: 'cascade' }),
		recordId: text('record_id')
			.notNull()
			.references(() => crmRecords.id, { onDelete: 'cascade' })
	},
	(t) => [primaryKey({ columns: [t.taskId, t.recordId] }), index('crm_task_records_record_idx').on(t.recordId)]
);

/** Per-workspace CRM settings. */
export const crmSettings = sqliteTable('crm_settings', {
	workspaceId: text('workspace_id')
		.primaryKey()
		.references(() => workspaces.id, { onDelete: 'cascade' }),
	/** Merge a new record into an existing one of its type on an exact phone or e-mail match. */
	autoMerge: integer('auto_merge', { mode: 'boolean' }).notNull().default(false),
	updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
});

/**
 * Round-robin and least-loaded turns: when each member of a pool (a group)
 * last got something. The next pick goes to the member whose turn is oldest,
 * so the rotation survives restarts and absences.
 */
export const crmAssignmentTurns = sqliteTable(
	'crm_assignment_turns',
	{
		workspaceId: text('workspace_id')
			.notNull()
			.references(() => workspaces.id, { onDelete: 'cascade' }),
		groupId: text('group_id')
			.notNull()
			.references(() => groups.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		lastTurn: integer('last_turn').notNull()
	},
	(t) => [primaryKey({ columns: [t.groupId, t.userId] }), index('crm_assignment_turns_ws_idx').on(t.workspaceId)]
);
