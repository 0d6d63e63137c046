import { sqliteTable, text, integer, index, uniqueIndex, primaryKey } from 'drizzle-orm/sqlite-core';
import { users } from './auth';
import type { Role } from '../../access/roles';

export const workspaces = sqliteTable('workspaces', {
	id: text('id').primaryKey(),
	name: text('name').notNull(),
	createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
});

export const memberships = sqliteTable(
	'memberships',
	{
		id: text('id').primaryKey(),
		workspaceId: text('workspace_id')
			.notNull()
			.references(() => workspaces.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		roles: text('roles', { mode: 'json' }).notNull().$type<Role[]>(),
		/** On vacation or sick leave: task assignment skips absent members. */
		absent: integer('absent', { mode: 'boolean' }).notNull().default(false),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [uniqueIndex('memberships_ws_user_idx').on(t.workspaceId, t.userId), index('memberships_user_idx').on(t.userId)]
);

/** Departments («Отдел продаж», «Бухгалтерия»): used for task assignment. */
export const groups = sqliteTable(
	'groups',
	{
		id: text('id').primaryKey(),
		workspaceId: text('workspace_id')
			.notNull()
			.references(() => workspaces.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [uniqueIndex('groups_ws_name_idx').on(t.workspaceId, t.name)]
);

export const groupMembers = sqliteTable(
	'group_members',
	{
		groupId: text('group_id')
			.notNull()
			.references(() => groups.id, { onDelete: 'cascade' }),
		membershipId: text('membership_id')
			.notNull()
			.references(() => memberships.id, { onDelete: 'cascade' })
	},
	(t) => [primaryKey({ columns: [t.groupId, t.membershipId] }), index('group_members_member_idx').on(t.membershipId)]
);

/** A one-time invitation link; only the hash of its token is stored. */
export const invitations = sqliteTable(
	'invitations',
	{
		id: text('id').primaryKey(),
		workspaceId: text('workspace_id')
			.notNull()
			.references(() => workspaces.id, { onDelete: 'cascade' }),
		tokenHash: text('token_hash').notNull().unique(),
		roles: text('roles', { mode: 'json' }).notNull().$type<Role[]>(),
		groupIds: text('group_ids', { mode: 'json' }).notNull().$type<string[]>(),
		note: text('note'),
		createdBy: text('created_by')
			.notNull()
			.references(() => users.id),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		acceptedAt: integer('accepted_at', { mode: 'timestamp_ms' }),
		acceptedBy: text('accepted_by').references(() => users.id),
		revokedAt: integer('revoked_at', { mode: 'timestamp_ms' })
	},
	(t) => [index('invitations_ws_idx').on(t.workspaceId)]
);

/** A workspace API token for integrations; it acts with the roles it was given. */
export const apiTokens = sqliteTable(
	'api_tokens',
	{
		id: text('id').primaryKey(),
		workspaceId: text('workspace_id')
			.notNull()
			.references(() => workspaces.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		tokenHash: text('token_hash').notNull().unique(),
		roles: text('roles', { mode: 'json' }).notNull().$type<Role[]>(),
		createdBy: text('created_by')
			.notNull()
			.references(() => users.id),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		lastUsedAt: integer('last_used_at', { mode: 'timestamp_ms' }),
		revokedAt: integer('revoked_at', { mode: 'timestamp_ms' })
	},
	(t) => [index('api_tokens_ws_idx').on(t.workspaceId)]
);
