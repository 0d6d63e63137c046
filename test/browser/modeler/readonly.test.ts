import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { designerXml, otherXml } from './fixtures';
import { mountModeler } from './mount-modeler';

type Modeler = Awaited<ReturnType<typeof mountModeler>>;

/** What an analyst might try on a diagram: drag a task, rename it in place, delete it, undo. */
async function tryToEdit(modeler: Modeler) {
	const canvas = () => modeler.find('.canvas .djs-container > svg');
	await userEvent.dragAndDrop(await modeler.shape('notify'), await canvas(), { targetPosition: { x: 420, y: 320 }, steps: 8 });
	const afterDrag = await modeler.api.getXML();

	await userEvent.dblClick(await modeler.shape('call_client'));
	await userEvent.keyboard('{Control>}a{/Control}Переименовано{Enter}');
	await userEvent.click(await canvas(), { position: { x: 400, y: 300 } });
	const afterRename = await modeler.api.getXML();

	await userEvent.click(await modeler.shape('call_client'));
	await userEvent.keyboard('{Delete}');
	await userEvent.keyboard('{Backspace}');
	const afterDelete = await modeler.api.getXML();
	return { afterDrag, afterRename, afterDelete };
}

describe('readonly ProcessModeler', { timeout: 60_000 }, () => {
	it('lets the same drag, rename and delete change an editable diagram (the control for the read-only test)', async () => {
		const modeler = await mountModeler(designerXml);
		const before = await modeler.api.getXML();
		const { afterDrag, afterRename, afterDelete } = await tryToEdit(modeler);
		expect(afterDrag).not.toBe(before);
		expect(afterRename).toContain('name="Переименовано"');
		expect(afterDelete).not.toContain('id="call_client"');
	});

	it('cannot change the diagram by dragging, label editing, the keyboard or the API, and shows no editing tools', async () => {
		const modeler = await mountModeler(designerXml, { readonly: true });
		const before = await modeler.api.getXML();
		const { afterDrag, afterRename, afterDelete } = await tryToEdit(modeler);
		expect(afterDrag).toBe(before);
		expect(afterRename).toBe(before);
		expect(afterDelete).toBe(before);

		await userEvent.keyboard('{Control>}z{/Control}');
		modeler.api.undo();
		expect(await modeler.api.getXML()).toBe(before);
		expect(modeler.api.service('commandStack')).toBeUndefined();
		expect(modeler.api.service('modeling')).toBeUndefined();
		expect(modeler.root.querySelector('.djs-palette')).toBeNull();
		expect(modeler.root.querySelector('.djs-context-pad')).toBeNull();
		expect(modeler.root.querySelector('.bio-properties-panel')).toBeNull();
		await expect(modeler.api.importXML(otherXml)).rejects.toThrow('read-only');
		expect(await modeler.api.getXML()).toBe(before);
		expect(modeler.changes).toEqual([]);
	});

	it('shows the selected element’s properties and Potok annotations as text, with nothing to type into', async () => {
		const modeler = await mountModeler(designerXml, { readonly: true });
		await userEvent.click(await modeler.shape('meet'));
		const details = await modeler.find('.element-details');
		await expect.poll(() => details.element().textContent).toContain('Встреча');
		const text = details.element().textContent ?? '';
		expect(text).toContain('Это этап воронки');
		expect(text).toContain('Дата встречи (meeting_at)');
		expect(text).toContain('дата и время');
		expect(modeler.root.querySelectorAll('.panel input, .panel select, .panel textarea')).toHaveLength(0);
	});
});
