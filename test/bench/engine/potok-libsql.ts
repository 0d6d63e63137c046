import { parseBpmn } from '../../../src/lib/bpmn';
import { Engine, VirtualClock } from '../../../src/lib/engine';
import { connect } from '../../../src/lib/server/db/connect';
import { GroupCommit } from '../../../src/lib/server/engine-store/group-commit';
import { LibsqlStore } from '../../../src/lib/server/engine-store/libsql-store';
import { potokXml } from './diagram';

/**
 * (a) Potok on a libsql file (WAL, synchronous=NORMAL, migrated like the app's database): each
 * instance is started and its user task completed — two commands, each answered only once
 * committed. `concurrency` loops run at once, as people working in the app would; with 1 every
 * command is its own transaction. `run(n)` may be called several times on the same file.
 */
export async function potokLibsql(path: string, concurrency: number) {
	const database = await connect(`file:${path}`);
	const store = new LibsqlStore(database, 'bench');
	const engine = new Engine({ store, clock: new VirtualClock() });
	const parsed = await parseBpmn(potokXml);
	if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
	await engine.deploy(parsed.model);
	const one = async () => {
		const started = await engine.startInstance({ processId: 'bench', variables: { spam: false } });
		const task = started.records.find((r) => r.element === 'call_lead' && r.event === 'element.activated');
		if (task?.token === undefined) throw new Error('Expected the instance to wait at call_lead');
		await engine.completeTask({ instanceId: started.value, tokenId: task.token });
	};
	await one(); // warm-up: definition cached and compiled
	const stats = GroupCommit.of(database).stats;
	let instances = 0;
	let seconds = 0;
	let transactions = 0;
	return {
		async run(n: number): Promise<void> {
			const before = stats.transactions;
			let next = 0;
			const t0 = performance.now();
			await Promise.all(
				Array.from({ length: concurrency }, async () => {
					while (next < n) {
						next++;
						await one();
					}
				})
			);
			seconds += (performance.now() - t0) / 1000;
			instances += n;
			transactions += stats.transactions - before;
		},
		/** Instances per second and database transactions per instance over every run so far. */
		result: () => ({ perSecond: instances / seconds, transactionsPerInstance: transactions / instances }),
		close: () => database.close()
	};
}
