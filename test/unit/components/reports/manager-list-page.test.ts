import { describe, expect, it, vi } from 'vitest';
import { render } from 'svelte/server';
import ListPage from '../../../../src/routes/w/[ws]/reports/managers/[user]/+page.svelte';

vi.mock('$app/state', () => ({ page: { data: { locale: 'ru' }, params: { ws: 'w1' } } }));

const base = { workspace: { id: 'w1', name: 'Кухни', roles: ['manager'] }, locale: 'ru', user: { id: 'u1', name: 'Анна' }, period: { from: '2026-06-01', to: '2026-06-14' }, limit: 200, now: '2026-06-15T12:00:00Z' };
const hrefs = (body: string) => [...body.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));

describe('the drill-down page of the manager control report', () => {
	it('links overdue tasks to the team’s overdue tasks of their record, and to the record', () => {
		const data = {
			...base,
			list: 'overdue' as const,
			total: 1,
			items: [{ kind: 'task' as const, id: 't1', title: 'Перезвонить', deadlineAt: '2026-06-15T11:00:00Z', completedAt: null, record: { id: 'r1', type: 'deal', title: 'Кухня Ивановых' } }]
		};
		const { body } = render(ListPage, { props: { data, form: null, params: { ws: 'w1', user: 'u1' } } as never });
		expect(body).toContain('Анна: Просроченные задачи');
		expect(hrefs(body)).toContain('/w/w1/tasks?view=team&record=r1&overdue=1');
		expect(hrefs(body)).toContain('/w/w1/records/deal/r1');
		expect(hrefs(body)).toContain('/w/w1/reports/managers?from=2026-06-01&to=2026-06-14');
	});

	it('links records to their cards and says how long a lead has waited or took', () => {
		const lead = (id: string, responseMinutes: number | null) => ({ kind: 'record' as const, id, type: 'lead', title: `Лид ${id}`, createdAt: '2026-06-02T10:00:00Z', lastCommentAt: null, firstActionAt: null, responseMinutes });
		const data = { ...base, list: 'leads' as const, total: 250, items: [lead('a', 30), lead('b', null)] };
		const { body } = render(ListPage, { props: { data, form: null, params: { ws: 'w1', user: 'u1' } } as never });
		expect(hrefs(body)).toEqual(expect.arrayContaining(['/w/w1/records/lead/a', '/w/w1/records/lead/b']));
		expect(body).toContain('30 мин');
		expect(body).toContain('ещё ждёт');
		expect(body).toContain('Показаны первые 2 из 250.');
	});
});
