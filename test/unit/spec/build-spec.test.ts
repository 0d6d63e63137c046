import { describe, expect, it } from 'vitest';
import { buildSpec, type SpecDocument, type SpecStage } from '$lib/spec';
import { approvedFunnelXml, revisionSha, salesFunnelInput, salesFunnelXml } from './helpers/sales-funnel';

const stage = (doc: SpecDocument, name: string): SpecStage => {
	const found = doc.stages.find((s) => s.name === name);
	if (!found) throw new Error(`Expected a stage «${name}», but the document has ${doc.stages.map((s) => s.name).join(', ')}`);
	return found;
};

const fieldRows = (s: SpecStage) => s.fields.map((f) => [f.label, f.type, f.rule]);
const outcomeRows = (s: SpecStage) => s.outcomes.map((o) => [o.label, o.leadsTo]);

describe('buildSpec on the sales funnel, in Russian', () => {
	it('lists the stages in the order the flow reaches them from the start event', async () => {
		const doc = await buildSpec(salesFunnelInput());
		expect(doc.stages.map((s) => [s.number, s.name])).toEqual([
			[1, 'Новая заявка'],
			[2, 'Взят в работу'],
			[3, 'Встреча назначена'],
			[4, 'КП отправлено']
		]);
		expect(doc.problems).toEqual([]);
	});

	it('writes the title block from the process and the revision', async () => {
		const doc = await buildSpec(salesFunnelInput());
		expect(doc.title).toBe('Техническое задание');
		expect(doc.subtitle).toBe('Воронка продаж');
		expect(doc.facts).toEqual([
			{ label: 'Процесс', value: 'Воронка продаж' },
			{ label: 'Описание', value: 'Продажа услуг: от заявки с сайта до оплаты.' },
			{ label: 'Цель', value: 'Ни одна заявка не теряется, каждая сделка закрыта с причиной.' },
			{ label: 'Тип записи', value: 'Сделка' },
			{ label: 'Схема', value: 'TO BE (как должно быть), ревизия № 3' },
			{ label: 'Автор ревизии', value: 'Анна Аналитикова' },
			{ label: 'Дата ревизии', value: '27.11.2026 13:15 (Europe/Moscow)' },
			{ label: 'Контрольная сумма схемы (SHA-256)', value: revisionSha }
		]);
	});

	it('says how the process starts: the website form trigger leads to the first stage', async () => {
		const doc = await buildSpec(salesFunnelInput());
		expect(doc.start.triggers.map((t) => t.text)).toEqual([
			'Запуск «Заявка с сайта»: заполнена форма на сайте (form.submitted) → стадия «Новая заявка»'
		]);
	});

	it('«Новая заявка»: round-robin from the lane, 15 minutes, three fields, two outcomes, an overdue timer with its robot', async () => {
		const s = stage(await buildSpec(salesFunnelInput()), 'Новая заявка');
		expect(s.description).toBe('Менеджер проверяет заявку: целевая она или спам, и берёт её в работу.');
		expect(s.responsible).toBe('по очереди между сотрудниками группы «Отдел продаж» (правило дорожки «Отдел продаж»)');
		expect(s.deadline).toBe('15 минут');
		expect(s.resultRequired).toBeUndefined();
		expect(fieldRows(s)).toEqual([
			['Имя клиента', 'строка', 'обязательно'],
			['Телефон', 'телефон', 'обязательно'],
			['Источник', 'список: Сайт, Звонок, Авито', 'необязательно']
		]);
		expect(outcomeRows(s)).toEqual([
			['Взять в работу', 'стадия «Взят в работу»'],
			['Спам', 'завершение «Спам» (итог: спам)']
		]);
		expect(s.robots.map((r) => r.text)).toEqual([
			'Отправить сообщение «Уведомить руководителя»: Канал — Telegram; Кому — Олег Руководителев; Текст — «Заявка ждёт больше 15 минут»'
		]);
		expect(s.events).toEqual([
			{
				id: 'new_lead_overdue',
				kind: 'timer',
				text: 'Таймер «Заявка не взята за 15 минут»: через 15 минут на стадии, стадия продолжается → робот «Уведомить руководителя» → завершение «Руководитель уведомлён»'
			}
		]);
	});

	it('«Взят в работу»: least loaded in the group, a day, result required, the loss reason required on «Отказ», a retry the next day', async () => {
		const s = stage(await buildSpec(salesFunnelInput()), 'Взят в работу');
		expect(s.responsible).toBe('наименее загруженный сотрудник группы «Отдел продаж»');
		expect(s.deadline).toBe('1 день');
		expect(s.resultRequired).toBe('Нельзя завершить без результата');
		expect(fieldRows(s)).toEqual([
			['Потребность клиента', 'текст (несколько строк)', 'обязательно'],
			['Бюджет', 'деньги', 'необязательно'],
			['Менеджер по продажам', 'сотрудник', 'обязательно'],
			['Причина отказа', 'список: Дорого, Не актуально, Выбрал конкурента', 'обязательно при исходе „Отказ“']
		]);
		expect(s.fields[3]?.requiredWhen).toBe('=outcome = "refused"');
		expect(outcomeRows(s)).toEqual([
			['Встреча назначена', 'стадия «Встреча назначена»'],
			['Недозвон', 'ожидание: через 1 день → стадия «Взят в работу»'],
			['Отказ', 'завершение «Сделка провалена» (итог: провалено)']
		]);
		expect(s.robots).toEqual([]);
		expect(s.events.map((e) => e.text)).toEqual(['Ожидание «Перезвонить на следующий день»: через 1 день → стадия «Взят в работу»']);
	});

	it('«Встреча назначена»: the manager from a field, a deadline after the meeting, a reminder one hour before it, a robot that creates a task', async () => {
		const s = stage(await buildSpec(salesFunnelInput()), 'Встреча назначена');
		expect(s.responsible).toBe('ответственный из поля «Менеджер по продажам»');
		expect(s.deadline).toBe('через 2 часа после «Дата и время встречи»');
		expect(fieldRows(s)).toEqual([
			['Дата и время встречи', 'дата и время', 'обязательно'],
			['Место встречи', 'строка', 'необязательно']
		]);
		expect(outcomeRows(s)).toEqual([
			['Встреча проведена', 'робот «Подготовить КП» → стадия «КП отправлено»'],
			['Клиент отказался', 'завершение «Сделка провалена» (итог: провалено)']
		]);
		expect(s.robots.map((r) => [r.action, r.name, r.inputs])).toEqual([
			[
				'Поставить задачу',
				'Подготовить КП',
				[
					{ label: 'Название', value: '«Подготовить коммерческое предложение»' },
					{ label: 'Ответственный', value: 'ответственный из поля «Менеджер по продажам»' },
					{ label: 'Срок', value: '1 день' }
				]
			],
			['Отправить сообщение', 'Напомнить клиенту о встрече', [{ label: 'Канал', value: 'WhatsApp' }, { label: 'Шаблон', value: '«meeting_reminder»' }]]
		]);
		expect(s.events.map((e) => e.text)).toEqual([
			'Таймер «За час до встречи»: за 1 час до «Дата и время встречи», стадия продолжается → робот «Напомнить клиенту о встрече» → завершение «Напоминание отправлено»'
		]);
	});

	it('«КП отправлено»: a named person, three days, the loss reason required on «Сделка провалена», the payment trigger interrupts the stage', async () => {
		const s = stage(await buildSpec(salesFunnelInput()), 'КП отправлено');
		expect(s.responsible).toBe('Марина Продажина');
		expect(s.deadline).toBe('3 дня');
		expect(fieldRows(s)).toEqual([
			['Сумма КП', 'деньги', 'обязательно'],
			['Причина отказа', 'список: Дорого, Не актуально, Выбрал конкурента', 'обязательно при исходе „Сделка провалена“']
		]);
		expect(outcomeRows(s)).toEqual([
			['Сделка успешна', 'завершение «Сделка успешна» (итог: успешно)'],
			['Сделка провалена', 'завершение «Сделка провалена» (итог: провалено)']
		]);
		expect(s.events).toEqual([
			{
				id: 'payment_received',
				kind: 'message',
				text: 'Триггер «Поступила оплата»: поступила оплата (payment.received), стадия прерывается → завершение «Сделка успешна» (итог: успешно)'
			}
		]);
	});

	it('lists every robot of the diagram under a stage, so none is left for «Другие роботы»', async () => {
		const doc = await buildSpec(salesFunnelInput());
		expect(doc.otherRobots).toEqual([]);
		expect(doc.stages.flatMap((s) => s.robots.map((r) => r.id)).sort()).toEqual(['create_proposal_task', 'notify_head', 'remind_client']);
	});

	it('names people and groups by their ids when the workspace lists are not given', async () => {
		const doc = await buildSpec(salesFunnelInput({ members: [], groups: [] }));
		expect(stage(doc, 'КП отправлено').responsible).toBe('u_marina');
		expect(stage(doc, 'Взят в работу').responsible).toBe('наименее загруженный сотрудник группы «sales»');
	});
});

describe('buildSpec: the approval sheet', () => {
	it('records who approved, when (in the workspace time zone), the hash, the IP and the user agent', async () => {
		const doc = await buildSpec(salesFunnelInput());
		expect(doc.approvals).toHaveLength(1);
		expect(doc.approvals[0]).toMatchObject({ name: 'Иван Заказчиков', signature: 'Иван Петрович Заказчиков', at: '28.11.2026 12:00 (Europe/Moscow)', matchesRevision: true });
		expect(doc.approvals[0]?.facts).toEqual([
			{ label: 'Согласующий', value: 'Иван Заказчиков' },
			{ label: 'Подпись (ФИО, введённое согласующим)', value: 'Иван Петрович Заказчиков' },
			{ label: 'Дата и время', value: '28.11.2026 12:00 (Europe/Moscow)' },
			{ label: 'Контрольная сумма согласованной схемы (SHA-256)', value: revisionSha },
			{ label: 'Относится к этой ревизии', value: 'да' },
			{ label: 'IP-адрес', value: '203.0.113.7' },
			{ label: 'Браузер (User-Agent)', value: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36' }
		]);
	});

	it('marks an approval of other XML as not for this revision', async () => {
		const base = salesFunnelInput();
		const other = { ...base.approvals![0]!, sha256: 'f'.repeat(64) };
		const doc = await buildSpec({ ...base, approvals: [other] });
		expect(doc.approvals[0]?.matchesRevision).toBe(false);
		expect(doc.approvals[0]?.facts).toContainEqual({ label: 'Относится к этой ревизии', value: 'нет' });
	});
});

describe('buildSpec: the lists of changes', () => {
	it('says that there is nothing to compare with when no AS IS and no approved revision are given', async () => {
		const doc = await buildSpec(salesFunnelInput());
		expect(doc.changes).toEqual([
			{ against: 'as-is', title: 'Изменения относительно AS IS', compared: false, note: 'Схема AS IS не приложена.', items: [] },
			{ against: 'approved', title: 'Изменения после последнего согласования', compared: false, note: 'Согласованной ревизии ещё нет.', items: [] }
		]);
	});

	it('says «Изменений нет» when the approved revision has the same diagram', async () => {
		const doc = await buildSpec(salesFunnelInput({ approvedXml: salesFunnelXml }));
		expect(doc.changes[1]).toMatchObject({ compared: true, note: 'Изменений нет.', items: [] });
	});

	it('lists what changed since the approved revision: a rename, a new field, a deadline, a removed task', async () => {
		const doc = await buildSpec(salesFunnelInput({ approvedXml: approvedFunnelXml }));
		const texts = doc.changes[1]?.items.map((i) => i.text);
		expect(texts).toEqual(
			expect.arrayContaining([
				'Переименовано: стадия «КП выслано» → «КП отправлено»',
				'Стадия «Встреча назначена»: новое поле «Место встречи» — строка; необязательно',
				'Стадия «КП отправлено»: срок: 2 дня → 3 дня',
				'Удалено: задача «Старый звонок»'
			])
		);
		expect(doc.changes[1]?.items.find((i) => i.kind === 'removed')).toMatchObject({ elementId: 'old_call', elementName: 'Старый звонок' });
	});

	it('lists the stages added since AS IS by name', async () => {
		const asIsXml = approvedFunnelXml.replace(/<userTask id="meeting_set"[\s\S]*?<\/userTask>/, '<task id="meeting_set" name="Встреча" />');
		const doc = await buildSpec(salesFunnelInput({ asIsXml }));
		const texts = doc.changes[0]?.items.map((i) => i.text) ?? [];
		expect(texts).toContain('Переименовано: задача «Встреча» → «Встреча назначена»');
		expect(texts).toContain('Задача «Встреча назначена»: теперь стадия');
		expect(texts).toContain('Стадия «Встреча назначена»: новое поле «Дата и время встречи» — дата и время; обязательно');
		expect(texts).toContain('Стадия «Встреча назначена»: срок: не задан → через 2 часа после «Дата и время встречи»');
	});

	it('says changed rules, people, timers, robots, conditions and results in the document’s words', async () => {
		const asIsXml = salesFunnelXml
			.replace('type="least-loaded" group="sales"', 'type="user" user="u_marina"')
			.replace('<timeDate>=record.meeting_at - duration("PT1H")</timeDate>', '<timeDuration>PT1H</timeDuration>')
			.replace('value="whatsapp"', 'value="sms"')
			.replace('<conditionExpression>=outcome = "won"</conditionExpression>', '<conditionExpression>=outcome = "won" or outcome = "lost"</conditionExpression>')
			.replace('<potok:outcome status="won" />', '<potok:outcome status="converted" />')
			.replace('label="Потребность клиента" type="text" required="true"', 'label="Потребность клиента" type="string"');
		const doc = await buildSpec(salesFunnelInput({ asIsXml }));
		expect(doc.changes[0]?.items.map((i) => i.text)).toEqual([
			'Стадия «Взят в работу»: тип поля «Потребность клиента»: строка → текст (несколько строк)',
			'Стадия «Взят в работу»: обязательность поля «Потребность клиента»: необязательно → обязательно',
			'Стадия «Взят в работу»: ответственный: Марина Продажина → наименее загруженный сотрудник группы «Отдел продаж»',
			'Событие «За час до встречи»: таймер: через 1 час на стадии → за 1 час до «Дата и время встречи»',
			'Робот «Напомнить клиенту о встрече»: действие: Отправить сообщение (Канал — SMS; Шаблон — «meeting_reminder») → Отправить сообщение (Канал — WhatsApp; Шаблон — «meeting_reminder»)',
			'Событие «Сделка успешна»: итог: конвертировано → успешно',
			'Переход «Сделка успешна»: условие: исход „Сделка успешна“ или „Сделка провалена“ → исход „Сделка успешна“'
		]);
	});
});

describe('buildSpec in English', () => {
	it('writes the same document with English sentences and the diagram’s own names', async () => {
		const doc = await buildSpec(salesFunnelInput({ locale: 'en' }));
		expect(doc.title).toBe('Specification');
		expect(stage(doc, 'Новая заявка').responsible).toBe('in turn among the employees of the group “Отдел продаж” (rule of the lane “Отдел продаж”)');
		expect(stage(doc, 'Взят в работу').fields[3]?.rule).toBe('required when the outcome is “Отказ”');
		expect(stage(doc, 'Встреча назначена').deadline).toBe('2 hours after “Дата и время встречи”');
		expect(stage(doc, 'Встреча назначена').events[0]?.text).toBe(
			'Timer “За час до встречи”: 1 hour before “Дата и время встречи”, the stage goes on → robot “Напомнить клиенту о встрече” → end “Напоминание отправлено”'
		);
		expect(stage(doc, 'КП отправлено').outcomes[0]?.leadsTo).toBe('end “Сделка успешна” (result: won)');
	});

	it('lists the changes in English too', async () => {
		const doc = await buildSpec(salesFunnelInput({ locale: 'en', approvedXml: approvedFunnelXml }));
		expect(doc.changes[1]?.title).toBe('Changes since the last approval');
		expect(doc.changes[1]?.items.map((i) => i.text)).toEqual([
			'Stage “Встреча назначена”: new field “Место встречи” — text line; optional',
			'Stage “КП отправлено”: deadline: 2 days → 3 days',
			'Renamed: stage “КП выслано” → “КП отправлено”',
			'Removed: task “Старый звонок”'
		]);
	});
});

describe('buildSpec on a diagram that does not validate', () => {
	it('keeps the title block and the approvals and lists the problems instead of the stages', async () => {
		const xml = salesFunnelXml.replace('type="phone" required="true"', 'type="telephone" required="true"');
		const doc = await buildSpec(salesFunnelInput({ xml }));
		expect(doc.stages).toEqual([]);
		expect(doc.problems).toHaveLength(1);
		expect(doc.problems[0]).toContain('new_lead');
		expect(doc.facts[0]).toEqual({ label: 'Процесс', value: 'Воронка продаж' });
		expect(doc.approvals).toHaveLength(1);
	});

	it('rejects input that breaks the schema, naming the field', async () => {
		await expect(buildSpec({ ...salesFunnelInput(), locale: 'de' as 'ru' })).rejects.toThrow(/locale/);
	});
});
