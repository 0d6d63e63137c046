import { describe, expect, it, vi } from 'vitest';
import { render } from 'svelte/server';
import ManagersTable from '$lib/components/reports/ManagersTable.svelte';
import { formatMinutes } from '$lib/components/reports/response-time';
import ReportPage from '../../../../src/routes/w/[ws]/reports/managers/+page.svelte';

vi.mock('$app/state', () => ({ page: { data: { locale: 'ru' }, params: { ws: 'w1' } } }));

const row = { userId: 'u1', name: 'Анна', former: false, open: 3, overdue: 1, completed: 2, noTask: 7, quiet: 6, leads: 6, responded: 4, waiting: 1, avgResponseMinutes: 63.75 };
const period = { from: '2026-06-01', to: '2026-06-14' };

describe('the manager control table', () => {
	it('makes every number a link to the list behind it, for the same period', () => {
		const { body } = render(ManagersTable, { props: { rows: [row, { ...row, userId: 'u2', name: 'Борис', avgResponseMinutes: null }], ws: 'w1', period } });
		const links = [...body.matchAll(/<a href="([^"]+)" data-list="([a-z_]+)"[^>]*>([^<]+)<\/a>/g)].map((m) => [m[1]!.replace(/&amp;/g, '&'), m[2], m[3]]);
		const anna = links.filter(([href]) => href!.startsWith('/w/w1/reports/managers/u1?'));
		expect(anna.map(([, list, text]) => [list, text])).toEqual([
			['open', '3'],
			['overdue', '1'],
			['completed', '2'],
			['no_task', '7'],
			['quiet', '6'],
			['leads', '6'],
			['responded', '1 ч 4 мин'],
			['waiting', '1']
		]);
		expect(anna[0]![0]).toBe('/w/w1/reports/managers/u1?list=open&from=2026-06-01&to=2026-06-14');
		// no response time: a dash, not a link
		expect(links.filter(([href, list]) => href!.includes('/u2?') && list === 'responded')).toEqual([]);
	});

	it('marks someone who left the team but still holds tasks or records', () => {
		const { body: html } = render(ManagersTable, { props: { rows: [row, { ...row, userId: 'u3', name: 'Иван', former: true }], ws: 'w1', period } });
		const body = html.replace(/<!--.*?-->/g, '');
		expect(body).toMatch(/<th scope="row"[^>]*>Иван\s*<span class="former[^"]*">не в команде<\/span><\/th>/);
		expect(body).toMatch(/<th scope="row"[^>]*>Анна<\/th>/);
	});

	it('says response times as people do', () => {
		expect(formatMinutes(0.4)).toBe('24 с');
		expect(formatMinutes(12)).toBe('12 мин');
		expect(formatMinutes(185)).toBe('3 ч 5 мин');
		expect(formatMinutes(52 * 60)).toBe('2 дн 4 ч');
		expect(formatMinutes(63.6)).toBe('1 ч 4 мин');
	});

	it('puts the period in a GET form and offers the same period as XLSX and CSV', () => {
		const data = { workspace: { id: 'w1', name: 'Кухни', roles: ['manager'] }, locale: 'ru', rows: [row], period, periodInvalid: false, everyone: true };
		const { body } = render(ReportPage, { props: { data, form: null, params: { ws: 'w1' } } as never });
		expect(body).toMatch(/<form method="GET"/);
		expect(body).toContain('name="from" value="2026-06-01"');
		expect(body).toContain('name="to" value="2026-06-14"');
		const hrefs = [...body.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
		expect(hrefs).toEqual(expect.arrayContaining(['/api/v1/w/w1/reports/managers?from=2026-06-01&to=2026-06-14&format=xlsx', '/api/v1/w/w1/reports/managers?from=2026-06-01&to=2026-06-14&format=csv']));
		expect(body).toContain('Время реакции — от создания лида до первого действия человека');
	});
});
