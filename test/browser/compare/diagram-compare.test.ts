import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { render } from 'vitest-browser-svelte';
import DiagramCompare from '$lib/components/compare/DiagramCompare.svelte';
import asIs from '../../unit/diff/fixtures/funnel-as-is.bpmn?raw';
import toBe from '../../unit/diff/fixtures/funnel-to-be.bpmn?raw';

type Side = 'from' | 'to';

async function mount(locale: 'ru' | 'en' = 'ru') {
	await page.viewport(1400, 800);
	const screen = await render(DiagramCompare, { fromXml: asIs, toXml: toBe, fromLabel: 'AS IS · ревизия 1', toLabel: 'TO BE · ревизия 2', locale });
	const root = screen.container;
	const shape = (side: Side, id: string) => root.querySelector<SVGGElement>(`[data-side="${side}"] .djs-element[data-element-id="${id}"]`);
	// both diagrams imported and coloured
	await expect.poll(() => shape('to', 'call_later')?.classList.contains('potok-diff-added'), { timeout: 15_000 }).toBe(true);
	await expect.poll(() => shape('from', 'old_step')?.classList.contains('potok-diff-removed')).toBe(true);
	/** Scale and translation of a diagram's viewport, rounded to what a person could see. */
	const transform = (side: Side) => {
		const matrix = root.querySelector<SVGGElement>(`[data-side="${side}"] .viewport`)!.transform.baseVal.consolidate()?.matrix;
		return matrix ? [Math.round(matrix.a * 100) / 100, Math.round(matrix.e), Math.round(matrix.f)] : undefined;
	};
	const row = (id: string) => root.querySelector<HTMLLIElement>(`.entries li[data-element-id="${id}"]`);
	return { screen, root, shape, transform, row };
}

/** How far an element's centre is from its diagram's centre on screen, in pixels. */
function offCentre(root: HTMLElement, side: Side, id: string): number {
	const box = root.querySelector(`[data-side="${side}"] .djs-element[data-element-id="${id}"]`)!.getBoundingClientRect();
	const frame = root.querySelector(`[data-side="${side}"] .djs-container`)!.getBoundingClientRect();
	return Math.hypot(box.x + box.width / 2 - (frame.x + frame.width / 2), box.y + box.height / 2 - (frame.y + frame.height / 2));
}

describe('DiagramCompare', () => {
	it('colours added elements green on the right, removed red on the left, changed amber and moved blue on both', async () => {
		const { shape } = await mount();
		expect(shape('from', 'call_later')).toBeNull();
		expect(shape('to', 'old_step')).toBeNull();
		for (const side of ['from', 'to'] as const) {
			expect(shape(side, 'renamed_task')?.classList.contains('potok-diff-changed')).toBe(true);
			expect(shape(side, 'moved_task')?.classList.contains('potok-diff-moved')).toBe(true);
			expect(shape(side, 'start')?.className.baseVal).not.toMatch(/potok-diff/);
		}
		const outline = (side: Side, id: string) => getComputedStyle(shape(side, id)!.querySelector('.djs-visual > rect')!).stroke;
		expect(outline('to', 'call_later')).toBe('rgb(46, 125, 50)');
		expect(outline('from', 'old_step')).toBe('rgb(198, 40, 40)');
		expect(outline('from', 'renamed_task')).toBe('rgb(230, 149, 0)');
		expect(outline('to', 'moved_task')).toBe('rgb(21, 101, 192)');
	});

	it('shows a legend and lists each change by element name and kind, with the annotation changes in Russian', async () => {
		const { root, row } = await mount('ru');
		expect([...root.querySelectorAll('.legend li')].map((li) => li.textContent?.trim())).toEqual(['Добавлено', 'Удалено', 'Изменено', 'Перемещено']);
		await expect.poll(() => row('call_later')?.querySelector('.name')?.textContent).toBe('Перезвонить позже');
		expect(row('call_later')?.querySelector('.kind')?.textContent).toBe('добавлен');
		expect(row('old_step')?.querySelector('.name')?.textContent).toBe('Старый шаг');
		expect(row('moved_task')?.querySelector('.kind')?.textContent).toBe('перемещён');
		expect(row('flow_reached')?.querySelector('.name')?.textContent).toBe('Дозвонились? → Встреча назначена');
		expect([...row('meeting_set')!.querySelectorAll('.annotations li')].map((li) => li.textContent)).toEqual([
			'Задача «Встреча назначена»: теперь этап',
			'Этап «Встреча назначена»: новое обязательное поле «Дата встречи» (datetime)'
		]);
	});

	it('speaks English when asked', async () => {
		const { root, row } = await mount('en');
		expect(root.querySelector('.changes h3')?.textContent).toMatch(/^Changes \(\d+\)$/);
		await expect.poll(() => row('meeting_set')?.querySelector('.kind')?.textContent).toBe('changed');
		expect(row('meeting_set')?.textContent).toContain('Stage “Встреча назначена”: new required field “Дата встречи” (datetime)');
	});

	it('scrolls and zooms both diagrams together, whichever one the analyst moves', async () => {
		const { root, transform } = await mount();
		await expect.poll(() => transform('to')).toEqual(transform('from'));
		const start = transform('from');
		// the pointer enters the diagram (diagram-js listens to the wheel only then), and turns the wheel
		const wheel = (side: Side, init: WheelEventInit) => {
			const frame = root.querySelector(`[data-side="${side}"] .djs-container`)!;
			frame.querySelector('svg')!.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
			frame.dispatchEvent(new WheelEvent('wheel', { bubbles: true, cancelable: true, clientX: 300, clientY: 300, ...init }));
		};

		wheel('from', { deltaY: 120 });
		expect(transform('from')).not.toEqual(start);
		expect(transform('to')).toEqual(transform('from'));

		const scrolled = transform('to');
		wheel('to', { deltaY: -200, ctrlKey: true });
		expect(transform('to')?.[0]).toBeGreaterThan(scrolled![0]!);
		expect(transform('from')).toEqual(transform('to'));
	});

	it('selects and centres an element on both diagrams when its row is picked, even where it moved', async () => {
		const { root, shape, row } = await mount();
		await expect.poll(() => row('moved_task')).not.toBeNull();
		row('moved_task')!.querySelector('button')!.click();
		for (const side of ['from', 'to'] as const) {
			expect(shape(side, 'moved_task')?.classList.contains('selected')).toBe(true);
			expect(offCentre(root, side, 'moved_task')).toBeLessThan(2);
		}
		await expect.poll(() => row('moved_task')?.classList.contains('selected')).toBe(true);

		row('old_step')!.querySelector('button')!.click();
		expect(shape('from', 'old_step')?.classList.contains('selected')).toBe(true);
		expect(offCentre(root, 'from', 'old_step')).toBeLessThan(2);
	});
});
