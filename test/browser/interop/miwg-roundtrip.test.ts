import { describe, expect, it } from 'vitest';
import { cdp, server } from 'vitest/browser';
import { render } from 'vitest-browser-svelte';
import { createModdle } from '$lib/bpmn';
import ProcessModeler from '$lib/components/modeler/ProcessModeler.svelte';
import { diffSnapshots, miwgRoundTripLosses, snapshotBpmn, snapshotSize, type BpmnSnapshot } from '../../helpers/bpmn-compare';

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

/**
 * What bpmn-js's Modeler itself changes on import + save, by design (counted per file; every
 * instance is also checked for its reason below):
 * - `droppedDi`: shapes and edges of elements bpmn-js does not draw — the contents of a process no
 *   pool references, drawn inside an expanded call activity (B.1.0, B.2.0), and an edge with no
 *   `bpmnElement` (C.7.0). On save, bpmn-js rebuilds each plane from the canvas
 *   (`BpmnDiOrdering`), so DI it never drew is not written back.
 * - `markerShown`: the modeler's ElementFactory sets `isMarkerVisible="true"` on every exclusive
 *   gateway shape that does not say (the BPMN default is false), so the "X" appears.
 * - `drilldownPlanes`: a collapsed subprocess gets its own (empty) BPMNDiagram for drill-down.
 */
const modelerChanges: Record<string, { droppedDi: number; markerShown: number; drilldownPlanes: number }> = {
	'A.2.1.bpmn': { droppedDi: 0, markerShown: 2, drilldownPlanes: 0 },
	'A.3.0.bpmn': { droppedDi: 0, markerShown: 0, drilldownPlanes: 1 },
	'B.1.0.bpmn': { droppedDi: 5, markerShown: 0, drilldownPlanes: 1 },
	'B.2.0.bpmn': { droppedDi: 14, markerShown: 0, drilldownPlanes: 2 },
	'C.1.0.bpmn': { droppedDi: 0, markerShown: 2, drilldownPlanes: 0 },
	'C.1.1.bpmn': { droppedDi: 0, markerShown: 1, drilldownPlanes: 0 },
	'C.3.0.bpmn': { droppedDi: 0, markerShown: 3, drilldownPlanes: 1 },
	'C.7.0.bpmn': { droppedDi: 1, markerShown: 0, drilldownPlanes: 0 }
};

interface DiagramElement {
	id: string;
}

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
async function roundTrip(xml: string): Promise<{ exported: string; drawn: Set<string> }> {
	let imported!: () => void;
	let linted!: () => void;
	const ready = new Promise<void>((resolve) => (imported = resolve));
	const lintDone = new Promise<void>((resolve) => (linted = resolve));
	const screen = await render(ProcessModeler, { xml, locale: 'ru', onimport: () => imported(), onlint: () => linted() });
	await ready;
	await lintDone;
	const api = screen.component as unknown as { getXML(): Promise<string>; service<T>(name: string): T | undefined };
	const exported = await api.getXML();
	const drawn = new Set(api.service<{ getAll(): DiagramElement[] }>('elementRegistry')!.getAll().map((e) => e.id));
	// Switching live lint off starts one more lint run (bpmn-js-bpmnlint lints on 'linting.toggle');
	// let it finish, or it would reach the canvas after unmount destroyed it.
	const eventBus = api.service<{ once(event: string, callback: () => void): void }>('eventBus')!;
	const settled = new Promise<void>((resolve) => eventBus.once('linting.completed', resolve));
	api.service<{ toggle(active: boolean): void }>('linting')!.toggle(false);
	await Promise.race([settled, new Promise((resolve) => setTimeout(resolve, 5_000))]);
	screen.unmount();
	return { exported, drawn };
}

/** Sorts the differences into bpmn-js's by-design changes (checking each one's reason) and the rest. */
function classify(lines: string[], before: BpmnSnapshot, drawn: Set<string>) {
	const found = { droppedDi: 0, markerShown: 0, drilldownPlanes: 0 };
	const dropped = new Set<string>();
	const rest: string[] = [];
	for (const line of lines) {
		const di = /^(shapes|edges)\.([^.:]+): \{.* → \(missing\)$/.exec(line);
		const marker = /^shapes\.([^.:]+)\.isMarkerVisible: \(missing\) → true$/.exec(line);
		const plane = /^elements\.[^.]+\.diagrams\[\d+\]: \(missing\) → \{"\$type":"bpmndi:BPMNDiagram","plane":\{"\$type":"bpmndi:BPMNPlane","bpmnElement":"#([^"]+)"\}\}$/.exec(line);
		if (di) {
			const shape = before[di[1] as 'shapes' | 'edges'][di[2]!] as { bpmnElement?: string };
			const element = shape.bpmnElement?.slice(1);
			expect(element === undefined || !drawn.has(element), `${di[2]} was dropped though its element is drawn`).toBe(true);
			dropped.add(`@${di[2]}`);
			found.droppedDi++;
		} else if (marker) {
			const shape = before.shapes[marker[1]!] as { bpmnElement: string };
			expect((before.elements[shape.bpmnElement.slice(1)] as { $type: string }).$type).toBe('bpmn:ExclusiveGateway');
			found.markerShown++;
		} else if (plane) {
			expect((before.elements[plane[1]!] as { $type: string }).$type).toMatch(/SubProcess|Transaction/);
			found.drilldownPlanes++;
		} else rest.push(line);
	}
	const unexplained = rest.filter((line) => !/\.planeElement: "(@[^"]+)" → \(missing\)$/.test(line) || !dropped.has(/"(@[^"]+)"/.exec(line)![1]!));
	return { found, unexplained };
}

describe('the MIWG reference models round-trip through the Potok modeler', () => {
	it('finds the reference models', () => {
		expect(files.length).toBeGreaterThanOrEqual(21);
	});

	it.each(files)('%s keeps its semantic elements, diagram shapes and edges, and foreign extensions', async (file) => {
		const xml = await upload(file);
		const { exported, drawn } = await roundTrip(xml);
		const moddle = createModdle();
		const before = snapshotBpmn((await moddle.fromXML(xml, 'bpmn:Definitions')).rootElement);
		const after = await moddle.fromXML(exported, 'bpmn:Definitions');
		expect(snapshotSize(before).shapes).toBeGreaterThan(0);
		expect(after.warnings.map((w) => w.message)).toEqual([]);

		const { found, unexplained } = classify(diffSnapshots(before, snapshotBpmn(after.rootElement)), before, drawn);
		expect(unexplained).toEqual(miwgRoundTripLosses[file] ?? []);
		expect(found).toEqual(modelerChanges[file] ?? { droppedDi: 0, markerShown: 0, drilldownPlanes: 0 });
	}, 60_000); // the first one also loads bpmn-js and the modeler's modules
});
