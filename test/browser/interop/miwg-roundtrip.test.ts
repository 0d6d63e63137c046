import { describe, expect, it } from 'vitest';
import { cdp, server } from 'vitest/browser';
import { render } from 'vitest-browser-svelte';
import { createModdle } from '$lib/bpmn';
import ProcessModeler from '$lib/components/modeler/ProcessModeler.svelte';
import { diffSnapshots, miwgRoundTripLosses, snapshotBpmn, snapshotSize } from '../../helpers/bpmn-compare';

/**
 * The MIWG reference models through Potok's real modeler: import, saveXML, compare the trees.
 * The files stay in `shared/` beside the checkout (test/helpers/interop.ts's MIWG_DIR). Vite's
 * file sandbox keeps a browser test from reading them, so each one is uploaded through a file
 * input, as an analyst would, by the Chromium DevTools Protocol.
 */
const MIWG_DIR = `${server.config.root.replace(/\/[^/]+\/?$/, '')}/shared/interop/miwg`;
const files = Object.keys(import.meta.glob('../../../../shared/interop/miwg/*.bpmn'))
	.map((path) => path.slice(path.lastIndexOf('/') + 1))
	.sort();

async function upload(file: string): Promise<string> {
	const page = window.top!.document;
	const input = page.createElement('input');
	input.type = 'file';
	input.id = 'potok-miwg-upload';
	page.body.append(input);
	try {
		const session = cdp();
		const found = (await session.send('Runtime.evaluate', { expression: `document.getElementById('${input.id}')` })) as { result: { objectId: string } };
		await session.send('DOM.setFileInputFiles', { objectId: found.result.objectId, files: [`${MIWG_DIR}/${file}`] });
		const uploaded = input.files?.[0];
		if (!uploaded) throw new Error(`Expected ${file} to be uploaded, but the input has no file`);
		return await uploaded.text();
	} finally {
		input.remove();
	}
}

/** Imports into ProcessModeler, waits for the first live lint (so nothing runs after unmount), saves. */
async function roundTrip(xml: string): Promise<string> {
	let imported!: () => void;
	let linted!: () => void;
	const ready = new Promise<void>((resolve) => (imported = resolve));
	const lintDone = new Promise<void>((resolve) => (linted = resolve));
	const screen = await render(ProcessModeler, { xml, locale: 'ru', onimport: () => imported(), onlint: () => linted() });
	await ready;
	await lintDone;
	const api = screen.component as unknown as { getXML(): Promise<string>; service<T>(name: string): T | undefined };
	const exported = await api.getXML();
	// Switching live lint off starts one more lint run (bpmn-js-bpmnlint lints on 'linting.toggle');
	// let it finish, or it would reach the canvas after unmount destroyed it.
	const eventBus = api.service<{ once(event: string, callback: () => void): void }>('eventBus')!;
	const settled = new Promise<void>((resolve) => eventBus.once('linting.completed', resolve));
	api.service<{ toggle(active: boolean): void }>('linting')!.toggle(false);
	await Promise.race([settled, new Promise((resolve) => setTimeout(resolve, 5_000))]);
	screen.unmount();
	return exported;
}

describe('the MIWG reference models round-trip through the Potok modeler', () => {
	it('finds the reference models', () => {
		expect(files.length).toBeGreaterThanOrEqual(21);
	});

	it.each(files)('%s keeps its semantic elements, diagram shapes and edges, and foreign extensions', async (file) => {
		const xml = await upload(file);
		const exported = await roundTrip(xml);
		const moddle = createModdle();
		const before = snapshotBpmn((await moddle.fromXML(xml, 'bpmn:Definitions')).rootElement);
		const after = await moddle.fromXML(exported, 'bpmn:Definitions');
		expect(snapshotSize(before).shapes).toBeGreaterThan(0);
		expect(after.warnings.map((w) => w.message)).toEqual([]);

		// no DI dropped, no isMarkerVisible or drill-down diagram added (src/lib/modeler/fidelity)
		expect(diffSnapshots(before, snapshotBpmn(after.rootElement))).toEqual(miwgRoundTripLosses[file] ?? []);
	}, 60_000); // the first one also loads bpmn-js and the modeler's modules
});
