import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBpmn } from '../../src/lib/bpmn';
import { Engine, MemoryStore, VirtualClock } from '../../src/lib/engine';

async function deployed(fixture: string) {
	const store = new MemoryStore({ concurrent: true });
	const engine = new Engine({ store, clock: new VirtualClock() });
	const parsed = await parseBpmn(readFileSync(join(import.meta.dirname, 'fixtures', fixture), 'utf8'));
	if (!parsed.ok) throw new Error('fixture');
	await engine.deploy(parsed.model);
	return { store, engine };
}

describe('concurrent commands on one instance', () => {
	it('apply the first completion of a task and tell the second one it is already completed', async () => {
		const { store, engine } = await deployed('user-task.bpmn');
		await engine.startInstance({ processId: 'call_lead' });

		const results = await Promise.allSettled([
			engine.completeTask({ instanceId: '1', tokenId: 3 }, 'anna'),
			engine.completeTask({ instanceId: '1', tokenId: 3 }, 'boris')
		]);

		expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
		const rejected = results.find((r) => r.status === 'rejected');
		expect(String((rejected as PromiseRejectedResult).reason)).toMatch(/already completed/);
		expect(store.history.filter((r) => r.event === 'element.completed' && r.element === 'call_lead_task')).toHaveLength(1);
		expect(store.instances.get('1')?.version).toBe(2);
	});

	it('serialise two different commands on one instance by retrying the one that lost', async () => {
		const { store, engine } = await deployed('parallel-gateway.bpmn');
		await engine.startInstance({ processId: 'and_split_join' });
		const tasks = [...store.tasks.values()];

		await Promise.all(tasks.map((t) => engine.completeTask({ instanceId: t.instanceId, tokenId: t.tokenId })));

		expect(store.instances.get('1')?.status).toBe('completed');
		expect(store.history.filter((r) => r.event === 'element.completed' && r.element === 'join')).toHaveLength(2);
	});
});
