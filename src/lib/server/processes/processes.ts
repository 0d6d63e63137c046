import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db';
import { processes, revisions, users } from '../db/schema';
import type { WorkspaceScope } from '../access/scope';
import { UserError } from '../errors';
import { newId } from '../ids';

export const TRACKS = ['as_is', 'to_be'] as const;
export type Track = (typeof TRACKS)[number];
export const trackSchema = z.enum(TRACKS);

/** A track from a URL segment; anything else is a 404, like an unknown page. */
export function parseTrack(value: string | undefined): Track {
	const parsed = trackSchema.safeParse(value);
	if (!parsed.success) throw new UserError('not_found');
	return parsed.data;
}

export const processInputSchema = z.object({
	name: z.string().trim().min(1, 'required').max(200),
	description: z.string().trim().max(5000).optional().default(''),
	entityType: z.string().trim().min(1, 'required').max(100)
});

export interface TrackStatus {
	latest: number | null;
	savedAt: Date | null;
	savedBy: string | null;
}

export interface ProcessSummary {
	id: string;
	name: string;
	description: string;
	entityType: string;
	createdAt: Date;
	tracks: Record<Track, TrackStatus>;
}

export async function createProcess(database: Database, scope: WorkspaceScope, input: z.output<typeof processInputSchema>): Promise<string> {
	const id = newId();
	await database.write((tx) =>
		tx.insert(processes).values({ id, workspaceId: scope.workspaceId, ...input, createdBy: scope.userId, createdAt: new Date() })
	);
	return id;
}

async function trackStatuses(database: Database, scope: WorkspaceScope, processId?: string) {
	const rows = await database.db
		.select({ processId: revisions.processId, track: revisions.track, number: revisions.number, createdAt: revisions.createdAt, author: users.name })
		.from(revisions)
		.innerJoin(users, eq(users.id, revisions.authorId))
		.where(and(eq(revisions.workspaceId, scope.workspaceId), processId ? eq(revisions.processId, processId) : undefined))
		.orderBy(desc(revisions.number));
	const latest = new Map<string, TrackStatus>();
	for (const r of rows) {
		const key = `${r.processId}/${r.track}`;
		if (!latest.has(key)) latest.set(key, { latest: r.number, savedAt: r.createdAt, savedBy: r.author });
	}
	const empty: TrackStatus = { latest: null, savedAt: null, savedBy: null };
	return (id: string): Record<Track, TrackStatus> => ({
		as_is: latest.get(`${id}/as_is`) ?? empty,
		to_be: latest.get(`${id}/to_be`) ?? empty
	});
}

export async function listProcesses(database: Database, scope: WorkspaceScope): Promise<ProcessSummary[]> {
	const rows = await database.db
		.select()
		.from(processes)
		.where(eq(processes.workspaceId, scope.workspaceId))
		.orderBy(processes.name);
	const status = await trackStatuses(database, scope);
	return rows.map((p) => ({ id: p.id, name: p.name, description: p.description, entityType: p.entityType, createdAt: p.createdAt, tracks: status(p.id) }));
}

export async function getProcess(database: Database, scope: WorkspaceScope, processId: string): Promise<ProcessSummary> {
	const [p] = await database.db
		.select()
		.from(processes)
		.where(and(eq(processes.id, processId), eq(processes.workspaceId, scope.workspaceId)));
	if (!p) throw new UserError('not_found');
	const status = await trackStatuses(database, scope, processId);
	return { id: p.id, name: p.name, description: p.description, entityType: p.entityType, createdAt: p.createdAt, tracks: status(p.id) };
}

export async function updateProcess(database: Database, scope: WorkspaceScope, processId: string, input: z.output<typeof processInputSchema>): Promise<void> {
	await database.write(async (tx) => {
		const done = await tx
			.update(processes)
			.set(input)
			.where(and(eq(processes.id, processId), eq(processes.workspaceId, scope.workspaceId)))
			.returning({ id: processes.id });
		if (done.length === 0) throw new UserError('not_found');
	});
}
