import { sqliteTable, text, integer, blob, index, primaryKey, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { users } from './auth';
import { workspaces } from './workspaces';
import { processes } from './processes';
import { notifications } from './pipelines';

/**
 * The client's review of a TO BE revision: the analyst submits a revision, approvers comment on
 * its elements and decide. A decision records the exact SHA-256 of the XML it was made on and is
 * never changed afterwards (a database trigger refuses updates); a submission's status follows
 * from the decisions and the workspace's rule (any one approver or all of them).
 */

/** How a workspace runs approvals. A missing row means the defaults. */
export const reviewSettings = sqliteTable('review_settings', {
	workspaceId: text('workspace_id')
		.primaryKey()
		.references(() => workspaces.id, { onDelete: 'cascade' }),
	/** `any`: one approver's approval is enough; `all`: every approver of the workspace must approve. */
	approvalRule: text('approval_rule', { enum: ['any', 'all'] })
		.notNull()
		.default('any'),
	/** «Публиковать только согласованное»: publishing needs an approval of the same SHA-256. */
	publishOnlyApproved: integer('publish_only_approved', { mode: 'boolean' }).notNull().default(true),
	updatedBy: text('updated_by').references(() => users.id, { onDelete: 'set null' }),
	updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
});

/** A TO BE revision sent to the approvers, with the analyst's message. */
export const reviewSubmissions = sqliteTable(
	'review_submissions',
	{
		id: text('id').primaryKey(),
		workspaceId: text('workspace_id')
			.notNull()
			.references(() => workspaces.id, { onDelete: 'cascade' }),
		processId: text('process_id')
			.notNull()
			.references(() => processes.id, { onDelete: 'cascade' }),
		/** The TO BE revision under review. */
		revisionNumber: integer('revision_number').notNull(),
		sha256: text('sha256').notNull(),
		/** The AS IS revision sent along for context, if any. */
		asIsNumber: integer('as_is_number'),
		message: text('message').notNull().default(''),
		submittedBy: text('submitted_by')
			.notNull()
			.references(() => users.id),
		submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }).notNull(),
		/**
		 * `open` awaits decisions; `approved` and `returned` were decided; `superseded` was still open
		 * when a newer revision was submitted.
		 */
		status: text('status', { enum: ['open', 'approved', 'returned', 'superseded'] }).notNull(),
		closedAt: integer('closed_at', { mode: 'timestamp_ms' })
	},
	(t) => [
		index('review_submissions_process_idx').on(t.processId, t.submittedAt),
		index('review_submissions_ws_status_idx').on(t.workspaceId, t.status),
		index('review_submissions_sha_idx').on(t.processId, t.sha256)
	]
);

/** An approver's decision on a submission. Immutable: inserted once, never updated. */
export const reviewDecisions = sqliteTable(
	'review_decisions',
	{
		id: text('id').primaryKey(),
		workspaceId: text('workspace_id')
			.notNull()
			.references(() => workspaces.id, { onDelete: 'cascade' }),
		processId: text('process_id')
			.notNull()
			.references(() => processes.id, { onDelete: 'cascade' }),
		submissionId: text('submission_id')
			.notNull()
			.references(() => reviewSubmissions.id, { onDelete: 'cascade' }),
		revisionNumber: integer('revision_number').notNull(),
		/** The SHA-256 of the XML the approver saw: what the approval binds to. */
		sha256: text('sha256').notNull(),
		decision: text('decision', { enum: ['approved', 'changes_requested'] }).notNull(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id),
		/** The approver's name in Potok when deciding (accounts can be renamed later). */
		name: text('name').notNull(),
		/** The full name the approver typed as a signature (approvals only). */
		signature: text('signature').notNull().default(''),
		/** The comment that says what to change (returns only). */
		commentId: text('comment_id').references(() => reviewComments.id),
		ip: text('ip').notNull(),
		userAgent: text('user_agent').notNull(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('review_decisions_submission_idx').on(t.submissionId), index('review_decisions_sha_idx').on(t.processId, t.sha256)]
);

/**
 * A comment on a process's TO BE diagram: pinned to an element by id (so it follows the element
 * from revision to revision) or to the process as a whole; replies point at their thread's root.
 */
export const reviewComments = sqliteTable(
	'review_comments',
	{
		id: text('id').primaryKey(),
		workspaceId: text('workspace_id')
			.notNull()
			.references(() => workspaces.id, { onDelete: 'cascade' }),
		processId: text('process_id')
			.notNull()
			.references(() => processes.id, { onDelete: 'cascade' }),
		/** The BPMN element id; null for a comment on the whole process. */
		elementId: text('element_id'),
		/** The element's name when the comment was written, to name it once it is removed. */
		elementName: text('element_name'),
		/** The thread's first comment; null for a thread's root. */
		parentId: text('parent_id').references((): AnySQLiteColumn => reviewComments.id, { onDelete: 'cascade' }),
		/** The TO BE revision the comment was written on. */
		revisionNumber: integer('revision_number').notNull(),
		text: text('text').notNull(),
		authorId: text('author_id')
			.notNull()
			.references(() => users.id),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		/** Set on a thread's root when the thread is resolved; cleared when reopened. */
		resolvedAt: integer('resolved_at', { mode: 'timestamp_ms' }),
		resolvedBy: text('resolved_by').references(() => users.id)
	},
	(t) => [index('review_comments_process_idx').on(t.processId, t.createdAt), index('review_comments_parent_idx').on(t.parentId)]
);

/** The image of a diagram for the documents, drawn by the browser; one per process and XML hash. */
export const reviewPictures = sqliteTable(
	'review_pictures',
	{
		workspaceId: text('workspace_id')
			.notNull()
			.references(() => workspaces.id, { onDelete: 'cascade' }),
		processId: text('process_id')
			.notNull()
			.references(() => processes.id, { onDelete: 'cascade' }),
		sha256: text('sha256').notNull(),
		svg: text('svg').notNull(),
		png: blob('png', { mode: 'buffer' }),
		createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [primaryKey({ columns: [t.processId, t.sha256] })]
);

/**
 * What a review notification (a row of the shared in-app `notifications`) is about, so the
 * review pages can link it and mark it read when the person opens that review.
 */
export const reviewNotificationLinks = sqliteTable(
	'review_notification_links',
	{
		notificationId: text('notification_id')
			.primaryKey()
			.references(() => notifications.id, { onDelete: 'cascade' }),
		workspaceId: text('workspace_id')
			.notNull()
			.references(() => workspaces.id, { onDelete: 'cascade' }),
		processId: text('process_id')
			.notNull()
			.references(() => processes.id, { onDelete: 'cascade' }),
		revisionNumber: integer('revision_number').notNull(),
		kind: text('kind', { enum: ['submitted', 'mentioned', 'replied', 'approved', 'returned'] }).notNull(),
		commentId: text('comment_id').references(() => reviewComments.id, { onDelete: 'cascade' })
	},
	(t) => [index('review_notification_links_process_idx').on(t.processId)]
);
