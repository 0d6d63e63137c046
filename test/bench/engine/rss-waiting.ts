/**
 * A child process of the benchmark: starts instances that wait at their user task in a libsql
 * file, and prints its resident memory (after a GC) every `step` instances as
 * `{"waiting":N,"rss_mb":M}`. Alone in its process, so nothing else the benchmark did counts.
 * Usage: node --expose-gc --import tsx rss-waiting.ts DB_FILE TOTAL STEP
 */
import { parseBpmn } from '../../../src/lib/bpmn';
import { Engine, VirtualClock } from '../../../src/lib/engine';
import { connect } from '../../../src/lib/server/db/connect';
import { LibsqlStore } from '../../../src/lib/server/engine-store/libsql-store';
import { potokXml } from './diagram';

const [, , path, total = '100000', step = '25000'] = process.argv;
const database = await connect(`file:${path}`);
const engine = new Engine({ store: new LibsqlStore(database, 'bench'), clock: new VirtualClock() });
const parsed = await parseBpmn(potokXml);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
await engine.deploy(parsed.model);

const report = (waiting: number) => {
	(globalThis as { gc?: () => void }).gc?.();
	process.stdout.write(JSON.stringify({ waiting, rss_mb: process.memoryUsage().rss / 2 ** 20 }) + '\n');
};
report(0);
const parent = process.ppid;
let started = 0;
while (started < Number(total) && process.ppid === parent) {
	const target = Math.min(Number(total), started + Number(step));
	await Promise.all(
		Array.from({ length: 64 }, async () => {
			while (started < target && process.ppid === parent) {
				started++;
				await engine.startInstance({ processId: 'bench', variables: { spam: false } });
			}
		})
	);
	report(started);
}
database.close();
