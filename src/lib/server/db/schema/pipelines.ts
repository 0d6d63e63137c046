import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { users } from './auth';
import { crmEntityTypes, crmRecords } from './crm';
import { processes } from './processes';
import { workspaces } from './workspaces';

/**
 * Published processes and the pipelines they make. Publishing a TO BE
 * revision creates an immutable process version (which revision, its hash,
 * the engine definition it deployed, the stages and final statuses it
 * declares); the process's pipeline points at its newest version, which takes
 * new records while running ones stay on theirs. Records map to the process
 * instances driving them; in-app notifications are what robots send people.
 */

/** A visible stage of a pipeline, in the order the process lists them. */
export interface PipelineStage {
	/** What `crm_records.stage` holds: the `potok:stage key`, or the element id. */
	key: string;
	label: string;
	elementId: string;
}

/** An end event that closes the record with a final status. */
export interface PipelineFinalStatus {
	status: 'won' | 'lost' | 'spam' | 'converted';
	label: string;
	elementId: string;
}

export const processVersions = sqliteTable(
	'process_versions',
	{
		id: text('id').primaryKey(),
		workspaceId: text('workspace_id')
			.notNull()
			.references(() => workspaces.id, { onDelete: 'cascade' }),
		processId: text('process_id')
			.notNull()
			.references(() => processes.id, { onDelete: 'cascade' }),
		/** 1, 2, … per process. */
		version: integer('version').notNull(),
		/** The TO BE revision published. */
		revisionNumber: integer('revision_number').notNull(),
		sha256: text('sha256').notNull(),
		/** The engine definition deployed (`engine_definitions.key`, `<engine process id>:<n>`). */
		definitionKey: text('definition_key').notNull(),
		/** The process id the engine knows it by (unique in the workspace). */
		engineProcessId: text('engine_process_id').notNull(),
		entityTypeId: text('entity_type_id')
			.notNull()
			.references(() => crmEntityTypes.id, { onDelete: 'cascade' }),
		pipelineKey: text('pipeline_key').notNull(),
		pipelineName: text('pipeline_name').notNull(),
		stages: text('stages', { mode: 'json' }).notNull().$type<PipelineStage[]>(),
		finalStatuses: text('final_statuses', { mode: 'json' }).notNull().$type<PipelineFinalStatus[]>(),
		/** The options of the diagram's `loss_reason` field, when it declares one. */
		lossReasons: text('loss_reasons', { mode: 'json' }).notNull().$type<string[]>().default([]),
		/** Lint warnings the analyst published over. */
		warnings: text('warnings', { mode: 'json' }).notNull().$type<{ elementId?: string; message: string }[]>().default([]),
		publishedBy: text('published_by').references(() => users.id, { onDelete: 'set null' }),
		publishedAt: integer('published_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		uniqueIndex('process_versions_number_idx').on(t.processId, t.version),
		uniqueIndex('process_versions_definition_idx').on(t.workspaceId, t.definitionKey),
		index('process_versions_pipeline_idx').on(t.workspaceId, t.pipelineKey, t.version)
	]
);

/** A process's pipeline: stable key and name, the entity type it drives and its current version. */
export const pipelines = sqliteTable(
	'pipelines',
	{
		id: text('id').primaryKey(),
		workspaceId: text('workspace_id')
			.notNull()
			.references(() => workspaces.id, { onDelete: 'cascade' }),
		/** What `crm_records.pipeline` holds. */
		key: text('key').notNull(),
		name: text('name').notNull(),
		processId: text('process_id')
			.notNull()
			.references(() => processes.id, { onDelete: 'cascade' }),
		entityTypeId: text('entity_type_id')
			.notNull()
			.references(() => crmEntityTypes.id, { onDelete: 'cascade' }),
		/** The newest published version: new records start on it. */
		currentVersionId: text('current_version_id')
			.notNull()
			.references(() => processVersions.id),
		position: integer('position').notNull().default(0),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		uniqueIndex('pipelines_key_idx').on(t.workspaceId, t.key),
		uniqueIndex('pipelines_process_idx').on(t.processId),
		index('pipelines_type_idx').on(t.workspaceId, t.entityTypeId)
	]
);

/** A process instance driving (or started for) a record. */
export const recordInstances = sqliteTable(
	'crm_record_instances',
	{
		instanceId: text('instance_id').primaryKey(),
		workspaceId: text('workspace_id')
			.notNull()
			.references(() => workspaces.id, { onDelete: 'cascade' }),
		recordId: text('record_id')
			.notNull()
			.references(() => crmRecords.id, { onDelete: 'cascade' }),
		versionId: text('version_id')
			.notNull()
			.references(() => processVersions.id),
		/** The record's pipeline process (its stages are the record's), not an auxiliary one. */
		main: integer('main', { mode: 'boolean' }).notNull(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('crm_record_instances_record_idx').on(t.recordId), index('crm_record_instances_version_idx').on(t.versionId)]
);

/** An in-app notification (the «notify» robot, assignments). */
export const notifications = sqliteTable(
	'notifications',
	{
		id: text('id').primaryKey(),
		workspaceId: text('workspace_id')
			.notNull()
			.references(() => workspaces.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		recordId: text('record_id').references(() => crmRecords.id, { onDelete: 'cascade' }),
		taskId: text('task_id'),
		text: text('text').notNull(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		readAt: integer('read_at', { mode: 'timestamp_ms' })
	},
	(t) => [index('notifications_user_idx').on(t.workspaceId, t.userId, t.readAt, t.createdAt)]
);
