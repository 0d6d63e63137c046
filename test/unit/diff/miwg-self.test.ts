import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffDiagrams } from '$lib/diff';
import { MIWG_DIR } from '../../helpers/interop';

const files = existsSync(MIWG_DIR) ? readdirSync(MIWG_DIR).filter((f) => f.endsWith('.bpmn')).sort() : [];
const read = (file: string) => readFileSync(join(MIWG_DIR, file), 'utf8');

describe('diffDiagrams on the MIWG reference models', () => {
	it.each(files)('finds no difference between %s and itself', async (file) => {
		expect(await diffDiagrams(read(file), read(file), 'ru')).toEqual({ added: [], removed: [], changed: [], layoutChanged: [], annotations: [] });
	});

	it('compares the A.2.0 layout with its typed-flow version A.2.1 without failing', async () => {
		const diff = await diffDiagrams(read('A.2.0.bpmn'), read('A.2.1.bpmn'), 'en');
		expect(diff.added.length + diff.removed.length).toBeGreaterThan(0);
	});
});
