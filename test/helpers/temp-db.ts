import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { connect, type Database } from '$lib/server/db/connect';
import { newId } from '$lib/server/ids';

export const TMP_DIR = resolve('test/.tmp');

/** A fresh path for a libsql file under test/.tmp (git-ignored). */
export function tempDbPath(label = 'db'): string {
	mkdirSync(TMP_DIR, { recursive: true });
	return join(TMP_DIR, `${label}-${newId()}.db`);
}

/** A new, migrated libsql file database; `dispose` closes and deletes it. */
export async function tempDatabase(label?: string): Promise<Database & { path: string; dispose(): void }> {
	const path = tempDbPath(label);
	const database = await connect(`file:${path}`);
	return Object.assign(database, {
		path,
		dispose() {
			database.close();
			for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
		}
	});
}
