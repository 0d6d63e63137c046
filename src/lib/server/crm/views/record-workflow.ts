import type { Database } from '../../db';
import type { WorkspaceScope } from '../../access/scope';
import type { CrmRecord } from '../record-read';

/** A stage the record may be moved to now, the outcome of its current stage that leads there, and what must be filled first. */
export interface AllowedMove {
	stage: string;
	outcome: string;
	missingFields: string[];
}

/**
 * Where a record may go from its stage. The diagram decides, through the
 * runtime; a record outside any pipeline has nowhere to go. Null means the
 * moves are not known here (the runtime that works them out is not wired in)
 * — never a guess.
 */
export async function allowedMovesOf(_database: Database, _scope: WorkspaceScope, record: Pick<CrmRecord, 'id' | 'pipeline'>): Promise<AllowedMove[] | null> {
	if (record.pipeline === null) return [];
	return null;
}
