import type { Database } from '../../db';
import type { WorkspaceScope } from '../../access/scope';
import { listMembers } from '../../workspaces/members';

/** The workspace's people as pickers and values show them: user id and name, by name. */
export async function peopleOf(database: Database, scope: WorkspaceScope): Promise<{ id: string; name: string; absent: boolean }[]> {
	return (await listMembers(database, scope)).map((m) => ({ id: m.userId, name: m.name, absent: m.absent }));
}
