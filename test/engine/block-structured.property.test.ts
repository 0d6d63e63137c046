import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ElementModel, FlowModel, ProcessModel } from '../../src/lib/bpmn';
import { Engine, MemoryStore, VirtualClock } from '../../src/lib/engine';

/**
 * Property tests on generated block-structured diagrams: sequences, tasks, and XOR/AND/OR blocks
 * (split + matching join) nested up to four levels. Whatever the diagram, the variables and the
 * order in which people complete tasks: every element instance that is activated ends exactly
 * once (tokens are conserved), a waiting instance always waits at a user task (never stuck in a
 * gateway), and once every task is done the instance has completed.
 */
type Block =
	| { kind: 'task'; user: boolean }
	| { kind: 'seq'; items: [Block, Block] }
	| { kind: 'xor' | 'and' | 'or'; branches: Block[]; thresholds: number[] };

const { block } = fc.letrec<{ block: Block }>((tie) => ({
	block: fc.oneof(
		{ maxDepth: 4, depthIdentifier: 'block' },
		fc.record({ kind: fc.constant('task' as const), user: fc.boolean() }),
		fc.tuple(tie('block'), tie('block')).map(([a, b]): Block => ({ kind: 'seq', items: [a, b] })),
		fc
			.record({
				kind: fc.constantFrom('xor' as const, 'and' as const, 'or' as const),
				branches: fc.array(tie('block'), { minLength: 2, maxLength: 3 }),
				thresholds: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 3, maxLength: 3 })
			})
			.map((b): Block => b)
	)
}));

function toProcess(root: Block): ProcessModel {
	const elements: ElementModel[] = [];
	const flows: FlowModel[] = [];
	let n = 0;
	const add = (type: string, extra: Partial<ElementModel> = {}) => {
		const element: ElementModel = { id: `${type.slice(5).toLowerCase()}_${++n}`, type, incoming: [], outgoing: [], ...extra };
		elements.push(element);
		return element;
	};
	const connect = (from: ElementModel, to: ElementModel, condition?: string) => {
		const flow: FlowModel = { id: `flow_${++n}`, source: from.id, target: to.id, ...(condition ? { condition } : {}) };
		flows.push(flow);
		from.outgoing.push(flow.id);
		to.incoming.push(flow.id);
		return flow;
	};
	const build = (b: Block): { first: ElementModel; last: ElementModel } => {
		if (b.kind === 'task') {
			const task = add(b.user ? 'bpmn:UserTask' : 'bpmn:Task');
			return { first: task, last: task };
		}
		if (b.kind === 'seq') {
			const a = build(b.items[0]);
			const c = build(b.items[1]);
			connect(a.last, c.first);
			return { first: a.first, last: c.last };
		}
		const type = b.kind === 'xor' ? 'bpmn:ExclusiveGateway' : b.kind === 'and' ? 'bpmn:ParallelGateway' : 'bpmn:InclusiveGateway';
		const split = add(type);
		const join = add(type);
		b.branches.forEach((branch, i) => {
			const inner = build(branch);
			const conditional = b.kind !== 'and' && i > 0;
			const flow = connect(split, inner.first, conditional ? `=seed > ${b.thresholds[i] ?? 5}` : undefined);
			if (b.kind !== 'and' && i === 0) split.defaultFlow = flow.id;
			connect(inner.last, join);
		});
		return { first: split, last: join };
	};
	const start = add('bpmn:StartEvent');
	const body = build(root);
	const end = add('bpmn:EndEvent');
	connect(start, body.first);
	connect(body.last, end);
	return { id: 'generated', isExecutable: true, elements, flows };
}

describe('generated block-structured diagrams', () => {
	it('conserve tokens and always end completed or waiting at a user task', async () => {
		await fc.assert(
			fc.asyncProperty(block, fc.integer({ min: 0, max: 9 }), fc.array(fc.nat(), { minLength: 60, maxLength: 60 }), async (root, seed, choices) => {
				const store = new MemoryStore();
				const engine = new Engine({ store, clock: new VirtualClock() });
				const deployed = await engine.deploy([toProcess(root)]);
				expect(deployed.ok).toBe(true);
				await engine.startInstance({ processId: 'generated', variables: { seed } });

				for (const choice of choices) {
					const instance = store.instances.get('1');
					const open = [...store.tasks.values()];
					const tokens = instance?.state.tokens.filter((t) => t.p !== 0) ?? [];
					if (instance?.status === 'active') {
						// never stuck: something waits for a person, and nothing waits elsewhere but at joins
						expect(open.length).toBeGreaterThan(0);
						for (const t of tokens) expect(['w', 'j', 's']).toContain(t.s);
					}
					if (open.length === 0) break;
					const task = open[choice % open.length];
					if (task) await engine.completeTask({ instanceId: task.instanceId, tokenId: task.tokenId });
				}

				expect(store.instances.get('1')?.status).toBe('completed');
				const lifecycle = new Map<number, string[]>();
				for (const r of store.history) {
					if (r.token === undefined || !r.event.startsWith('element.')) continue;
					lifecycle.set(r.token, [...(lifecycle.get(r.token) ?? []), r.event]);
				}
				for (const events of lifecycle.values()) {
					expect(events[0]).toBe('element.activated');
					expect(events.slice(1)).toEqual([expect.stringMatching(/^element\.(completed|terminated)$/)]);
				}
				expect(store.instances.get('1')?.state.tokens.filter((t) => t.p !== 0)).toEqual([]);
			}),
			{ numRuns: 150 }
		);
	});
});
