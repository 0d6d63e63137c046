import { readFileSync } from 'node:fs';
import type { SpecInput } from '$lib/spec';

/** The sales funnel a CRM integrator would draw: four stages, lanes, robots, timers, a trigger. */
export const salesFunnelXml = readFileSync(new URL('../fixtures/sales-funnel.bpmn', import.meta.url), 'utf8');

export const revisionSha = '3f2c9a7e5b1d4c8f9e0a1b2c3d4e5f60718293a4b5c6d7e8f9012345678abcde';

/** What the server would pass for TO BE revision 3 of the funnel, approved once. */
export function salesFunnelInput(overrides: Partial<SpecInput> = {}): SpecInput {
	return {
		xml: salesFunnelXml,
		process: {
			name: 'Воронка продаж',
			description: 'Продажа услуг: от заявки с сайта до оплаты.',
			goal: 'Ни одна заявка не теряется, каждая сделка закрыта с причиной.',
			entityType: 'deal'
		},
		revision: { track: 'to_be', number: 3, sha256: revisionSha, author: 'Анна Аналитикова', createdAt: '2026-11-27T10:15:00Z' },
		members: [
			{ id: 'u_marina', name: 'Марина Продажина' },
			{ id: 'u_head', name: 'Олег Руководителев' }
		],
		groups: [{ id: 'sales', name: 'Отдел продаж' }],
		approvals: [
			{
				name: 'Иван Заказчиков',
				signature: 'Иван Петрович Заказчиков',
				at: new Date('2026-11-28T09:00:00Z'),
				sha256: revisionSha,
				ip: '203.0.113.7',
				userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36'
			}
		],
		locale: 'ru',
		timeZone: 'Europe/Moscow',
		...overrides
	};
}

/**
 * The revision the client approved before this one: «КП отправлено» was called «КП выслано»
 * and had a two-day deadline, «Встреча назначена» had no place field, and an old call task
 * was still there.
 */
export const approvedFunnelXml = salesFunnelXml
	.replace('<userTask id="proposal_sent" name="КП отправлено">', '<userTask id="proposal_sent" name="КП выслано">')
	.replace('<potok:task due="P3D" />', '<potok:task due="P2D" />')
	.replace('<potok:field key="meeting_place" label="Место встречи" type="string" />', '')
	.replace('<endEvent id="end_won"', '<task id="old_call" name="Старый звонок" />\n    <endEvent id="end_won"');
