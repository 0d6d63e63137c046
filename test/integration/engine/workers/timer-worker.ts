/**
 * A worker for the two-process timer test. `seed N`: deploys a process that
 * waits on a one-second timer and starts N instances. `fire`: fires due timers
 * until none is left, printing how many this process fired.
 */
import { parseBpmn } from '$lib/bpmn';
import { Engine } from '$lib/engine';
import { connect } from '$lib/server/db/connect';
import { LibsqlStore } from '$lib/server/engine-store/libsql-store';

const XML = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="https://potok.dev/test">
  <process id="remind" isExecutable="true">
    <startEvent id="start" />
    <sequenceFlow id="f1" sourceRef="start" targetRef="wait_a_second" />
    <intermediateCatchEvent id="wait_a_second"><timerEventDefinition><timeDuration>PT1S</timeDuration></timerEventDefinition></intermediateCatchEvent>
    <sequenceFlow id="f2" sourceRef="wait_a_second" targetRef="done" />
    <endEvent id="done" />
  </process>
</definitions>`;

const [, , dbPath, mode, count] = process.argv;
const database = await connect(`file:${dbPath}`);
const store = new LibsqlStore(database, 'timers');
const engine = new Engine({ store });

if (mode === 'seed') {
	const parsed = await parseBpmn(XML);
	if (!parsed.ok) throw new Error('the worker model does not parse');
	await engine.deploy(parsed.model);
	// 50 at a time: concurrent commands share commits (group commit), which keeps seeding short
	let next = 0;
	await Promise.all(
		Array.from({ length: 50 }, async () => {
			while (next < Number(count)) {
				next++;
				await engine.startInstance({ processId: 'remind' });
			}
		})
	);
	process.stdout.write('seeded\n');
} else {
	// the parent says go once both workers are up; if it goes away instead, so does this worker
	const parent = process.ppid;
	process.stdout.write('ready\n');
	const told = await new Promise<boolean>((resolve) => {
		process.stdin.once('data', () => resolve(true));
		process.stdin.once('end', () => resolve(false));
	});
	process.stdin.destroy();
	if (!told) process.exit(1);
	let fired = 0;
	for (let pass = 0; pass < 100_000 && process.ppid === parent; pass++) {
		const result = await engine.fireDueTimers(25, 30_000);
		fired += result.fired;
		if (result.fired === 0 && (await store.pendingTimers()).length === 0) break;
		// let the other process in between batches
		await new Promise((r) => setTimeout(r, 1));
	}
	process.stdout.write(`fired ${fired}\n`);
}
database.close();
