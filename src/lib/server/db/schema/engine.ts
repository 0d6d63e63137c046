import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, index, primaryKey } from 'drizzle-orm/sqlite-core';

/**
 * The runtime's tables (the libsql Store of src/lib/engine). Every row carries
 * its tenant (the workspace); instance state is the engine's compact JSON.
 * Timers and jobs carry a lease so that several app processes never fire one
 * twice. Records are the append-only history.
 */
export const engineDefinitions = sqliteTable(
	'engine_definitions',
	{
		tenant: text('tenant').notNull(),
		key: text('key').notNull(),
		processId: text('process_id').notNull(),
		version: integer('version').notNull(),
		model: text('model').notNull(),
		deployedAt: integer('deployed_at').notNull()
	},
	(t) => [primaryKey({ columns: [t.tenant, t.key] }), index('engine_definitions_process_idx').on(t.tenant, t.processId, t.version)]
);

export const engineInstances = sqliteTable(
	'engine_instances',
	{
		id: text('id').primaryKey(),
		tenant: text('tenant').notNull(),
		definitionKey: text('definition_key').notNull(),
		version: integer('version').notNull(),
		status: text('status').notNull(),
		state: text('state').notNull(),
		updatedAt: integer('updated_at').notNull()
	},
	(t) => [index('engine_instances_status_idx').on(t.tenant, t.status), index('engine_instances_definition_idx').on(t.tenant, t.definitionKey)]
);

export const engineRecords = sqliteTable(
	'engine_records',
	{
		seq: integer('seq').primaryKey({ autoIncrement: true }),
		tenant: text('tenant').notNull(),
		at: integer('at').notNull(),
		instance: text('instance').notNull(),
		event: text('event').notNull(),
		element: text('element'),
		elementType: text('element_type'),
		token: integer('token'),
		message: text('message'),
		variables: text('variables'),
		actor: text('actor'),
		definition: text('definition'),
		stage: text('stage'),
		status: text('status')
	},
	(t) => [
		index('engine_records_instance_idx').on(t.instance, t.seq),
		index('engine_records_tenant_idx').on(t.tenant, t.seq),
		// A token's passage through an element (reports/heatmap.ts): its activation in a period, then
		// the record that ended it, found by (instance, token) without scanning the instance's history.
		index('engine_records_token_idx').on(t.instance, t.token, t.event, t.at).where(sql`token is not null`)
	]
);

export const engineTimers = sqliteTable(
	'engine_timers',
	{
		id: text('id').notNull(),
		tenant: text('tenant').notNull(),
		instanceId: text('instance_id'),
		definitionKey: text('definition_key'),
		tokenId: integer('token_id'),
		elementId: text('element_id').notNull(),
		dueAt: integer('due_at').notNull(),
		repetitions: integer('repetitions'),
		leaseUntil: integer('lease_until').notNull().default(0)
	},
	(t) => [primaryKey({ columns: [t.tenant, t.id] }), index('engine_timers_due_idx').on(t.tenant, t.dueAt)]
);

export const engineMessageSubscriptions = sqliteTable(
	'engine_message_subscriptions',
	{
		id: text('id').notNull(),
		tenant: text('tenant').notNull(),
		name: text('name').notNull(),
		correlationKey: text('correlation_key'),
		instanceId: text('instance_id'),
		definitionKey: text('definition_key'),
		tokenId: integer('token_id'),
		elementId: text('element_id').notNull(),
		createdAt: integer('created_at').notNull()
	},
	(t) => [primaryKey({ columns: [t.tenant, t.id] }), index('engine_message_subscriptions_name_idx').on(t.tenant, t.name, t.correlationKey)]
);

export const engineSignalSubscriptions = sqliteTable(
	'engine_signal_subscriptions',
	{
		id: text('id').notNull(),
		tenant: text('tenant').notNull(),
		name: text('name').notNull(),
		instanceId: text('instance_id'),
		definitionKey: text('definition_key'),
		tokenId: integer('token_id'),
		elementId: text('element_id').notNull()
	},
	(t) => [primaryKey({ columns: [t.tenant, t.id] }), index('engine_signal_subscriptions_name_idx').on(t.tenant, t.name)]
);

export const engineJobs = sqliteTable(
	'engine_jobs',
	{
		id: text('id').notNull(),
		tenant: text('tenant').notNull(),
		instanceId: text('instance_id').notNull(),
		tokenId: integer('token_id').notNull(),
		elementId: text('element_id').notNull(),
		type: text('type').notNull(),
		retries: integer('retries').notNull(),
		dueAt: integer('due_at').notNull(),
		inputs: text('inputs').notNull(),
		leaseUntil: integer('lease_until').notNull().default(0)
	},
	(t) => [primaryKey({ columns: [t.tenant, t.id] }), index('engine_jobs_due_idx').on(t.tenant, t.type, t.dueAt)]
);

export const engineTasks = sqliteTable(
	'engine_tasks',
	{
		id: text('id').notNull(),
		tenant: text('tenant').notNull(),
		instanceId: text('instance_id').notNull(),
		tokenId: integer('token_id').notNull(),
		elementId: text('element_id').notNull(),
		name: text('name'),
		createdAt: integer('created_at').notNull(),
		stage: text('stage'),
		assignment: text('assignment'),
		dueAt: integer('due_at')
	},
	(t) => [primaryKey({ columns: [t.tenant, t.id] }), index('engine_tasks_instance_idx').on(t.instanceId), index('engine_tasks_element_idx').on(t.tenant, t.elementId, t.createdAt)]
);

export const engineBufferedMessages = sqliteTable(
	'engine_buffered_messages',
	{
		id: text('id').notNull(),
		tenant: text('tenant').notNull(),
		name: text('name').notNull(),
		correlationKey: text('correlation_key'),
		variables: text('variables').notNull(),
		createdAt: integer('created_at').notNull(),
		expiresAt: integer('expires_at').notNull()
	},
	(t) => [primaryKey({ columns: [t.tenant, t.id] }), index('engine_buffered_messages_name_idx').on(t.tenant, t.name, t.correlationKey)]
);
