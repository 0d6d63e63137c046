import { describe, expect, it, vi } from 'vitest';
import { render } from 'svelte/server';
import FieldsPage from '../../../../src/routes/w/[ws]/settings/fields/[type]/+page.svelte';

vi.mock('$app/state', () => ({ page: { data: { locale: 'ru' }, params: { ws: 'w1' } } }));

const field = (key: string, label: string) => ({ key, label, type: 'string', multiple: false, required: false, system: false, options: [] });
const data = {
	locale: 'ru',
	type: { key: 'deal', name: 'Сделка', builtIn: true },
	entityTypes: [{ key: 'deal', name: 'Сделка', builtIn: true }],
	fields: [field('title', 'Название'), field('phone', 'Телефон')],
	fieldTypes: ['string']
};

describe('Settings → Fields without JavaScript', () => {
	it('reorders with the ↑/↓ buttons only: no drag grips until the page runs in a browser', () => {
		const { body } = render(FieldsPage, { props: { data, form: null, params: { ws: 'w1', type: 'deal' } } as never });
		expect(body.match(/action="\?\/move"/g)).toHaveLength(5); // ↑ and ↓ per row, and the drag's order form
		expect(body).toContain('aria-label="Опустить «Название»"');
		expect(body).not.toContain('draggable');
		expect(body).not.toContain('⠿');
	});

	it('says the order was saved after a drag', () => {
		const { body } = render(FieldsPage, { props: { data, form: { ordered: true }, params: { ws: 'w1', type: 'deal' } } as never });
		expect(body).toContain('Порядок полей сохранён');
	});
});
