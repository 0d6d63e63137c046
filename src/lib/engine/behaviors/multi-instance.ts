import type { ExecElement } from '../compiler/executable';
import { evaluateCondition } from '../expression';
import type { Token } from '../instance-state';
import { complete, terminate } from '../runtime/lifecycle';
import type { InstanceRuntime } from '../runtime/instance-runtime';
import { ModelError, runGuarded } from './incidents';

/**
 * Multi-instance activities: a body token holds the counters (`nrOfInstances`,
 * `nrOfCompletedInstances`, `nrOfActiveInstances`) and spawns iterations with `loopCounter` and
 * the element variable, all at once (parallel) or one after another (sequential).
 */
export function startMultiInstance(rt: InstanceRuntime, body: Token, element: ExecElement): void {
	const loop = element.loop;
	if (loop?.kind !== 'multi') throw new Error(`Expected ${element.id} to be multi-instance, but it is not`);
	let items: unknown[] | undefined;
	let count: number;
	const vars = rt.vars(body);
	if (loop.collection) {
		const value = loop.collection.evaluate(vars);
		if (!Array.isArray(value)) throw new ModelError(`Expression \`${loop.collection.source}\` must give a list, but gave ${JSON.stringify(value ?? null)}`);
		items = value;
		count = value.length;
	} else {
		const value = loop.cardinality?.evaluate(vars);
		if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
			throw new ModelError(`Expression \`${loop.cardinality?.source}\` must give a whole number, but gave ${JSON.stringify(value ?? null)}`);
		}
		count = value;
	}
	body.s = 's';
	body.mi = { n: count, done: 0, next: 0, ...(items ? { items } : {}) };
	body.v = { nrOfInstances: count, nrOfCompletedInstances: 0, nrOfActiveInstances: 0 };
	if (count === 0) return complete(rt, body);
	const first = loop.sequential ? 1 : count;
	for (let i = 0; i < first; i++) spawnIteration(rt, body, element);
}

function spawnIteration(rt: InstanceRuntime, body: Token, element: ExecElement): void {
	const mi = body.mi as NonNullable<Token['mi']>;
	const loop = element.loop;
	const index = mi.next++;
	const iteration = rt.queue(element.id, body.id);
	iteration.it = 1;
	iteration.v = { loopCounter: index + 1 };
	if (loop?.kind === 'multi' && loop.elementVariable) iteration.v[loop.elementVariable] = mi.items?.[index] ?? null;
	const counters = body.v as Record<string, number>;
	counters.nrOfActiveInstances = (counters.nrOfActiveInstances ?? 0) + 1;
	if (mi.items) delete mi.items[index];
}

/** An iteration completed: finish early on the completion condition, spawn the next, or complete. */
export function onIterationCompleted(rt: InstanceRuntime, body: Token, element: ExecElement): void {
	const mi = body.mi;
	const loop = element.loop;
	if (!mi || loop?.kind !== 'multi') throw new Error(`Expected a multi-instance body for ${element.id}, but found none`);
	const counters = body.v as Record<string, number>;
	mi.done++;
	counters.nrOfCompletedInstances = mi.done;
	counters.nrOfActiveInstances = Math.max(0, (counters.nrOfActiveInstances ?? 1) - 1);
	let finished = false;
	if (loop.completionCondition) {
		const condition = loop.completionCondition;
		if (!runGuarded(rt, body, 'iteration', () => (finished = evaluateCondition(condition, rt.vars(body))))) return;
	}
	if (finished) {
		for (const child of rt.children(body.id)) terminate(rt, child);
		return completeBody(rt, body);
	}
	if (loop.sequential && mi.next < mi.n) return spawnIteration(rt, body, element);
	if (mi.done >= mi.n) completeBody(rt, body);
}

function completeBody(rt: InstanceRuntime, body: Token): void {
	delete body.mi;
	delete body.v;
	complete(rt, body);
}
