/**
 * A worker for the durability test: starts instances and completes their task
 * in eight concurrent loops against a libsql file, printing an acknowledgement
 * after each command returns. The parent kills it with SIGKILL at random moments.
 * On start it first finishes the tasks a killed predecessor left open.
 */
import { parseBpmn } from '$lib/bpmn';
import { Engine } from '$lib/engine';
import { connect } from '$lib/server/db/connect';
import { LibsqlStore } from '$lib/server/engine-store/libsql-store';

const XML = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="https://potok.dev/test">
  <process id="call_lead" isExecutable="true">
    <startEvent id="lead_arrived" />
    <sequenceFlow id="to_call" sourceRef="lead_arrived" targetRef="call_lead_task" />
    <userTask id="call_lead_task" name="Call the lead" />
    <sequenceFlow id="to_done" sourceRef="call_lead_task" targetRef="lead_called" />
    <endEvent id="lead_called" />
  </process>
</definitions>`;

const database = await connect(`file:${process.argv[2]}`);
const store = new LibsqlStore(database, 'durability');
const engine = new Engine({ store });
const parsed = await parseBpmn(XML);
if (!parsed.ok) throw new Error('the worker model does not parse');
await engine.deploy(parsed.model);

const ack = (line: string) => process.stdout.write(line + '\n');

for (const task of await store.openTasks()) {
	await engine.completeTask({ instanceId: task.instanceId, tokenId: task.tokenId });
	ack(`completed ${task.instanceId}`);
}
ack('ready');
// Several loops at once, as several people would: their commands share transactions (group
// commit), so a kill also lands between a command and the commit of its group.
// Bounded, and gone with its parent: an orphaned worker must never run on by itself.
const LOOPS = 8;
const parent = process.ppid;
await Promise.all(
	Array.from({ length: LOOPS }, async () => {
		for (let i = 0; i < 5000 / LOOPS && process.ppid === parent; i++) {
			const { value: id } = await engine.startInstance({ processId: 'call_lead' });
			ack(`started ${id}`);
			const [task] = (await store.openTasks()).filter((t) => t.instanceId === id);
			if (!task) throw new Error(`Expected a task for ${id}`);
			await engine.completeTask({ instanceId: id, tokenId: task.tokenId });
			ack(`completed ${id}`);
		}
	})
);
