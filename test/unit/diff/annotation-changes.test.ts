import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { annotationKinds, diffDiagrams, type AnnotationChange, type AnnotationKind } from '$lib/diff';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const asIs = fixture('funnel-as-is.bpmn');
const toBe = fixture('funnel-to-be.bpmn');

type Case = [direction: 'AS IS → TO BE' | 'TO BE → AS IS', kind: AnnotationKind, elementId: string, message: string];

const russian: Case[] = [
	['AS IS → TO BE', 'stage-marked', 'meeting_set', 'Задача «Встреча назначена»: теперь этап'],
	['TO BE → AS IS', 'stage-unmarked', 'meeting_set', 'Задача «Встреча назначена»: больше не этап'],
	['AS IS → TO BE', 'field-added', 'meeting_set', 'Этап «Встреча назначена»: новое обязательное поле «Дата встречи» (datetime)'],
	['AS IS → TO BE', 'field-removed', 'call_client', 'Этап «Позвонить клиенту»: удалено поле «Факс»'],
	['AS IS → TO BE', 'field-required', 'call_client', 'Этап «Позвонить клиенту»: поле «Бюджет» стало обязательным'],
	['TO BE → AS IS', 'field-optional', 'call_client', 'Этап «Позвонить клиенту»: поле «Бюджет» больше не обязательное'],
	['AS IS → TO BE', 'field-required-when', 'call_client', 'Этап «Позвонить клиенту»: поле «Комментарий» обязательно при =outcome = "lost_contact"'],
	['AS IS → TO BE', 'field-type', 'call_client', 'Этап «Позвонить клиенту»: поле «Телефон клиента»: тип string → phone'],
	['AS IS → TO BE', 'field-label', 'call_client', 'Этап «Позвонить клиенту»: поле phone переименовано: «Телефон» → «Телефон клиента»'],
	['AS IS → TO BE', 'field-options', 'call_client', 'Этап «Позвонить клиенту»: поле «Источник»: варианты site,phone → site,phone,ads'],
	['AS IS → TO BE', 'outcome-added', 'call_client', 'Этап «Позвонить клиенту»: новый исход «Перезвонить» (callback)'],
	['AS IS → TO BE', 'outcome-removed', 'call_client', 'Этап «Позвонить клиенту»: удалён исход «Контакт потерян» (lost_contact)'],
	['AS IS → TO BE', 'outcome-renamed', 'call_client', 'Этап «Позвонить клиенту»: исход reached переименован: «Дозвонился» → «Дозвонились»'],
	['AS IS → TO BE', 'condition', 'flow_reached', 'Переход «Дозвонились? → Встреча назначена»: условие =outcome = "reached" → =outcome = "reached" and record.budget > 0'],
	['AS IS → TO BE', 'assignment', 'call_client', 'Этап «Позвонить клиенту»: назначение: по очереди в группе sales → наименее загруженному в группе sales'],
	['AS IS → TO BE', 'deadline', 'call_client', 'Этап «Позвонить клиенту»: срок: PT1H → PT30M'],
	['AS IS → TO BE', 'result-required', 'call_client', 'Этап «Позвонить клиенту»: нельзя завершить без результата'],
	['AS IS → TO BE', 'robot', 'notify_manager', 'Задача «Уведомить менеджера»: робот: send-message (channel=email, template=meeting) → send-message (channel=email, template=meeting_v2)'],
	['AS IS → TO BE', 'timer', 'remind_timer', 'Событие «Напомнить»: таймер: через PT1H → через =record.meeting_at - duration("PT1H")'],
	['AS IS → TO BE', 'record-status', 'end_won', 'Событие «Успех»: итоговый статус записи: успех → конвертирована']
];

const english: Case[] = [
	['AS IS → TO BE', 'stage-marked', 'meeting_set', 'Task “Встреча назначена”: now a stage'],
	['TO BE → AS IS', 'stage-unmarked', 'meeting_set', 'Task “Встреча назначена”: no longer a stage'],
	['AS IS → TO BE', 'field-added', 'meeting_set', 'Stage “Встреча назначена”: new required field “Дата встречи” (datetime)'],
	['AS IS → TO BE', 'field-removed', 'call_client', 'Stage “Позвонить клиенту”: field “Факс” removed'],
	['AS IS → TO BE', 'field-required', 'call_client', 'Stage “Позвонить клиенту”: field “Бюджет” is now required'],
	['TO BE → AS IS', 'field-optional', 'call_client', 'Stage “Позвонить клиенту”: field “Бюджет” is no longer required'],
	['TO BE → AS IS', 'field-required-when', 'call_client', 'Stage “Позвонить клиенту”: field “Комментарий”: no longer required when =outcome = "lost_contact"'],
	['TO BE → AS IS', 'field-type', 'call_client', 'Stage “Позвонить клиенту”: field “Телефон”: type phone → string'],
	['TO BE → AS IS', 'field-label', 'call_client', 'Stage “Позвонить клиенту”: field phone renamed: “Телефон клиента” → “Телефон”'],
	['TO BE → AS IS', 'field-options', 'call_client', 'Stage “Позвонить клиенту”: field “Источник”: options site,phone,ads → site,phone'],
	['TO BE → AS IS', 'outcome-added', 'call_client', 'Stage “Позвонить клиенту”: new outcome “Контакт потерян” (lost_contact)'],
	['TO BE → AS IS', 'outcome-removed', 'call_client', 'Stage “Позвонить клиенту”: outcome “Перезвонить” (callback) removed'],
	['TO BE → AS IS', 'outcome-renamed', 'call_client', 'Stage “Позвонить клиенту”: outcome reached renamed: “Дозвонились” → “Дозвонился”'],
	['TO BE → AS IS', 'condition', 'flow_reached', 'Flow “Дозвонились? → Встреча назначена”: condition =outcome = "reached" and record.budget > 0 → =outcome = "reached"'],
	['TO BE → AS IS', 'assignment', 'call_client', 'Stage “Позвонить клиенту”: assignment: least loaded in group sales → round-robin in group sales'],
	['TO BE → AS IS', 'deadline', 'call_client', 'Stage “Позвонить клиенту”: deadline: PT30M → PT1H'],
	['TO BE → AS IS', 'result-required', 'call_client', 'Stage “Позвонить клиенту”: can be completed without a result'],
	['TO BE → AS IS', 'robot', 'notify_manager', 'Task “Уведомить менеджера”: robot: send-message (channel=email, template=meeting_v2) → send-message (channel=email, template=meeting)'],
	['TO BE → AS IS', 'timer', 'remind_timer', 'Event “Напомнить”: timer: after =record.meeting_at - duration("PT1H") → after PT1H'],
	['TO BE → AS IS', 'record-status', 'end_won', 'Event “Успех”: final record status: converted → won']
];

async function annotations(direction: Case[0], locale: 'ru' | 'en'): Promise<AnnotationChange[]> {
	const [from, to] = direction === 'AS IS → TO BE' ? [asIs, toBe] : [toBe, asIs];
	return (await diffDiagrams(from, to, locale)).annotations;
}

describe('annotation changes in words', () => {
	it.each(russian)('%s, in Russian: %s on %s', async (direction, kind, elementId, message) => {
		const found = (await annotations(direction, 'ru')).filter((a) => a.kind === kind && a.elementId === elementId);
		expect(found.map((a) => a.message)).toContain(message);
	});

	it.each(english)('%s, in English: %s on %s', async (direction, kind, elementId, message) => {
		const found = (await annotations(direction, 'en')).filter((a) => a.kind === kind && a.elementId === elementId);
		expect(found.map((a) => a.message)).toContain(message);
	});

	it('the tables above cover every kind, in both languages', () => {
		expect(new Set(russian.map((c) => c[1]))).toEqual(new Set(annotationKinds));
		expect(new Set(english.map((c) => c[1]))).toEqual(new Set(annotationKinds));
	});

	it('names the element and the field or outcome key of each change', async () => {
		const all = await annotations('AS IS → TO BE', 'ru');
		expect(all.find((a) => a.kind === 'field-added')).toEqual({
			elementId: 'meeting_set',
			elementName: 'Встреча назначена',
			kind: 'field-added',
			key: 'meeting_at',
			message: 'Этап «Встреча назначена»: новое обязательное поле «Дата встречи» (datetime)'
		});
		expect(all.find((a) => a.kind === 'outcome-removed')?.key).toBe('lost_contact');
	});

	it('reports nothing for an element whose annotations stayed the same', async () => {
		const all = await annotations('AS IS → TO BE', 'ru');
		expect(all.filter((a) => ['start', 'route_call', 'flow_no_answer', 'renamed_task'].includes(a.elementId))).toEqual([]);
	});

	it('reports what an added element carries, and nothing for a removed one', async () => {
		const doc = (body: string) =>
			`<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:potok="https://potok.dev/schema/bpmn/1.0" id="d" targetNamespace="t"><process id="p">${body}</process></definitions>`;
		const stage =
			'<userTask id="qualify" name="Квалификация"><extensionElements><potok:stage /><potok:outcomes><potok:outcome key="hot" label="Горячий" /></potok:outcomes></extensionElements></userTask>';
		const added = (await diffDiagrams(doc(''), doc(stage), 'ru')).annotations.map((a) => a.message);
		expect(added).toEqual(['Задача «Квалификация»: теперь этап', 'Этап «Квалификация»: новый исход «Горячий» (hot)']);
		expect((await diffDiagrams(doc(stage), doc(''), 'ru')).annotations).toEqual([]);
	});

	it('reports a condition added to and removed from a flow, and an assignment set from nothing', async () => {
		const doc = (flow: string, assignment: string) =>
			`<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:potok="https://potok.dev/schema/bpmn/1.0" id="d" targetNamespace="t"><process id="p">` +
			`<userTask id="call" name="Звонок"><extensionElements>${assignment}</extensionElements></userTask><endEvent id="done" />` +
			`<sequenceFlow id="to_done" sourceRef="call" targetRef="done">${flow}</sequenceFlow></process></definitions>`;
		const plain = doc('', '');
		const routed = doc('<conditionExpression>=outcome = "ok"</conditionExpression>', '<potok:assignment type="user" user="ivan" />');
		expect((await diffDiagrams(plain, routed, 'ru')).annotations.map((a) => a.message)).toEqual([
			'Задача «Звонок»: назначение: не задано → пользователь ivan',
			'Переход «Звонок → done»: новое условие =outcome = "ok"'
		]);
		expect((await diffDiagrams(routed, plain, 'en')).annotations.map((a) => a.message)).toEqual([
			'Task “Звонок”: assignment: user ivan → none',
			'Flow “Звонок → done”: condition =outcome = "ok" removed'
		]);
	});
});
