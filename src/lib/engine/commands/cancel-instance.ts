import { CommandError } from '../command-error';
import { terminateInstance } from '../runtime/lifecycle';
import type { UnitOfWork } from '../runtime/unit-of-work';

/** Cancels an instance: every token is terminated, called processes too. */
export async function cancelInstance(uow: UnitOfWork, instanceId: string): Promise<void> {
	const rt = await uow.load(instanceId);
	if (!rt) throw new CommandError('instance-not-found', `No instance ${instanceId}`);
	if (rt.state.st !== 'active') throw new CommandError('instance-not-active', `Instance ${instanceId} is already ${rt.state.st}`);
	terminateInstance(rt);
}
