import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database, Db, Tx } from '../db';
import { reviewSettings } from '../db/schema';
import type { WorkspaceScope } from '../access/scope';
import type { ApprovalRule } from './approval-state';

/** How the workspace runs approvals; a workspace that never changed them gets the defaults. */
export interface ReviewSettings {
	/** `any`: one approver's approval is enough; `all`: every approver must approve. */
	approvalRule: ApprovalRule;
	/** «Публиковать только согласованное» (on by default). */
	publishOnlyApproved: boolean;
}

export const DEFAULT_REVIEW_SETTINGS: ReviewSettings = { approvalRule: 'any', publishOnlyApproved: true };

export const reviewSettingsSchema = z.object({
	approvalRule: z.enum(['any', 'all']),
	publishOnlyApproved: z.boolean()
});

export async function readReviewSettings(db: Db | Tx, workspaceId: string): Promise<ReviewSettings> {
	const [row] = await db
		.select({ approvalRule: reviewSettings.approvalRule, publishOnlyApproved: reviewSettings.publishOnlyApproved })
		.from(reviewSettings)
		.where(eq(reviewSettings.workspaceId, workspaceId));
	return row ?? DEFAULT_REVIEW_SETTINGS;
}

export function getReviewSettings(database: Database, scope: WorkspaceScope): Promise<ReviewSettings> {
	return readReviewSettings(database.db, scope.workspaceId);
}

/** Saves the workspace's approval settings (owners; the route checks `reviews.configure`). */
export async function updateReviewSettings(database: Database, scope: WorkspaceScope, input: z.input<typeof reviewSettingsSchema>): Promise<ReviewSettings> {
	const next = reviewSettingsSchema.parse(input);
	const now = new Date();
	await database.write((tx) =>
		tx
			.insert(reviewSettings)
			.values({ workspaceId: scope.workspaceId, ...next, updatedBy: scope.userId, updatedAt: now })
			.onConflictDoUpdate({ target: reviewSettings.workspaceId, set: { ...next, updatedBy: scope.userId, updatedAt: now } })
	);
	return next;
}
