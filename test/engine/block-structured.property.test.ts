import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ElementModel, FlowModel, ProcessModel } from '../../src/lib/bpmn';
import { Engine, VirtualClock } from '../../src/lib/engine';
import { storeUnderTest, type StoreSnapshot } from './stores';

/**
 * Property tests on generated block-structured diagrams: sequences, user and plain tasks, timer
 * catch events, embedded subprocesses, deferred choices (event-based gateway between a message and
 * a timer, merged by an OR join) and XOR/AND/OR blocks (split + matching join) nested up to four
 * levels. Whatever the diagram, the variables and the order in which people complete tasks:
 * every element instance that is activated ends exactly once (tokens are conserved), a waiting
 * instance always waits at a user task or a timer (never stuck in a gateway), and once nothing is
 * left to do the instance has completed.
 */
type Block =
	| { kind: 'task'; user: boolean }
	| { kind: 'timer'; minutes: number }
	| { kind: 'sub'; body: Block }
	| { kind: 'deferred'; onMessage: Block; onTimer: Block; minutes: number }
	| { kind: 'seq'; items: [Block, Block] }
	| { kind: 'xor' | 'and' | 'or'; branches: Block[]; thresholds: number[] };

const { block } = fc.letrec<{ block: Block }>((tie) => ({
	block: fc.oneof(
		{ maxDepth: 4, depthIdentifier: 'block', depthSize: 'large' },
		{ weight: 2, arbitrary: fc.record({ kind: fc.constant('task' as const), user: fc.boolean() }) },
		{ weight: 1, arbitrary: fc.record({ kind: fc.constant('timer' as const), minutes: fc.integer({ min: 1, max: 120 }) }) },
		{ weight: 1, arbitrary: tie('block').map((body): Block => ({ kind: 'sub', body })) },
		{
			weight: 1,
			arbitrary: fc
				.tuple(tie('block'), tie('block'), fc.integer({ min: 1, max: 120 }))
				.map(([onMessage, onTimer, minutes]): Block => ({ kind: 'deferred', onMessage, onTimer, minutes }))
		},
		{ weight: 2, arbitrary: fc.tuple(tie('block'), tie('block')).map(([a, b]): Block => ({ kind: 'seq', items: [a, b] })) },
		{
			weight: 4,
			arbitrary: fc
				.record({
					kind: fc.constantFrom('xor' as const, 'and' as const, 'or' as const),
					branches: fc.array(tie('block'), { minLength: 2, maxLength: 3 }),
					thresholds: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 3, maxLength: 3 })
				})
				.map((b): Block => b)
		}
	)
}));

function toProcess(root_: Block): ProcessModel {
	let n = 0;
	const container = () => ({ elements: [] as ElementModel[], flows: [] as FlowModel[] });
	const build = (scope: ReturnType<typeof container>, b: Block): { first: ElementModel; last: ElementModel } => {
		const add = (type: string, extra: Partial<ElementModel> = {}) => {
			const element: ElementModel = { id: `${type.slice(5).toLowerCase()}_${++n}`, type, incoming: [], outgoing: [], ...extra };
			scope.elements.push(element);
			return element;
		};
		const connect = (from: ElementModel, to: ElementModel, condition?: string) => {
			const flow: FlowModel = { id: `flow_${++n}`, source: from.id, target: to.id, ...(condition ? { condition } : {}) };
			scope.flows.push(flow);
			from.outgoing.push(flow.id);
			to.incoming.push(flow.id);
			return flow;
		};
		if (b.kind === 'task') {
			const task = add(b.user ? 'bpmn:UserTask' : 'bpmn:Task');
			return { first: task, last: task };
		}
		if (b.kind === 'timer') {
			const timer = add('bpmn:IntermediateCatchEvent', { eventDefinitions: [{ type: 'timer', timer: { kind: 'duration', value: `PT${b.minutes}M` } }] });
			return { first: timer, last: timer };
		}
		if (b.kind === 'sub') {
			const inner = container();
			const start = build(inner, { kind: 'task', user: false });
			start.first.type = 'bpmn:StartEvent';
			const body = build(inner, b.body);
			const end = build(inner, { kind: 'task', user: false });
			end.first.type = 'bpmn:EndEvent';
			const link = (from: ElementModel, to: ElementModel) => {
				const flow: FlowModel = { id: `flow_${++n}`, source: from.id, target: to.id };
				inner.flows.push(flow);
				from.outgoing.push(flow.id);
				to.incoming.push(flow.id);
			};
			link(start.first, body.first);
			link(body.last, end.first);
			const sub = add('bpmn:SubProcess', inner);
			return { first: sub, last: sub };
		}
		if (b.kind === 'deferred') {
			// deferred choice: an event-based gateway between a message and a timer, merged by an OR join
			const gateway = add('bpmn:EventBasedGateway');
			const message = add('bpmn:IntermediateCatchEvent', { eventDefinitions: [{ type: 'message', messageName: 'poke' }] });
			const timer = add('bpmn:IntermediateCatchEvent', { eventDefinitions: [{ type: 'timer', timer: { kind: 'duration', value: `PT${b.minutes}M` } }] });
			const join = add('bpmn:InclusiveGateway');
			connect(gateway, message);
			connect(gateway, timer);
			const left = build(scope, b.onMessage);
			const right = build(scope, b.onTimer);
			connect(message, left.first);
			connect(timer, right.first);
			connect(left.last, join);
			connect(right.last, join);
			return { first: gateway, last: join };
		}
		if (b.kind === 'seq') {
			const a = build(scope, b.items[0]);
			const c = build(scope, b.items[1]);
			connect(a.last, c.first);
			return { first: a.first, last: c.last };
		}
		const type = b.kind === 'xor' ? 'bpmn:ExclusiveGateway' : b.kind === 'and' ? 'bpmn:ParallelGateway' : 'bpmn:InclusiveGateway';
		const split = add(type);
		const join = add(type);
		b.branches.forEach((branch, i) => {
			const inner = build(scope, branch);
			const conditional = b.kind !== 'and' && i > 0;
			const flow = connect(split, inner.first, conditional ? `=seed > ${b.thresholds[i] ?? 5}` : undefined);
			if (b.kind !== 'and' && i === 0) split.defaultFlow = flow.id;
			connect(inner.last, join);
		});
		return { first: split, last: join };
	};
	const root = container();
	const start = build(root, { kind: 'task', user: false });
	start.first.type = 'bpmn:StartEvent';
	const body = build(root, root_);
	const end = build(root, { kind: 'task', user: false });
	end.first.type = 'bpmn:EndEvent';
	for (const [from, to] of [[start.first, body.first], [body.last, end.first]] as const) {
		const flow: FlowModel = { id: `flow_${++n}`, source: from.id, target: to.id };
		root.flows.push(flow);
		from.outgoing.push(flow.id);
		to.incoming.push(flow.id);
	}
	return { id: 'generated', isExecutable: true, ...root };
}

describe('generated block-structured diagrams', () => {
	it('conserve tokens and always end completed or waiting at a user task or a timer', async () => {
		await fc.assert(
			fc.asyncProperty(block, fc.integer({ min: 0, max: 9 }), fc.array(fc.nat(), { minLength: 120, maxLength: 120 }), async (root, seed, choices) => {
				const underTest = await storeUnderTest();
				try {
					const clock = new VirtualClock();
					const engine = new Engine({ store: underTest.store, clock });
					const deployed = await engine.deploy([toProcess(root)]);
					expect(deployed.ok).toBe(true);
					await engine.startInstance({ processId: 'generated', variables: { seed } });

					let store: StoreSnapshot;
					for (const choice of choices) {
						store = await underTest.snapshot();
						const instance = store.instances.get('1');
						const open = [...store.tasks.values()];
						const tokens = instance?.state.tokens.filter((t) => t.p !== 0) ?? [];
						if (instance?.status === 'active') {
							// never stuck: something waits for a person or a timer, and nothing waits elsewhere but at joins
							expect(open.length + store.timers.size + store.messageSubscriptions.size).toBeGreaterThan(0);
							for (const t of tokens) expect(['w', 'j', 's']).toContain(t.s);
						}
						if (open.length === 0 && store.messageSubscriptions.size > 0 && choice % 2 === 0) {
							await engine.correlateMessage({ name: 'poke' });
							continue;
						}
						if (open.length === 0) {
							const timers = [...store.timers.values()];
							if (timers.length === 0) break;
							clock.set(Math.min(...timers.map((t) => t.dueAt)));
							await engine.fireDueTimers();
							continue;
						}
						const task = open[choice % open.length];
						if (task) await engine.completeTask({ instanceId: task.instanceId, tokenId: task.tokenId });
					}

					store = await underTest.snapshot();
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
				} finally {
					await underTest.close();
				}
			}),
			{ numRuns: 150 }
		);
	}, 120_000); // 150 diagrams, each in its own libsql file on that store
});
