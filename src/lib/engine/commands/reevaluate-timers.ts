import { rescheduleDeadlines } from '../behaviors/deadline-reschedule';
import { rescheduleTimers } from '../behaviors/timer-reschedule';
import { CommandError } from '../command-error';
import { rootTokenId } from '../instance-state';
import type { UnitOfWork } from '../runtime/unit-of-work';

/**
 * Evaluates again the due time of every waiting timer of an instance whose definition is an
 * expression — intermediate catch events, boundary events, event-subprocess starts, events after
 * an event-based gateway — after setting `variables` on the process (typically the driven
 * record's fresh fields as `record`), and moves those whose time changed. Returns how many moved.
 * See behaviors/timer-reschedule.ts for what moves and how a FEEL error is handled. The deadlines
 * of waiting user tasks given by an expression move too (behaviors/deadline-reschedule.ts).
 */
export async function reevaluateTimers(uow: UnitOfWork, instanceId: string, variables?: Record<string, unknown>): Promise<number> {
	const rt = await uow.load(instanceId);
	if (!rt) throw new CommandError('instance-not-found', `No instance ${instanceId}`);
	if (rt.state.st !== 'active') throw new CommandError('instance-not-active', `Instance ${instanceId} is already ${rt.state.st}`);
	const root = rt.token(rootTokenId);
	if (!root) throw new Error(`Expected the root token of ${instanceId}, but it is gone`);
	if (variables && Object.keys(variables).length > 0) rt.setVariables(root, variables);
	const moved = rescheduleTimers(rt);
	rescheduleDeadlines(rt);
	return moved;
}
