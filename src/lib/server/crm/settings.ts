import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db';
import { crmSettings } from '../db/schema';
import type { WorkspaceScope } from '../access/scope';
import type { Reader } from './db-types';
import { assertCanConfigureCrm } from './record-scope';

/** The workspace's CRM settings (a row made by the CRM seed; defaults when it is missing). */
export interface CrmSettings {
	/** Merge a new record into an existing one of its type on an exact phone or e-mail match. */
	autoMerge: boolean;
}

export const crmSettingsSchema = z.object({ autoMerge: z.boolean().optional() });

export async function readCrmSettings(db: Reader, workspaceId: string): Promise<CrmSettings> {
	const [row] = await db.select({ autoMerge: crmSettings.autoMerge }).from(crmSettings).where(eq(crmSettings.workspaceId, workspaceId));
	return { autoMerge: row?.autoMerge ?? false };
}

export async function getCrmSettings(database: Database, scope: WorkspaceScope): Promise<CrmSettings> {
	return readCrmSettings(database.db, scope.workspaceId);
}

export async function updateCrmSettings(database: Database, scope: WorkspaceScope, change: z.input<typeof crmSettingsSchema>): Promise<CrmSettings> {
	assertCanConfigureCrm(scope);
	const data = crmSettingsSchema.parse(change);
	return database.write(async (tx) => {
		const now = new Date();
		const current = await readCrmSettings(tx, scope.workspaceId);
		const next = { ...current, ...data };
		await tx
			.insert(crmSettings)
			.values({ workspaceId: scope.workspaceId, ...next, updatedAt: now })
			.onConflictDoUpdate({ target: crmSettings.workspaceId, set: { ...next, updatedAt: now } });
		return next;
	});
}
