import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseBpmn } from '$lib/bpmn';
import { VirtualClock, type JobRow } from '$lib/engine';
import { EngineHost } from '$lib/server/engine-host/engine-host';
import { tempDatabase } from '../../helpers/temp-db';

const TIMER = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="https://potok.dev/test">
  <process id="remind" isExecutable="true">
    <startEvent id="start" />
    <sequenceFlow id="f1" sourceRef="start" targetRef="wait_an_hour" />
    <intermediateCatchEvent id="wait_an_hour"><timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition></intermediateCatchEvent>
    <sequenceFlow id="f2" sourceRef="wait_an_hour" targetRef="done" />
    <endEvent id="done" />
  </process>
</definitions>`;

async function model(xml: string) {
	const parsed = await parseBpmn(xml);
	if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
	return parsed.model;
}

describe('the engine host in the app process', () => {
	let db: Awaited<ReturnType<typeof tempDatabase>>;
	beforeAll(async () => {
		db = await tempDatabase('engine-host');
	});
	afterAll(() => db.dispose());

	it('fires the due timers of every workspace, and nothing before they are due', async () => {
		const clock = new VirtualClock('2026-01-01T00:00:00Z');
		const host = new EngineHost(db, { clock });
		for (const tenant of ['ws-kitchens', 'ws-windows']) {
			await host.engine(tenant).deploy(await model(TIMER));
			await host.engine(tenant).startInstance({ processId: 'remind' });
		}
		expect(await host.tick()).toEqual({ timers: 0, jobs: 0 });
		clock.set(Date.parse('2026-01-01T00:59:59Z'));
		expect(await host.dueTenants()).toEqual([]);
		clock.set(Date.parse('2026-01-01T01:00:00Z'));
		expect((await host.dueTenants()).sort()).toEqual(['ws-kitchens', 'ws-windows']);
		const done = await host.tick();
		expect(done.timers).toBeGreaterThanOrEqual(2);
		for (const tenant of ['ws-kitchens', 'ws-windows']) {
			const events = (await host.store(tenant).records({})).map((r) => `${r.event}:${r.element ?? ''}`);
			expect(events).toContain('element.completed:wait_an_hour');
			expect(events.at(-1)).toBe('instance.completed:');
		}
		expect(await host.dueTenants()).toEqual([]);
	});

	it('runs the robots this process knows, and a robot that keeps failing becomes an incident', async () => {
		const clock = new VirtualClock('2026-01-01T00:00:00Z');
		const sent: JobRow[] = [];
		let fail = false;
		const host = new EngineHost(db, {
			clock,
			robots: {
				'send-message': async (job) => {
					if (fail) throw new Error('SMTP is down');
					sent.push(job);
					return { sent: true };
				}
			}
		});
		const xml = readFileSync('test/engine/fixtures/robot-job.bpmn', 'utf8').replace(
			'<potok:input name="to" value="=client.email" />',
			'<potok:input name="to" value="client@example.com" />'
		);
		const engine = host.engine('ws-robots');
		await engine.deploy(await model(xml));
		await engine.startInstance({ processId: 'greet' });
		await host.tick();
		expect(sent).toHaveLength(1);
		expect(sent[0]!.inputs).toMatchObject({ channel: 'email', to: 'client@example.com' });
		const events = (await host.store('ws-robots').records({})).map((r) => r.event);
		expect(events.at(-1)).toBe('instance.completed');

		fail = true;
		await engine.startInstance({ processId: 'greet' });
		for (let i = 0; i < 10; i++) {
			await host.tick();
			clock.set(clock.now() + 3600_000);
		}
		const records = await host.store('ws-robots').records({});
		expect(records.filter((r) => r.event === 'job.failed').length).toBeGreaterThan(0);
		const incident = records.find((r) => r.event === 'incident.created');
		expect(incident?.element).toBe('send_greeting');
		expect(incident?.message).toContain('SMTP is down');
	});
});
