import { and, desc, eq, max } from 'drizzle-orm';
import type { Database, Tx } from '../db';
import { processes, revisions, users } from '../db/schema';
import type { WorkspaceScope } from '../access/scope';
import { UserError } from '../errors';
import { newId } from '../ids';
import { checkDiagram, sha256Hex } from './diagram-check';
import type { Track } from './processes';

export interface RevisionInfo {
	number: number;
	track: Track;
	sha256: string;
	message: string;
	author: string;
	createdAt: Date;
	baseNumber: number | null;
	restoredFrom: number | null;
	copiedFrom: string | null;
}

export interface SaveOptions {
	/** The revision the edit started from; when another was saved since, the save is a conflict. */
	base?: number | null;
	message?: string;
	restoredFrom?: number;
	copiedFrom?: string;
}

/** What a revision shows besides its XML. */
const revisionColumns = {
	number: revisions.number,
	track: revisions.track,
	sha256: revisions.sha256,
	message: revisions.message,
	author: users.name,
	createdAt: revisions.createdAt,
	baseNumber: revisions.baseNumber,
	restoredFrom: revisions.restoredFrom,
	copiedFrom: revisions.copiedFrom
};

async function assertProcess(tx: Tx | Database['db'], scope: WorkspaceScope, processId: string): Promise<void> {
	const [p] = await tx
		.select({ id: processes.id })
		.from(processes)
		.where(and(eq(processes.id, processId), eq(processes.workspaceId, scope.workspaceId)));
	if (!p) throw new UserError('not_found');
}

/**
 * Saves a new immutable revision of a track after checking the diagram. With a
 * `base`, the save is refused with `revision_conflict` when someone saved a
 * newer revision meanwhile: nobody's work is overwritten silently.
 */
export async function saveRevision(
	database: Database,
	scope: WorkspaceScope,
	processId: string,
	track: Track,
	xml: string,
	options: SaveOptions = {}
): Promise<{ number: number; sha256: string }> {
	await checkDiagram(xml);
	const hash = sha256Hex(xml);
	return database.write(async (tx) => {
		await assertProcess(tx, scope, processId);
		const [last] = await tx
			.select({ number: revisions.number, author: users.name })
			.from(revisions)
			.innerJoin(users, eq(users.id, revisions.authorId))
			.where(and(eq(revisions.processId, processId), eq(revisions.track, track)))
			.orderBy(desc(revisions.number))
			.limit(1);
		const latest = last?.number ?? 0;
		if (options.base !== undefined && (options.base ?? 0) !== latest) {
			throw new UserError('revision_conflict', { latest, author: last?.author ?? '' }, [
				{ field: 'base', message: `invalid:the latest revision is ${latest}, not ${options.base ?? 0}` }
			]);
		}
		const number = latest + 1;
		await tx.insert(revisions).values({
			id: newId(),
			workspaceId: scope.workspaceId,
			processId,
			track,
			number,
			xml,
			sha256: hash,
			message: options.message?.slice(0, 500) ?? '',
			authorId: scope.userId,
			createdAt: new Date(),
			baseNumber: options.base ?? null,
			restoredFrom: options.restoredFrom ?? null,
			copiedFrom: options.copiedFrom ?? null
		});
		return { number, sha256: hash };
	});
}

export async function listRevisions(database: Database, scope: WorkspaceScope, processId: string, track: Track): Promise<RevisionInfo[]> {
	await assertProcess(database.db, scope, processId);
	return database.db
		.select(revisionColumns)
		.from(revisions)
		.innerJoin(users, eq(users.id, revisions.authorId))
		.where(and(eq(revisions.processId, processId), eq(revisions.track, track), eq(revisions.workspaceId, scope.workspaceId)))
		.orderBy(desc(revisions.number));
}

/** A revision's XML exactly as stored; `latest` for the newest. Null when the track has none. */
export async function getRevision(
	database: Database,
	scope: WorkspaceScope,
	processId: string,
	track: Track,
	which: number | 'latest'
): Promise<(RevisionInfo & { xml: string }) | null> {
	const number = await revisionNumber(database, scope, processId, track, which);
	if (!number) return null;
	const [row] = await database.db
		.select({ ...revisionColumns, xml: revisions.xml })
		.from(revisions)
		.innerJoin(users, eq(users.id, revisions.authorId))
		.where(oneRevision(scope, processId, track, number));
	return row ?? null;
}

/** Who saved a revision, when and why, without its XML; `latest` for the newest. Null when the track has none. */
export async function getRevisionInfo(database: Database, scope: WorkspaceScope, processId: string, track: Track, which: number | 'latest'): Promise<RevisionInfo | null> {
	const number = await revisionNumber(database, scope, processId, track, which);
	if (!number) return null;
	const [row] = await database.db.select(revisionColumns).from(revisions).innerJoin(users, eq(users.id, revisions.authorId)).where(oneRevision(scope, processId, track, number));
	return row ?? null;
}

/** The number `which` stands for (the newest for `latest`; undefined when the track has none), once the process is known to be the scope's. */
async function revisionNumber(database: Database, scope: WorkspaceScope, processId: string, track: Track, which: number | 'latest'): Promise<number | null | undefined> {
	await assertProcess(database.db, scope, processId);
	if (which !== 'latest') return which;
	const [latest] = await database.db
		.select({ n: max(revisions.number) })
		.from(revisions)
		.where(and(eq(revisions.processId, processId), eq(revisions.track, track)));
	return latest?.n;
}

function oneRevision(scope: WorkspaceScope, processId: string, track: Track, number: number) {
	return and(eq(revisions.processId, processId), eq(revisions.track, track), eq(revisions.number, number), eq(revisions.workspaceId, scope.workspaceId));
}

export async function restoreRevision(database: Database, scope: WorkspaceScope, processId: string, track: Track, number: number) {
	const old = await getRevision(database, scope, processId, track, number);
	if (!old) throw new UserError('not_found');
	return saveRevision(database, scope, processId, track, old.xml, {
		message: `Восстановлена версия №${number}`,
		restoredFrom: number
	});
}

/** TO BE starts as a copy of the latest AS IS. */
export async function copyAsIsToToBe(database: Database, scope: WorkspaceScope, processId: string, base?: number | null) {
	const asIs = await getRevision(database, scope, processId, 'as_is', 'latest');
	if (!asIs) throw new UserError('not_found');
	return saveRevision(database, scope, processId, 'to_be', asIs.xml, {
		base,
		message: `Скопировано из AS IS №${asIs.number}`,
		copiedFrom: `as_is:${asIs.number}`
	});
}
