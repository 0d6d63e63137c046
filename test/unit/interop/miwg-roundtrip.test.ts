import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createModdle } from '$lib/bpmn';
import { diffSnapshots, miwgImportWarnings, miwgRoundTripLosses, snapshotBpmn, snapshotSize } from '../../helpers/bpmn-compare';
import { MIWG_DIR } from '../../helpers/interop';


const files = existsSync(MIWG_DIR) ? readdirSync(MIWG_DIR).filter((f) => f.endsWith('.bpmn')).sort() : [];

describe('the MIWG reference models round-trip through bpmn-moddle with the potok descriptor', () => {
	it('finds the reference models', () => {
		expect(files.length).toBeGreaterThanOrEqual(21);
	});

	it.each(files)('%s keeps its semantic elements, diagram shapes and edges, and foreign extensions', async (file) => {
		const bytes = readFileSync(join(MIWG_DIR, file));
		const xml = bytes.toString('utf8');
		const moddle = createModdle();
		const before = await moddle.fromXML(xml, 'bpmn:Definitions');
		const { xml: exported } = await moddle.toXML(before.rootElement, { format: true });
		const after = await moddle.fromXML(exported, 'bpmn:Definitions');

		const expected = snapshotBpmn(before.rootElement);
		expect(snapshotSize(expected).elements).toBeGreaterThan(0);
		expect(before.warnings.map((w) => w.message)).toEqual(miwgImportWarnings(file, xml));
		if (/encoding="ISO-8859-1"/.test(xml)) expect(bytes.every((b) => b < 0x80)).toBe(true);
		expect(after.warnings.map((w) => w.message)).toEqual([]);
		expect(diffSnapshots(expected, snapshotBpmn(after.rootElement))).toEqual(miwgRoundTripLosses[file] ?? []);
	});
});
