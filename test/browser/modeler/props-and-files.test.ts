import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-svelte';
import ProcessModeler from '$lib/components/modeler/ProcessModeler.svelte';
import type PotokEditing from '$lib/modeler/potok-properties/PotokEditing';
import { designerXml, otherXml } from './fixtures';
import { mountModeler } from './mount-modeler';

const paletteTitles = (root: HTMLElement) => [...root.querySelectorAll('.djs-palette .entry')].map((entry) => entry.getAttribute('title') ?? entry.getAttribute('aria-label'));

describe('ProcessModeler props after mount', { timeout: 60_000 }, () => {
	it('imports a new xml prop, dropping the old diagram, its history and its dirtiness', async () => {
		const modeler = await mountModeler(designerXml);
		modeler.api.service<PotokEditing>('potokEditing')!.setStage(modeler.element('call_client'), true);
		expect(modeler.changes).toEqual([true]);

		await modeler.screen.rerender({ xml: otherXml });
		await expect.poll(modeler.imports, { timeout: 15_000 }).toBe(2);
		expect(modeler.element('other_task')).toBeDefined();
		expect(modeler.element('call_client')).toBeUndefined();
		expect(modeler.changes).toEqual([true, false]);
		modeler.api.undo();
		expect(await modeler.api.getXML()).toContain('id="other_task"');
	});

	it('takes back the XML it just exported as saved, without a re-import, keeping the undo history', async () => {
		const modeler = await mountModeler(designerXml);
		const editing = modeler.api.service<PotokEditing>('potokEditing')!;
		editing.setStage(modeler.element('call_client'), true);
		await modeler.screen.rerender({ xml: await modeler.api.getXML() });
		await expect.poll(() => modeler.changes.at(-1)).toBe(false);
		expect(modeler.imports()).toBe(1);
		modeler.api.undo();
		expect(editing.isStage(modeler.element('call_client'))).toBe(false);
		expect(modeler.changes.at(-1)).toBe(true);
	});

	it('rebuilds with English strings on a new locale and keeps the unsaved diagram', async () => {
		const modeler = await mountModeler(designerXml);
		expect(paletteTitles(modeler.root)).toContain('Создать задачу');
		modeler.api.service<PotokEditing>('potokEditing')!.setStage(modeler.element('call_client'), true);

		await modeler.screen.rerender({ locale: 'en' });
		await expect.poll(modeler.imports, { timeout: 15_000 }).toBe(2);
		expect(paletteTitles(modeler.root)).toContain('Create task');
		expect(paletteTitles(modeler.root)).not.toContain('Создать задачу');
		expect(modeler.api.service<PotokEditing>('potokEditing')!.isStage(modeler.element('call_client'))).toBe(true);
		expect(modeler.root.dataset.dirty).toBe('true');
		modeler.api.markSaved();
		expect(modeler.changes.at(-1)).toBe(false);
	});

	it('builds the modeler while the diagram is being fetched and imports it once it arrives', async () => {
		let arrive!: (xml: string) => void;
		let imported = false;
		const screen = await render(ProcessModeler, { xml: new Promise<string>((resolve) => (arrive = resolve)), locale: 'ru', onimport: () => (imported = true) });
		const root = screen.container.querySelector<HTMLElement>('.potok-modeler')!;
		// the palette is up before the diagram is there
		await expect.poll(() => root.querySelector('.djs-palette'), { timeout: 15_000 }).not.toBeNull();
		expect(root.dataset.ready).toBeUndefined();
		arrive(designerXml);
		await expect.poll(() => root.dataset.ready, { timeout: 15_000 }).toBe('true');
		expect(imported).toBe(true);
		expect(root.querySelector('[data-element-id="call_client"]')).not.toBeNull();
	});

	it('keeps unsaved changes when handed the same diagram again as a new promise', async () => {
		const modeler = await mountModeler(designerXml);
		modeler.api.service<PotokEditing>('potokEditing')!.setStage(modeler.element('call_client'), true);
		await modeler.screen.rerender({ xml: Promise.resolve(designerXml) });
		await new Promise((resolve) => setTimeout(resolve, 200));
		expect(modeler.imports()).toBe(1);
		expect(modeler.changes).toEqual([true]);
		expect(modeler.api.service<PotokEditing>('potokEditing')!.isStage(modeler.element('call_client'))).toBe(true);
	});

	it('shows why a diagram that could not be fetched is missing', async () => {
		const screen = await render(ProcessModeler, { xml: Promise.reject(new Error('Не удалось загрузить схему (ответ сервера 404).')), locale: 'ru' });
		const root = screen.container.querySelector<HTMLElement>('.potok-modeler')!;
		await expect.poll(() => root.querySelector('[role="alert"]')?.textContent, { timeout: 15_000 }).toContain('ответ сервера 404');
		expect(root.dataset.ready).toBeUndefined();
	});

	it('turns read-only and back without losing the diagram', async () => {
		const modeler = await mountModeler(designerXml);
		modeler.api.service<PotokEditing>('potokEditing')!.setStage(modeler.element('call_client'), true);
		await modeler.screen.rerender({ readonly: true });
		await expect.poll(modeler.imports, { timeout: 15_000 }).toBe(2);
		expect(modeler.root.querySelector('.djs-palette')).toBeNull();
		expect(modeler.api.service('modeling')).toBeUndefined();
		await modeler.screen.rerender({ readonly: false });
		await expect.poll(modeler.imports, { timeout: 15_000 }).toBe(3);
		expect(modeler.root.querySelector('.djs-palette')).not.toBeNull();
		expect(modeler.api.service<PotokEditing>('potokEditing')!.isStage(modeler.element('call_client'))).toBe(true);
	});
});

describe('ProcessModeler files', { timeout: 60_000 }, () => {
	it('marks the root data-ready only once the first import has finished', async () => {
		let imported = false;
		const screen = await render(ProcessModeler, { xml: designerXml, locale: 'ru', onimport: () => (imported = true) });
		const root = screen.container.querySelector<HTMLElement>('.potok-modeler')!;
		expect(root.dataset.ready).toBeUndefined();
		await expect.poll(() => root.dataset.ready, { timeout: 15_000 }).toBe('true');
		expect(imported).toBe(true);
		expect(root.querySelector('[data-element-id="call_client"]')).not.toBeNull();
	});

	it('exports SVG and a PNG image, twice the size at scale 2', async () => {
		const modeler = await mountModeler(designerXml);
		expect(await modeler.api.getSVG()).toMatch(/^<\?xml[\s\S]*<svg[\s\S]*Позвонить/);
		const png = await modeler.api.getPNG();
		expect(png.type).toBe('image/png');
		expect(png.size).toBeGreaterThan(1_000);
		expect([...new Uint8Array(await png.slice(0, 8).arrayBuffer())]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
		const image = await createImageBitmap(png);
		const double = await createImageBitmap(await modeler.api.getPNG(2));
		expect(image.width).toBeGreaterThan(500);
		expect(double.width).toBe(image.width * 2);
	});

	it('imports an uploaded file into the open modeler as an unsaved change', async () => {
		const modeler = await mountModeler(designerXml);
		expect(await modeler.api.importXML(otherXml)).toEqual([]);
		expect(modeler.element('other_task')).toBeDefined();
		expect(modeler.changes).toEqual([true]);
		expect(modeler.imports()).toBe(2);
	});

	it('returns the warnings of a file that imports with problems', async () => {
		const modeler = await mountModeler(designerXml);
		const dangling = otherXml.replace('</bpmndi:BPMNPlane>', '<bpmndi:BPMNShape id="ghost_di" bpmnElement="ghost"><dc:Bounds x="0" y="0" width="10" height="10" /></bpmndi:BPMNShape></bpmndi:BPMNPlane>');
		const warnings = await modeler.api.importXML(dangling);
		expect(warnings.join('\n')).toContain('ghost');
	});

	it('refuses a file that is not BPMN, says why and keeps the open diagram with its undo history', async () => {
		const modeler = await mountModeler(designerXml);
		const editing = modeler.api.service<PotokEditing>('potokEditing')!;
		editing.setStage(modeler.element('call_client'), true);

		await expect(modeler.api.importXML('<html><body>not a diagram</body></html>')).rejects.toThrow(/html/i);
		await expect(modeler.api.importXML('просто текст')).rejects.toThrow(/./);
		expect(modeler.element('call_client')).toBeDefined();
		expect(editing.isStage(modeler.element('call_client'))).toBe(true);
		modeler.api.undo();
		expect(editing.isStage(modeler.element('call_client'))).toBe(false);
	});

	it('puts the open diagram back when a file fails after bpmn-js cleared the canvas', async () => {
		const modeler = await mountModeler(designerXml);
		const withoutDiagram = '<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d"><process id="p"><task id="t" /></process></definitions>';
		await expect(modeler.api.importXML(withoutDiagram)).rejects.toThrow('no diagram to display');
		expect(modeler.element('call_client')).toBeDefined();
		expect(modeler.root.querySelector('[data-element-id="call_client"]')).not.toBeNull();
		expect(modeler.changes).toEqual([]);
	});
});
