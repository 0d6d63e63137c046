import { VersionConflictError, type DefinitionRow } from '../../engine/store';
import { sqlLiteral } from './sql-literal';

/**
 * The published definitions of one tenant, cached by the store. A definition never changes once
 * published, so each key is read once. Which version is the *latest* of a process changes when
 * somebody publishes — maybe another app process — so a latest version answered from the cache is
 * an assumption: the command's writes begin with a guard that fails when a newer version exists
 * (and the command is retried with a fresh read). Starting an instance thus costs no read of
 * definitions at all.
 *
 * What a command learns is kept only once it has committed (`commit`): a definition read in a
 * group whose commit then failed may not exist.
 */
export class DefinitionCache {
	readonly #byKey = new Map<string, DefinitionRow>();
	readonly #latest = new Map<string, DefinitionRow>();

	begin(): CommandDefinitions {
		return new CommandDefinitions(this.#byKey, this.#latest);
	}

	commit(command: CommandDefinitions): void {
		for (const [key, row] of command.read) this.#byKey.set(key, row);
		for (const row of [...command.latestRead.values(), ...command.created]) {
			const known = this.#latest.get(row.processId);
			if (!known || known.version < row.version) this.#latest.set(row.processId, row);
		}
	}

	/** Forgets the latest versions a command assumed (it found them stale). */
	forget(command: CommandDefinitions): void {
		for (const processId of command.assumed.keys()) this.#latest.delete(processId);
	}
}

/** One command's view of the cache. */
export class CommandDefinitions {
	/** Definitions read by key in this command. */
	readonly read = new Map<string, DefinitionRow>();
	/** Latest versions read from the database in this command, by process id. */
	readonly latestRead = new Map<string, DefinitionRow>();
	/** Latest versions answered from the cache, by process id: to be checked by the writes. */
	readonly assumed = new Map<string, number>();
	/** Definitions this command publishes. */
	readonly created: DefinitionRow[] = [];

	constructor(
		readonly byKey: ReadonlyMap<string, DefinitionRow>,
		readonly latest: ReadonlyMap<string, DefinitionRow>
	) {}

	known(key: string): DefinitionRow | undefined {
		return this.byKey.get(key) ?? this.read.get(key) ?? this.created.find((d) => d.key === key);
	}

	/** The latest version of a process published in this command, else the cached one (assumed). */
	latestKnown(processId: string): DefinitionRow | undefined {
		const created = this.created.filter((d) => d.processId === processId).sort((a, b) => b.version - a.version)[0];
		if (created) return created;
		const read = this.latestRead.get(processId);
		if (read) return read;
		const cached = this.latest.get(processId);
		if (cached) this.assumed.set(processId, cached.version);
		return cached;
	}

	/**
	 * Statements that fail (NOT NULL constraint on `engine_definitions.version`) when a version
	 * newer than an assumed one exists; they change nothing otherwise.
	 */
	guards(tenant: string): string[] {
		return [...this.assumed].map(
			([processId, version]) =>
				`update engine_definitions set version = NULL where tenant = ${sqlLiteral(tenant)} and process_id = ${sqlLiteral(processId)} and version > ${version}`
		);
	}
}

/** A guard failed: another process published a newer version of a process the command used. */
export class StaleDefinitionError extends VersionConflictError {
	constructor(readonly processId: string) {
		super(processId);
		this.message = `A newer version of ${processId} was published meanwhile`;
	}
}

export function isGuardFailure(error: unknown): boolean {
	return error instanceof Error && /NOT NULL/i.test(error.message) && error.message.includes('engine_definitions.version');
}

export function isDefinitionClash(error: unknown): boolean {
	return error instanceof Error && /constraint/i.test(error.message) && error.message.includes('engine_definitions.key');
}
