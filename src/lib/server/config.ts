import { z } from 'zod';

/**
 * Server configuration read once from the environment. A bad value stops the
 * server at start with a message naming the variable — never a half-working app.
 */
const schema = z.object({
	DATABASE_URL: z
		.string()
		.default('file:data/potok.db')
		.refine((url) => /^(file:|libsql:\/\/|https?:\/\/|wss?:\/\/)/.test(url), {
			message:
				'must start with file: (an SQLite file, e.g. file:data/potok.db), libsql://, http:// or https:// (a libsql server)'
		}),
	DATABASE_AUTH_TOKEN: z.string().optional(),
	POTOK_DEMO_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
	POTOK_DEMO: z.enum(['on', 'off']).default('on'),
	/** `off` for a node that serves pages only and leaves timers and robots to others. */
	POTOK_SCHEDULER: z.enum(['on', 'off']).default('on'),
	POTOK_MIGRATIONS: z.string().default('src/lib/server/db/migrations'),
	/** `full` fsyncs every commit (survives power loss, ~10× fewer commits/s); `normal` survives a crash of Potok. */
	POTOK_DB_SYNC: z.enum(['normal', 'full']).default('normal')
});

export type Config = z.infer<typeof schema>;

export class ConfigError extends Error {}

export function readConfig(env: Record<string, string | undefined> = process.env): Config {
	const parsed = schema.safeParse(env);
	if (!parsed.success) {
		const problems = parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ');
		throw new ConfigError(`Potok cannot start: ${problems}`);
	}
	return parsed.data;
}
