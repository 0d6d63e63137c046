import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-svelte';
import ProcessModeler from '$lib/components/modeler/ProcessModeler.svelte';
import { designerXml } from './fixtures';
import { mountModeler, type ModelerApi } from './mount-modeler';

type Modeler = Awaited<ReturnType<typeof mountModeler>>;

/** Opens a group of the rendered properties panel by clicking its header, unless it is open. */
async function openGroup(modeler: Modeler, id: string) {
	const header = await modeler.find(`[data-group-id="group-${id}"] .bio-properties-panel-group-header`);
	if (!header.element().classList.contains('open')) await userEvent.click(header);
	return header;
}

/** Opens an item of a list group (a field, an outcome) by clicking its header, unless it is open. */
async function openItem(modeler: Modeler, id: string) {
	const entry = await modeler.find(`[data-entry-id="${id}"]`);
	if (!entry.element().querySelector('.bio-properties-panel-collapsible-entry-entries.open')) {
		await userEvent.click(await modeler.find(`[data-entry-id="${id}"] .bio-properties-panel-collapsible-entry-header`));
	}
}

/** Clicks an empty spot of the canvas, which focuses it for keyboard shortcuts. */
async function focusCanvas(modeler: Modeler) {
	const canvas = await modeler.find('.canvas .djs-container > svg');
	await userEvent.click(canvas, { position: { x: 400, y: 300 } });
	expect(document.activeElement).toBe(canvas.element());
}

/** The XML of one element, from its start tag to its end tag (or just the tag when it is empty). */
function elementXml(xml: string, tag: string, id: string): string {
	const start = xml.indexOf(`<${tag} id="${id}"`);
	if (start < 0) throw new Error(`Expected <${tag} id="${id}"> in the XML, but it is not there`);
	const startTagEnd = xml.indexOf('>', start) + 1;
	if (xml[startTagEnd - 2] === '/') return xml.slice(start, startTagEnd);
	return xml.slice(start, xml.indexOf(`</${tag}>`, start));
}

describe('the properties panel as rendered HTML', { timeout: 60_000 }, () => {
	it('marks a task as a stage with a required datetime field and two outcomes, all by clicking and typing', async () => {
		const modeler = await mountModeler(designerXml);
		await userEvent.click(await modeler.shape('call_client'));
		const potok = await openGroup(modeler, 'potok');
		expect(potok.element().textContent).toContain('Поток');
		await userEvent.click(await modeler.entry('potok-stage'));

		await userEvent.click(await modeler.find('[data-group-id="group-potok-fields"] .bio-properties-panel-add-entry'));
		await openItem(modeler, 'potok-field-0');
		await userEvent.fill(await modeler.entry('potok-field-0-key'), 'meeting_at');
		await userEvent.fill(await modeler.entry('potok-field-0-label'), 'Дата встречи');
		await userEvent.selectOptions(await modeler.entry('potok-field-0-type'), 'datetime');
		await userEvent.click(await modeler.entry('potok-field-0-required'));

		const addOutcome = () => modeler.find('[data-group-id="group-potok-outcomes"] .bio-properties-panel-add-entry');
		await userEvent.click(await addOutcome());
		await openItem(modeler, 'potok-outcome-0');
		await userEvent.fill(await modeler.entry('potok-outcome-0-key'), 'reached');
		await userEvent.fill(await modeler.entry('potok-outcome-0-label'), 'Дозвонился');
		await userEvent.click(await addOutcome());
		await openItem(modeler, 'potok-outcome-1');
		await userEvent.fill(await modeler.entry('potok-outcome-1-key'), 'no_answer');

		await expect.poll(() => modeler.api.getXML(), { timeout: 5_000 }).toContain('key="no_answer"');
		const task = elementXml(await modeler.api.getXML(), 'userTask', 'call_client');
		expect(task).toContain('<potok:stage />');
		expect(task).toMatch(/<potok:field key="meeting_at" label="Дата встречи" type="datetime" required="true" \/>/);
		expect(task).toMatch(/<potok:outcome key="reached" label="Дозвонился" \/>\s*<potok:outcome key="no_answer" \/>/);
		expect(modeler.root.dataset.dirty).toBe('true');
	});

	it('undoes a Potok edit with Ctrl+Z and redoes it with Ctrl+Y on the canvas', async () => {
		const modeler = await mountModeler(designerXml);
		await userEvent.click(await modeler.shape('call_client'));
		await openGroup(modeler, 'potok');
		await userEvent.click(await modeler.entry('potok-stage'));
		const stage = async () => elementXml(await modeler.api.getXML(), 'userTask', 'call_client').includes('<potok:stage />');
		expect(await stage()).toBe(true);

		await focusCanvas(modeler);
		await userEvent.keyboard('{Control>}z{/Control}');
		await expect.poll(stage).toBe(false);
		expect(modeler.changes.at(-1)).toBe(false);

		await userEvent.keyboard('{Control>}y{/Control}');
		await expect.poll(stage).toBe(true);
		expect(modeler.changes.at(-1)).toBe(true);
	});

	it('sets a fixed timer in the Timer group and a timer one hour before the «Дата встречи» field in the Potok group, undoably', async () => {
		const modeler = await mountModeler(designerXml);
		const timer = async () => elementXml(await modeler.api.getXML(), 'intermediateCatchEvent', 'remind');
		await userEvent.click(await modeler.shape('remind'));

		await openGroup(modeler, 'timer');
		await userEvent.selectOptions(await modeler.entry('timerEventDefinitionType'), 'timeDuration');
		await userEvent.fill(await modeler.entry('timerEventDefinitionValue'), 'PT2H');
		await expect.poll(timer, { timeout: 5_000 }).toMatch(/<timeDuration xsi:type="tFormalExpression">PT2H<\/timeDuration>/);

		await openGroup(modeler, 'potok');
		const field = await modeler.entry('potok-timer-field');
		expect([...(field.element() as HTMLSelectElement).options].map((o) => o.textContent)).toContain('Дата встречи (meeting_at)');
		await userEvent.selectOptions(field, 'meeting_at');
		await expect.poll(timer).toMatch(/<timeDate xsi:type="tFormalExpression">=record.meeting_at - duration\("PT1H"\)<\/timeDate>/);
		expect(await timer()).not.toContain('timeDuration');

		await userEvent.selectOptions(await modeler.entry('potok-timer-direction'), 'after');
		await userEvent.fill(await modeler.entry('potok-timer-offset'), 'PT30M');
		await expect.poll(timer, { timeout: 5_000 }).toContain('=record.meeting_at + duration("PT30M")');

		await focusCanvas(modeler);
		await userEvent.keyboard('{Control>}z{/Control}');
		await expect.poll(timer).toContain('=record.meeting_at + duration("PT1H")');
		await userEvent.keyboard('{Control>}z{/Control}');
		await userEvent.keyboard('{Control>}z{/Control}');
		await expect.poll(timer).toContain('<timeDuration xsi:type="tFormalExpression">PT2H</timeDuration>');
	});

	it('refuses an offset that is not an ISO duration and keeps the last good one', async () => {
		const modeler = await mountModeler(designerXml);
		await userEvent.click(await modeler.shape('remind'));
		await openGroup(modeler, 'potok');
		await userEvent.selectOptions(await modeler.entry('potok-timer-field'), 'meeting_at');
		await userEvent.fill(await modeler.entry('potok-timer-offset'), 'an hour');
		await modeler.find('[data-entry-id="potok-timer-offset"] .bio-properties-panel-error');
		expect(await modeler.api.getXML()).toContain('=record.meeting_at - duration("PT1H")');
	});
});

describe('the properties panel added after the diagram is drawn', { timeout: 60_000 }, () => {
	it('shows the element selected before the panel arrived, and undoes an edit with Ctrl+Z inside the panel', async () => {
		await page.viewport(1280, 800);
		let panelAtImport: unknown = 'not imported';
		const screen = await render(ProcessModeler, {
			xml: designerXml,
			locale: 'ru',
			onimport: () => {
				// the import has just finished: the panel is not there yet, the diagram is
				const api = screen.component as unknown as ModelerApi;
				panelAtImport = api.service('propertiesPanel');
				const registry = api.service<{ get(id: string): unknown }>('elementRegistry')!;
				api.service<{ select(element: unknown): void }>('selection')!.select(registry.get('call_client'));
			}
		});
		const api = screen.component as unknown as ModelerApi;
		await expect.poll(() => panelAtImport).toBeUndefined();
		await expect.element(page.elementLocator(screen.container).getByText('Позвонить', { exact: true }).first()).toBeVisible();
		const general = screen.container.querySelector('[data-group-id="group-general"] .bio-properties-panel-group-header')!;
		if (!general.classList.contains('open')) await userEvent.click(page.elementLocator(general));
		const name = screen.container.querySelector<HTMLInputElement>('#bio-properties-panel-name');
		expect(name?.value).toBe('Позвонить');
		// its stylesheet came with it (it is not part of the editor's own)
		const panel = screen.container.querySelector('.bio-properties-panel')!;
		expect(getComputedStyle(panel).getPropertyValue('--text-base-color')).not.toBe('');

		await userEvent.fill(page.elementLocator(name!), 'Перезвонить');
		await expect.poll(() => api.getXML(), { timeout: 5_000 }).toContain('name="Перезвонить"');
		await userEvent.keyboard('{Control>}z{/Control}');
		await expect.poll(() => api.getXML()).toContain('name="Позвонить"');
	});
});
