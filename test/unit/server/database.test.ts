import { afterEach, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { connect, DatabaseConfigError } from '$lib/server/db/connect';
import { readConfig } from '$lib/server/config';
import { seedDemo, DEMO_PEOPLE } from '$lib/server/demo/seed';
import { memberships, users } from '$lib/server/db/schema';
import { tempDatabase, tempDbPath } from '../../helpers/temp-db';

describe('database', () => {
	const opened: { dispose(): void }[] = [];
	afterEach(() => opened.splice(0).forEach((d) => d.dispose()));

	it('applies every committed migration to an empty file, in WAL mode with foreign keys on', async () => {
		const db = await tempDatabase('migrate');
		opened.push(db);
		const tables = (await db.client.execute("select name from sqlite_master where type = 'table'")).rows.map((r) => r.name);
		expect(tables).toEqual(expect.arrayContaining(['users', 'sessions', 'workspaces', 'memberships', 'groups', 'group_members', 'invitations', 'api_tokens', 'login_throttle', '__drizzle_migrations']));
		const applied = (await db.client.execute('select count(*) as n from __drizzle_migrations')).rows[0]!.n;
		const files = readdirSync('src/lib/server/db/migrations').filter((f) => f.endsWith('.sql'));
		expect(Number(applied)).toBe(files.length);
		expect((await db.client.execute('PRAGMA journal_mode')).rows[0]!.journal_mode).toBe('wal');
		expect((await db.client.execute('PRAGMA foreign_keys')).rows[0]!.foreign_keys).toBe(1);
	});

	it('opening an already migrated file again changes nothing', async () => {
		const path = tempDbPath('reopen');
		const first = await connect(`file:${path}`);
		first.close();
		const second = await connect(`file:${path}`);
		opened.push({ dispose: () => second.close() });
		const applied = (await second.client.execute('select count(*) as n from __drizzle_migrations')).rows[0]!.n;
		expect(Number(applied)).toBe(readdirSync('src/lib/server/db/migrations').filter((f) => f.endsWith('.sql')).length);
	});

	it('creates the folder of a file database that does not exist yet', async () => {
		const path = tempDbPath('nested').replace(/\.db$/, '/deeper/potok.db');
		const db = await connect(`file:${path}`);
		opened.push({ dispose: () => db.close() });
		expect((await db.client.execute('select 1 as one')).rows[0]!.one).toBe(1);
	});

	it('fails with a message naming DATABASE_URL when the database cannot be opened', async () => {
		await expect(connect('file:/etc/hostname/potok.db')).rejects.toThrow(DatabaseConfigError);
		await expect(connect('file:/etc/hostname/potok.db')).rejects.toThrow(/DATABASE_URL/);
		await expect(connect('http://127.0.0.1:9/')).rejects.toThrow(/DATABASE_URL=http:\/\/127\.0\.0\.1:9\//);
	});

	it('refuses a DATABASE_URL of an unknown kind at start, naming the variable', () => {
		expect(() => readConfig({ DATABASE_URL: 'postgres://x' })).toThrow(/DATABASE_URL must start with file:/);
		expect(readConfig({}).DATABASE_URL).toBe('file:data/potok.db');
	});

	it('seeds the demo company on an empty database only, with the given password', async () => {
		const db = await tempDatabase('seed');
		opened.push(db);
		const seeded = await seedDemo(db, 'demo-password');
		expect(seeded).toMatchObject({ password: 'demo-password', generated: false });
		const emails = (await db.db.select().from(users)).map((u) => u.email).sort();
		expect(emails).toEqual(DEMO_PEOPLE.map((p) => p.email).sort());
		expect(await db.db.select().from(memberships)).toHaveLength(DEMO_PEOPLE.length);
		expect(await seedDemo(db, 'demo-password')).toBeNull();
		expect(await db.db.select().from(users)).toHaveLength(DEMO_PEOPLE.length);
	});

	it('generates a demo password when none is given', async () => {
		const db = await tempDatabase('seed2');
		opened.push(db);
		const seeded = await seedDemo(db);
		expect(seeded?.generated).toBe(true);
		expect(seeded?.password).toMatch(/^[a-z2-7]{12}$/);
	});
});
