import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { users } from './auth';
import { workspaces } from './workspaces';

/** A client's process: what it is, which entity type it drives, and its two diagram tracks. */
export const processes = sqliteTable(
	'processes',
	{
		id: text('id').primaryKey(),
		workspaceId: text('workspace_id')
			.notNull()
			.references(() => workspaces.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		description: text('description').notNull().default(''),
		/** `lead`, `deal`, or the name of a custom entity type («Увольнение сотрудника»). */
		entityType: text('entity_type').notNull(),
		createdBy: text('created_by')
			.notNull()
			.references(() => users.id),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('processes_ws_idx').on(t.workspaceId)]
);

/** An immutable saved version of one track's diagram; numbered 1, 2, … per track. */
export const revisions = sqliteTable(
	'revisions',
	{
		id: text('id').primaryKey(),
		workspaceId: text('workspace_id')
			.notNull()
			.references(() => workspaces.id, { onDelete: 'cascade' }),
		processId: text('process_id')
			.notNull()
			.references(() => processes.id, { onDelete: 'cascade' }),
		track: text('track', { enum: ['as_is', 'to_be'] }).notNull(),
		number: integer('number').notNull(),
		xml: text('xml').notNull(),
		sha256: text('sha256').notNull(),
		message: text('message').notNull().default(''),
		authorId: text('author_id')
			.notNull()
			.references(() => users.id),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		/** The revision this one was edited from (null for the first or an upload without a base). */
		baseNumber: integer('base_number'),
		/** Set when this revision restores an older one. */
		restoredFrom: integer('restored_from'),
		/** The revision of the other track this one was copied from («TO BE from AS IS»). */
		copiedFrom: text('copied_from')
	},
	(t) => [uniqueIndex('revisions_track_number_idx').on(t.processId, t.track, t.number), index('revisions_ws_idx').on(t.workspaceId)]
);
