import { CommandError } from '../command-error';
import type { UnitOfWork } from '../runtime/unit-of-work';

export interface StartInstanceInput {
	processId: string;
	variables?: Record<string, unknown>;
}

/** Starts the latest version of a process at its none start event. */
export async function startInstance(uow: UnitOfWork, input: StartInstanceInput): Promise<string> {
	const row = await uow.tx.latestDefinition(input.processId);
	if (!row) throw new CommandError('definition-not-found', `No process ${input.processId} is deployed`);
	const def = await uow.definition(row.key);
	const start = def.starts.none;
	if (!start) throw new CommandError('no-none-start', `Process ${input.processId} has no none start event; it starts by message, timer or signal`);
	const rt = await uow.createInstance(def, start, input.variables ?? {});
	return rt.id;
}
