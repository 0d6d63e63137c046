import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-svelte';
import ProcessModeler from '$lib/components/modeler/ProcessModeler.svelte';
import type PotokPropertiesProvider from '$lib/modeler/potok-properties/PotokPropertiesProvider';
import type PotokEditing from '$lib/modeler/potok-properties/PotokEditing';
import type { DiagramElement } from '$lib/modeler/potok-properties/extension-elements';
import { designerXml } from './fixtures';
import { mountModeler } from './mount-modeler';

const XML = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" id="d" targetNamespace="t">
  <process id="p" isExecutable="true"><startEvent id="start" /><userTask id="call_client" name="Позвонить" /><serviceTask id="notify" name="Уведомить" /></process>
  <bpmndi:BPMNDiagram id="di"><bpmndi:BPMNPlane id="plane" bpmnElement="p">
    <bpmndi:BPMNShape id="start_di" bpmnElement="start"><dc:Bounds x="100" y="100" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="call_client_di" bpmnElement="call_client"><dc:Bounds x="200" y="78" width="100" height="80" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="notify_di" bpmnElement="notify"><dc:Bounds x="350" y="78" width="100" height="80" /></bpmndi:BPMNShape>
  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</definitions>`;

interface Api {
	getXML(): Promise<string>;
	undo(): void;
	redo(): void;
	markSaved(): void;
	service<T>(name: string): T | undefined;
}

async function mount(xml = XML) {
	let imported!: () => void;
	const ready = new Promise<void>((resolve) => (imported = resolve));
	const changes: boolean[] = [];
	const screen = await render(ProcessModeler, { xml, locale: 'ru', onimport: () => imported(), onchange: (dirty: boolean) => changes.push(dirty) });
	await ready;
	const api = screen.component as unknown as Api;
	// the properties panel (and the Potok provider with it) is added after the diagram is drawn
	// (on a cold dev server, the first time includes transforming the panel's modules)
	await expect.poll(() => api.service('potokPropertiesProvider'), { timeout: 15_000 }).toBeDefined();
	const registry = api.service<{ get(id: string): DiagramElement }>('elementRegistry')!;
	return { screen, api, changes, editing: api.service<PotokEditing>('potokEditing')!, task: () => registry.get('call_client') };
}

describe('ProcessModeler', { timeout: 60_000 }, () => {
	it('shows the palette in Russian', async () => {
		const { screen } = await mount();
		const titles = [...screen.container.querySelectorAll('.djs-palette .entry')].map((e) => e.getAttribute('aria-label'));
		expect(titles).toContain('Создать задачу');
		expect(titles).toContain('Создать начальное событие');
	});

	it('shows the palette in English when the locale is English', async () => {
		const { root } = await mountModeler(designerXml, { locale: 'en' });
		const titles = [...root.querySelectorAll('.djs-palette .entry')].map((e) => e.getAttribute('aria-label'));
		expect(titles).toContain('Create task');
		expect(titles).toContain('Create start event');
	});

	it('is clean again when undo returns to the saved state, and stays dirty once that state is overwritten', async () => {
		const { api, editing, task, changes } = await mount();
		editing.setStage(task(), true);
		api.markSaved();
		editing.setAttribute(task(), 'potok:Task', 'due', 'PT2H');
		api.undo();
		expect(changes).toEqual([true, false, true, false]);
		api.undo();
		editing.setAttribute(task(), 'potok:Task', 'due', 'PT1H');
		expect(changes.at(-1)).toBe(true);
		api.undo();
		expect(changes.at(-1)).toBe(true);
	});

	it('undoes and redoes marking a stage with a field and outcomes, and keeps them through getXML and re-import', async () => {
		const { api, editing, task, changes } = await mount();
		editing.setStage(task(), true);
		editing.addItem(task(), 'potok:Fields', 'fields', 'potok:Field', { key: 'meeting_at', type: 'datetime', required: true });
		editing.addItem(task(), 'potok:Outcomes', 'outcomes', 'potok:Outcome', { key: 'reached', label: 'Дозвонился' });
		editing.addItem(task(), 'potok:Outcomes', 'outcomes', 'potok:Outcome', { key: 'no_answer', label: 'Недозвон' });
		expect(changes.at(-1)).toBe(true);

		api.undo();
		api.undo();
		expect(await api.getXML()).not.toContain('no_answer');
		api.undo();
		api.undo();
		expect(editing.isStage(task())).toBe(false);
		api.redo();
		api.redo();
		api.redo();
		api.redo();

		const xml = await api.getXML();
		expect(xml).toContain('<potok:stage />');
		expect(xml).toMatch(/<potok:field key="meeting_at" type="datetime" required="true" \/>/);
		expect(xml).toContain('key="no_answer"');

		const again = await mount(xml);
		const outcomes = again.editing.get(again.task(), 'potok:Outcomes')?.outcomes as { key: string }[];
		expect(outcomes.map((o) => o.key)).toEqual(['reached', 'no_answer']);
	});

	it('is clean again after markSaved', async () => {
		const { api, editing, task, changes } = await mount();
		editing.setStage(task(), true);
		api.markSaved();
		expect(changes.at(-1)).toBe(false);
	});

	it('offers the Potok group, then fields and outcomes once the task is a stage, labelled in Russian', async () => {
		const { api, editing, task } = await mount();
		const provider = api.service<PotokPropertiesProvider>('potokPropertiesProvider')!;
		const labels = () => provider.getGroups(task())([{ id: 'general' }]).map((g) => g.label ?? g.id);
		expect(labels()).toEqual(['general', 'Поток']);
		editing.setStage(task(), true);
		expect(labels()).toEqual(['general', 'Поток', 'Поля', 'Результаты']);
	});

	it('sets an assignment and a deadline on a user task in one undoable step each', async () => {
		const { api, editing, task } = await mount();
		editing.setAttribute(task(), 'potok:Assignment', 'type', 'round-robin');
		editing.setAttribute(task(), 'potok:Assignment', 'group', 'sales');
		editing.setAttribute(task(), 'potok:Task', 'due', 'PT2H');
		expect(await api.getXML()).toMatch(/<potok:assignment type="round-robin" group="sales" \/>/);
		api.undo();
		expect(editing.get(task(), 'potok:Task')).toBeUndefined();
		api.undo();
		expect(editing.get(task(), 'potok:Assignment')?.group).toBeUndefined();
		const provider = api.service<PotokPropertiesProvider>('potokPropertiesProvider')!;
		const ids = provider.getGroups(task())([{ id: 'general' }]).flatMap((g) => ((g.entries as { id: string }[] | undefined) ?? []).map((e) => e.id));
		expect(ids).toContain('potok-assignment-type');
		expect(ids).toContain('potok-task-resultRequired');
	});

	it('toggles token simulation with the «Проиграть» button', async () => {
		const { screen, api } = await mount();
		const button = screen.container.querySelector<HTMLButtonElement>('button.play')!;
		expect(button.textContent?.trim()).toBe('Проиграть');
		button.click();
		await expect.poll(() => button.textContent?.trim()).toBe('Остановить');
		await expect.poll(() => api.service<{ _active: boolean }>('toggleMode')?._active).toBe(true);
		// loaded after the modeler was built, it still took its place in the canvas (on `diagram.init`)
		const container = screen.container.querySelector('.bjs-container')!;
		const palette = container.querySelector<HTMLElement>('.bts-palette')!;
		expect(palette.classList.contains('hidden')).toBe(false);
		// its stylesheet came with it
		expect(getComputedStyle(palette).position).toBe('absolute');
		expect(container.classList.contains('simulation')).toBe(true);
		// and edits are off while playing
		expect(() => api.service<{ removeElements(e: unknown[]): void }>('modeling')!.removeElements([api.service<{ get(id: string): unknown }>('elementRegistry')!.get('notify')])).toThrow('read-only');
		button.click();
		await expect.poll(() => button.textContent?.trim()).toBe('Проиграть');
		expect(container.classList.contains('simulation')).toBe(false);
	});

	it('loads token simulation by itself once the diagram is drawn, with its key bindings', async () => {
		const { screen, api } = await mount();
		await expect.poll(() => api.service('toggleMode')).toBeDefined();
		// `T` toggles the simulation (bound on `keyboard.init`, long before the simulation was loaded)
		const keyboard = api.service<{ getBinding(): EventTarget }>('keyboard')!;
		const canvas = screen.container.querySelector<HTMLElement>('.bjs-container')!;
		keyboard.getBinding().dispatchEvent(new KeyboardEvent('keydown', { key: 't', bubbles: true }));
		await expect.poll(() => api.service<{ _active: boolean }>('toggleMode')!._active).toBe(true);
		expect(canvas.classList.contains('simulation')).toBe(true);
	});

	it('gives a service task a robot type and inputs, undoably', async () => {
		const { api, editing } = await mount();
		const notify = api.service<{ get(id: string): DiagramElement }>('elementRegistry')!.get('notify');
		const provider = api.service<PotokPropertiesProvider>('potokPropertiesProvider')!;
		expect(provider.getGroups(notify)([{ id: 'general' }]).map((g) => g.label ?? g.id)).toEqual(['general', 'Поток', 'Параметры робота']);
		editing.setAttribute(notify, 'potok:Robot', 'type', 'send-message');
		editing.addToList(notify, editing.get(notify, 'potok:Robot')!, 'inputs', 'potok:Input', { name: 'channel', value: 'telegram' });
		expect(await api.getXML()).toMatch(/<potok:robot type="send-message">\s*<potok:input name="channel" value="telegram" \/>/);
		api.undo();
		expect(await api.getXML()).not.toContain('telegram');
	});
});
