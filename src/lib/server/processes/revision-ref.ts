import type { Database } from '../db';
import type { WorkspaceScope } from '../access/scope';
import { UserError } from '../errors';
import { parseTrack, type Track } from './processes';
import { getRevision } from './revisions';

export interface RevisionRef {
	track: Track;
	which: number | 'latest';
}

/** A revision number from a URL segment; anything else is a 404. */
export function parseRevisionNumber(value: string | undefined): number {
	if (!value || !/^[1-9]\d{0,8}$/.test(value)) throw new UserError('not_found');
	return Number(value);
}

/** `as_is:3`, `to_be:latest` → a revision reference; anything else is a validation error naming the parameter. */
export function parseRevisionRef(value: string | null, parameter: string): RevisionRef {
	const match = /^(as_is|to_be):(latest|[1-9]\d{0,8})$/.exec(value ?? '');
	if (!match) {
		throw new UserError('validation', {}, [{ field: parameter, message: 'invalid:expected <track>:<revision>, e.g. as_is:3 or to_be:latest' }]);
	}
	return { track: parseTrack(match[1]), which: match[2] === 'latest' ? 'latest' : Number(match[2]) };
}

/** The revision a reference points at; not_found when the track has no such revision. */
export async function resolveRevisionRef(database: Database, scope: WorkspaceScope, processId: string, ref: RevisionRef) {
	const revision = await getRevision(database, scope, processId, ref.track, ref.which);
	if (!revision) throw new UserError('not_found');
	return revision;
}
