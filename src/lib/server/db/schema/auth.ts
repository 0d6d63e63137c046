import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';

export const users = sqliteTable('users', {
	id: text('id').primaryKey(),
	/** Lower-cased; the login name. */
	email: text('email').notNull().unique(),
	name: text('name').notNull(),
	passwordHash: text('password_hash').notNull(),
	locale: text('locale', { enum: ['ru', 'en'] }).notNull().default('ru'),
	createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
});

/** A session row keeps only the SHA-256 of the token the browser holds. */
export const sessions = sqliteTable(
	'sessions',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		ip: text('ip'),
		userAgent: text('user_agent')
	},
	(t) => [index('sessions_user_idx').on(t.userId)]
);

/** Failed logins per key (`email:…` or `ip:…`) in a sliding window, for throttling. */
export const loginThrottle = sqliteTable('login_throttle', {
	key: text('key').primaryKey(),
	failures: integer('failures').notNull(),
	windowStart: integer('window_start', { mode: 'timestamp_ms' }).notNull(),
	lockedUntil: integer('locked_until', { mode: 'timestamp_ms' })
});
