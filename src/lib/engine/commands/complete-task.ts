import { CommandError } from '../command-error';
import { compileExpression, evaluateCondition } from '../expression';
import { complete } from '../runtime/lifecycle';
import type { UnitOfWork } from '../runtime/unit-of-work';

export interface CompleteTaskInput {
	instanceId: string;
	tokenId: number;
	variables?: Record<string, unknown>;
	/** One of the task's `potok:outcome` keys; becomes the `outcome` variable. */
	outcome?: string;
}

/**
 * Completes a waiting user task. Checks the stage's rules first — a known outcome, required
 * fields, a result when `resultRequired` — and refuses (changing nothing) when one is broken.
 */
export async function completeTask(uow: UnitOfWork, input: CompleteTaskInput): Promise<void> {
	const rt = await uow.load(input.instanceId);
	if (!rt) throw new CommandError('instance-not-found', `No instance ${input.instanceId}`);
	const token = rt.token(input.tokenId);
	if (!token) {
		if (input.tokenId > 0 && input.tokenId < rt.state.next) {
			throw new CommandError('task-already-completed', `Task ${input.instanceId}/${input.tokenId} is already completed (or was cancelled)`);
		}
		throw new CommandError('task-not-found', `No task ${input.instanceId}/${input.tokenId}`);
	}
	const element = rt.element(token);
	if (element.kind === 'userTask' && token.s === 'i' && token.inc) {
		throw new CommandError('task-has-incident', `${element.id} is stopped by an incident (${token.inc.message}); resolve it first`);
	}
	if (element.kind !== 'userTask' || token.s !== 'w' || (element.loop?.kind === 'multi' && !token.it)) {
		throw new CommandError('task-not-found', `${input.instanceId}/${input.tokenId} is not an open user task`);
	}
	const variables: Record<string, unknown> = { ...input.variables };
	const outcomes = element.potok?.outcomes;
	if (input.outcome !== undefined) {
		if (outcomes && !outcomes.some((o) => o.key === input.outcome)) {
			throw new CommandError('invalid-outcome', `${element.id}: outcome "${input.outcome}" is not one of ${outcomes.map((o) => o.key).join(', ')}`);
		}
		variables.outcome = input.outcome;
	} else if (outcomes && outcomes.length > 0) {
		throw new CommandError('invalid-outcome', `${element.id}: choose an outcome (${outcomes.map((o) => o.key).join(', ')})`);
	}
	if (element.potok?.task?.resultRequired && Object.keys(variables).length === 0) {
		throw new CommandError('missing-field', `${element.id}: the task needs a result`);
	}
	const visible = rt.vars(token);
	const merged = { get: (name: string) => (name in variables ? variables[name] : visible.get(name)), toObject: () => ({ ...visible.toObject(), ...variables }) };
	for (const field of element.potok?.fields ?? []) {
		let required = field.required === true;
		if (!required && field.requiredWhen) {
			try {
				required = evaluateCondition(compileExpression(field.requiredWhen), merged);
			} catch {
				required = false;
			}
		}
		const value = merged.get(field.key);
		if (required && (value === undefined || value === null || value === '')) {
			throw new CommandError('missing-field', `${element.id}: the field ${field.key} is required`);
		}
	}
	if (Object.keys(variables).length > 0) rt.setVariables(token, variables);
	complete(rt, token);
}
