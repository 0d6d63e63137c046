import { describe, expect, it } from 'vitest';
import { buildSpec, type SpecDocument, type SpecStage } from '$lib/spec';

/** A one-process document with the potok namespace; the body is the process's contents. */
function bpmn(body: string, laneSet = ''): string {
	return `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:potok="https://potok.dev/schema/bpmn/1.0" id="d" targetNamespace="t">
  <message id="msg_payment" name="payment.received" />
  <signal id="sig_vacation" name="Сотрудник ушёл в отпуск" />
  <process id="p" name="Процесс" isExecutable="true">${laneSet}${body}</process>
</definitions>`;
}

const stage = (id: string, name: string, extensions = '') =>
	`<userTask id="${id}" name="${name}"><extensionElements><potok:stage />${extensions}</extensionElements></userTask>`;
const flow = (id: string, from: string, to: string, condition?: string) =>
	`<sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}">${condition ? `<conditionExpression>${condition}</conditionExpression>` : ''}</sequenceFlow>`;

async function spec(xml: string): Promise<SpecDocument> {
	return buildSpec({
		xml,
		process: { name: 'Процесс', description: '', entityType: 'lead' },
		revision: { track: 'to_be', number: 1, sha256: '0'.repeat(64), author: 'Аналитик', createdAt: '2026-01-01T00:00:00Z' },
		locale: 'ru'
	});
}

function stageOf(doc: SpecDocument, id: string): SpecStage {
	const found = doc.stages.find((s) => s.id === id);
	if (!found) throw new Error(`Expected stage ${id}; problems: ${doc.problems.join('; ')}`);
	return found;
}

describe('where a stage leads', () => {
	it('names the next stage of a stage without outcomes', async () => {
		const doc = await spec(bpmn(`<startEvent id="s" />${stage('a', 'Первый звонок')}${stage('b', 'Квалификация')}${flow('f1', 's', 'a')}${flow('f2', 'a', 'b')}`));
		expect(stageOf(doc, 'a').next).toEqual(['стадия «Квалификация»']);
		expect(stageOf(doc, 'a').outcomes).toEqual([]);
		expect(doc.start.triggers[0]?.text).toBe('Запуск: вручную или из другого процесса → стадия «Первый звонок»');
	});

	it('says a gateway condition that is not about the outcome, with the default as «иначе»', async () => {
		const doc = await spec(
			bpmn(
				`<startEvent id="s" />${stage('a', 'Расчёт', '<potok:fields><potok:field key="amount" label="Сумма" type="money" required="true" /></potok:fields>')}` +
					`<exclusiveGateway id="g" name="Сумма больше 100 000?" default="f_small" />${stage('big', 'Согласовать с директором')}${stage('small', 'Выставить счёт')}` +
					`${flow('f1', 's', 'a')}${flow('f2', 'a', 'g')}${flow('f_big', 'g', 'big', '=record.amount &gt; 100000')}${flow('f_small', 'g', 'small')}`
			)
		);
		expect(stageOf(doc, 'a').next).toEqual(['если «Сумма» > 100000 → стадия «Согласовать с директором»', 'иначе → стадия «Выставить счёт»']);
	});

	it('sends outcomes no condition names along the default flow', async () => {
		const outcomes = '<potok:outcomes><potok:outcome key="yes" label="Да" /><potok:outcome key="no" label="Нет" /><potok:outcome key="later" label="Позже" /></potok:outcomes>';
		const doc = await spec(
			bpmn(
				`<startEvent id="s" />${stage('a', 'Звонок', outcomes)}<exclusiveGateway id="g" default="f_other" />${stage('b', 'Встреча')}<endEvent id="e" name="Закрыто" />` +
					`${flow('f1', 's', 'a')}${flow('f2', 'a', 'g')}${flow('f_yes', 'g', 'b', '=outcome = "yes"')}${flow('f_other', 'g', 'e')}`
			)
		);
		expect(stageOf(doc, 'a').outcomes.map((o) => [o.label, o.leadsTo])).toEqual([
			['Да', 'стадия «Встреча»'],
			['Нет', 'завершение «Закрыто»'],
			['Позже', 'завершение «Закрыто»']
		]);
		expect(stageOf(doc, 'a').next).toEqual([]);
	});

	it('adds the rest of a condition that tests the outcome and a field', async () => {
		const outcomes = '<potok:outcomes><potok:outcome key="reached" label="Дозвонились" /></potok:outcomes><potok:fields><potok:field key="budget" label="Бюджет" type="money" /></potok:fields>';
		const doc = await spec(
			bpmn(
				`<startEvent id="s" />${stage('a', 'Звонок', outcomes)}<exclusiveGateway id="g" />${stage('b', 'Встреча')}<endEvent id="e" />` +
					`${flow('f1', 's', 'a')}${flow('f2', 'a', 'g')}${flow('f3', 'g', 'b', '=outcome = "reached" and record.budget &gt; 0')}${flow('f4', 'g', 'e', '=record.budget = 0')}`
			)
		);
		expect(stageOf(doc, 'a').outcomes[0]?.leadsTo).toBe('стадия «Встреча» (если «Бюджет» > 0)');
		expect(stageOf(doc, 'a').next).toEqual(['если «Бюджет» = 0 → завершение «e»']);
	});

	it('says a parallel split and lists the robot on one of its branches', async () => {
		const doc = await spec(
			bpmn(
				`<startEvent id="s" />${stage('a', 'Договор подписан')}<parallelGateway id="split" />` +
					`<serviceTask id="r" name="Выставить счёт"><extensionElements><potok:robot type="generate-document"><potok:input name="template" value="invoice" /></potok:robot></extensionElements></serviceTask>` +
					`${stage('b', 'Оплата')}${stage('c', 'Монтаж')}` +
					`${flow('f1', 's', 'a')}${flow('f2', 'a', 'split')}${flow('f3', 'split', 'r')}${flow('f4', 'r', 'b')}${flow('f5', 'split', 'c')}`
			)
		);
		expect(stageOf(doc, 'a').next).toEqual(['одновременно: робот «Выставить счёт» → стадия «Оплата»; стадия «Монтаж»']);
		expect(stageOf(doc, 'a').robots.map((r) => r.text)).toEqual(['Сформировать документ «Выставить счёт»: Шаблон — «invoice»']);
		expect(doc.stages.map((s) => s.name)).toEqual(['Договор подписан', 'Оплата', 'Монтаж']);
	});

	it('says an event-based gateway as «что случится раньше» and lists its timer as a wait of the stage', async () => {
		const doc = await spec(
			bpmn(
				`<startEvent id="s" />${stage('a', 'Счёт выставлен')}<eventBasedGateway id="g" />` +
					`<intermediateCatchEvent id="t" name="3 дня без оплаты"><timerEventDefinition><timeDuration>P3D</timeDuration></timerEventDefinition></intermediateCatchEvent>` +
					`<intermediateCatchEvent id="m" name="Оплата"><messageEventDefinition messageRef="msg_payment" /></intermediateCatchEvent>` +
					`${stage('b', 'Оплачено')}<endEvent id="lost" name="Не оплатил"><extensionElements><potok:outcome status="lost" /></extensionElements></endEvent>` +
					`${flow('f1', 's', 'a')}${flow('f2', 'a', 'g')}${flow('f3', 'g', 't')}${flow('f4', 'g', 'm')}${flow('f5', 't', 'lost')}${flow('f6', 'm', 'b')}`
			)
		);
		const a = stageOf(doc, 'a');
		expect(a.next).toEqual([
			'что случится раньше: через 3 дня → завершение «Не оплатил» (итог: провалено); поступила оплата (payment.received) → стадия «Оплачено»'
		]);
		expect(a.events.map((e) => e.text)).toEqual([
			'Ожидание «3 дня без оплаты»: через 3 дня → завершение «Не оплатил» (итог: провалено)',
			'Ожидание «Оплата»: поступила оплата (payment.received) → стадия «Оплачено»'
		]);
	});

	it('says «возврат к …» when a path comes back to a step it passed', async () => {
		const doc = await spec(
			bpmn(
				`<startEvent id="s" />${stage('a', 'Заявка')}` +
					`<serviceTask id="send" name="Отправить КП"><extensionElements><potok:robot type="send-message"><potok:input name="channel" value="email" /></potok:robot></extensionElements></serviceTask>` +
					`<exclusiveGateway id="g" name="Отправлено?" default="f_ok" />` +
					`<intermediateCatchEvent id="wait"><timerEventDefinition><timeDuration>PT10M</timeDuration></timerEventDefinition></intermediateCatchEvent>${stage('b', 'КП отправлено')}` +
					`${flow('f1', 's', 'a')}${flow('f2', 'a', 'send')}${flow('f3', 'send', 'g')}${flow('f_retry', 'g', 'wait', '=sent = false')}${flow('f4', 'wait', 'send')}${flow('f_ok', 'g', 'b')}`
			)
		);
		expect(stageOf(doc, 'a').next).toEqual([
			'робот «Отправить КП» → развилка «Отправлено?»: если sent = false → ожидание: через 10 минут → возврат к «Отправить КП»; иначе → стадия «КП отправлено»'
		]);
	});
});

describe('required rules in words', () => {
	const outcomes = '<potok:outcomes><potok:outcome key="won" label="Успех" /><potok:outcome key="lost" label="Провал" /><potok:outcome key="spam" label="Спам" /></potok:outcomes>';
	const field = (key: string, label: string, rule: string) => `<potok:field key="${key}" label="${label}" type="string" ${rule} />`;

	it('says negated, several-outcome, conditional and expression rules', async () => {
		const fields =
			'<potok:fields>' +
			field('a', 'Комментарий', 'requiredWhen="=outcome != &quot;won&quot;"') +
			field('b', 'Причина', 'requiredWhen="=outcome = &quot;lost&quot; or outcome = &quot;spam&quot;"') +
			field('c', 'Конкурент', 'requiredWhen="=outcome = &quot;lost&quot; and record.amount &gt; 0"') +
			field('d', 'Согласование', 'requiredWhen="=record.amount &gt; 100000"') +
			'<potok:field key="amount" label="Сумма" type="money" required="true" requiredWhen="=outcome = &quot;won&quot;" />' +
			'</potok:fields>';
		const doc = await spec(bpmn(`<startEvent id="s" />${stage('a', 'Итог', outcomes + fields)}${flow('f1', 's', 'a')}`));
		expect(stageOf(doc, 'a').fields.map((f) => [f.label, f.rule])).toEqual([
			['Комментарий', 'обязательно при любом исходе, кроме „Успех“'],
			['Причина', 'обязательно при исходах „Провал“ или „Спам“'],
			['Конкурент', 'обязательно при исходе „Провал“, если «Сумма» > 0'],
			['Согласование', 'обязательно при условии: «Сумма» > 100000'],
			['Сумма', 'обязательно']
		]);
	});
});

describe('responsible, deadlines, start and process events', () => {
	it('says «не задан» without any rule, and names a lane without a rule', async () => {
		const lanes =
			'<laneSet id="ls"><lane id="l1" name="Бухгалтерия"><flowNodeRef>b</flowNodeRef></lane></laneSet>';
		const doc = await spec(bpmn(`<startEvent id="s" />${stage('a', 'Первая')}${stage('b', 'Вторая')}${flow('f1', 's', 'a')}${flow('f2', 'a', 'b')}`, lanes));
		expect(stageOf(doc, 'a').responsible).toBe('не задан');
		expect(stageOf(doc, 'b').responsible).toBe('сотрудник дорожки «Бухгалтерия» (правило назначения не задано)');
		expect(stageOf(doc, 'a').deadline).toBe('не задан');
	});

	it('says a date deadline, an expression deadline, a group and an expression assignment', async () => {
		const doc = await spec(
			bpmn(
				`<startEvent id="s" />` +
					stage('a', 'Первая', '<potok:assignment type="group" group="Бухгалтерия" /><potok:task due="2026-03-01T09:00:00Z" />') +
					stage('b', 'Вторая', '<potok:assignment type="expression" expression="=record.responsible" /><potok:task due="=duration(&quot;P2D&quot;)" />') +
					stage('c', 'Третья', '<potok:assignment type="expression" expression="=if record.vip then &quot;u1&quot; else &quot;u2&quot;" /><potok:task due="=record.x * 2" />') +
					`${flow('f1', 's', 'a')}${flow('f2', 'a', 'b')}${flow('f3', 'b', 'c')}`
			)
		);
		expect([stageOf(doc, 'a').responsible, stageOf(doc, 'a').deadline]).toEqual(['любой сотрудник группы «Бухгалтерия»', 'до 01.03.2026 09:00 (UTC)']);
		expect([stageOf(doc, 'b').responsible, stageOf(doc, 'b').deadline]).toEqual(['ответственный за запись', '2 дня']);
		expect([stageOf(doc, 'c').responsible, stageOf(doc, 'c').deadline]).toEqual(['по выражению: if «vip» then "u1" else "u2"', 'по выражению: «x» * 2']);
	});

	it('says a scheduled start, and an event subprocess with its robot under «в любой момент»', async () => {
		const doc = await spec(
			bpmn(
				`<startEvent id="s" name="Каждый год"><timerEventDefinition><timeCycle>R/P1Y</timeCycle></timerEventDefinition></startEvent>${stage('a', 'Поздравить')}${flow('f1', 's', 'a')}` +
					`<subProcess id="esp" triggeredByEvent="true"><startEvent id="es" name="Отпуск" isInterrupting="false"><signalEventDefinition signalRef="sig_vacation" /></startEvent>` +
					`<serviceTask id="reassign" name="Передать сделки"><extensionElements><potok:robot type="change-responsible"><potok:input name="user" value="=record.deputy" /></potok:robot></extensionElements></serviceTask>` +
					`<endEvent id="ee" />${flow('ef1', 'es', 'reassign')}${flow('ef2', 'reassign', 'ee')}</subProcess>`
			)
		);
		expect(doc.start.triggers.map((t) => t.text)).toEqual(['Запуск «Каждый год»: каждый год, без ограничения числа повторов → стадия «Поздравить»']);
		expect(doc.processEvents.map((e) => e.text)).toEqual(['Запуск «Отпуск»: получен сигнал «Сотрудник ушёл в отпуск» → робот «Передать сделки» → завершение «ee»']);
		expect(doc.otherRobots.map((r) => r.text)).toEqual(['Сменить ответственного «Передать сделки»: Сотрудник — ответственный из поля «deputy»']);
	});

	it('says a set-fields robot with field labels', async () => {
		const doc = await spec(
			bpmn(
				`<startEvent id="s" />${stage('a', 'Оплата', '<potok:fields><potok:field key="paid" label="Оплачено" type="boolean" /><potok:field key="sum" label="Сумма" type="money" /></potok:fields>')}` +
					`<scriptTask id="r" name="Отметить оплату"><extensionElements><potok:robot type="set-fields"><potok:input name="paid" value="true" /><potok:input name="sum" value="=record.invoice_sum" /></potok:robot></extensionElements></scriptTask>` +
					`<endEvent id="e" />${flow('f1', 's', 'a')}${flow('f2', 'a', 'r')}${flow('f3', 'r', 'e')}`
			)
		);
		expect(stageOf(doc, 'a').robots[0]?.text).toBe('Заполнить поля «Отметить оплату»: Поле «Оплачено» — да; Поле «Сумма» — значение поля «invoice_sum»');
	});
});
