import { describe, expect, it } from 'vitest';
import { submissionOutcome } from '$lib/server/review/approval-state';
import { diagramElements } from '$lib/server/review/diagram-elements';
import { findMentions } from '$lib/server/review/mentions';
import { cleanSignature, signatureMatches } from '$lib/server/review/signature';
import { salesFunnelXml } from '../../spec/helpers/sales-funnel';

describe('a signature', () => {
	it('counts when it has every word of the account name, in any case, with a patronymic and «ё» as «е»', () => {
		expect(signatureMatches('Кирилл Андреевич Заказчиков', 'Кирилл Заказчиков')).toBe(true);
		expect(signatureMatches('  заказчиков   кирилл ', 'Кирилл Заказчиков')).toBe(true);
		expect(signatureMatches('Пётр Семёнов', 'Петр Семенов')).toBe(true);
	});

	it('does not count with a word missing, another name, or a single word', () => {
		expect(signatureMatches('Кирилл', 'Кирилл Заказчиков')).toBe(false);
		expect(signatureMatches('Иван Заказчиков', 'Кирилл Заказчиков')).toBe(false);
		expect(signatureMatches('Kirill', 'Kirill')).toBe(false);
		expect(signatureMatches('', 'Кирилл Заказчиков')).toBe(false);
	});

	it('is recorded trimmed, with one space between words', () => {
		expect(cleanSignature('  Кирилл   Андреевич\tЗаказчиков ')).toBe('Кирилл Андреевич Заказчиков');
	});
});

describe('mentions', () => {
	const people = [
		{ userId: 'anna', name: 'Анна Петрова', email: 'anna@x.ru' },
		{ userId: 'anna2', name: 'Анна', email: 'a2@x.ru' },
		{ userId: 'pyotr', name: 'Пётр Семёнов', email: 'pyotr@x.ru' }
	];

	it('finds @Full Name, the longest name first, and @e-mail', () => {
		expect(findMentions('@Анна Петрова, посмотрите', people)).toEqual(['anna']);
		expect(findMentions('@анна, и ты', people)).toEqual(['anna2']);
		expect(findMentions('cc @pyotr@x.ru', people)).toEqual(['pyotr']);
		expect(findMentions('@Петр Семенов', people)).toEqual(['pyotr']);
	});

	it('ignores a name that goes on into another word, and text without @', () => {
		expect(findMentions('@Аннушка', people)).toEqual([]);
		expect(findMentions('Анна Петрова', people)).toEqual([]);
	});
});

describe('a submission’s outcome', () => {
	const approve = (userId: string) => ({ userId, decision: 'approved' as const });
	it('is returned by any return, whatever the rule', () => {
		expect(submissionOutcome('any', ['a', 'b'], [approve('a'), { userId: 'b', decision: 'changes_requested' }])).toBe('returned');
		expect(submissionOutcome('all', ['a', 'b'], [{ userId: 'b', decision: 'changes_requested' }])).toBe('returned');
	});
	it('with «any», is approved by one approval', () => {
		expect(submissionOutcome('any', ['a', 'b'], [])).toBe('open');
		expect(submissionOutcome('any', ['a', 'b'], [approve('b')])).toBe('approved');
	});
	it('with «all», waits for every current approver', () => {
		expect(submissionOutcome('all', ['a', 'b'], [approve('a')])).toBe('open');
		expect(submissionOutcome('all', ['a', 'b'], [approve('a'), approve('b')])).toBe('approved');
		// an approver who left does not block; nobody approving never approves
		expect(submissionOutcome('all', ['b'], [approve('a'), approve('b')])).toBe('approved');
		expect(submissionOutcome('all', [], [])).toBe('open');
	});
});

describe('diagram elements', () => {
	it('lists the BPMN elements of a document by id with their names, without diagram shapes', () => {
		const elements = diagramElements(salesFunnelXml);
		expect(elements.get('meeting_set')).toBe('Встреча назначена');
		expect(elements.get('flow_take')).toBe('Взять в работу');
		expect(elements.get('sales_funnel')).toBe('Воронка продаж');
		expect([...elements.keys()].some((id) => id.endsWith('_di'))).toBe(false);
	});
	it('decodes entities in names', () => {
		expect(diagramElements('<task id="t&amp;1" name="Звонок &quot;холодный&quot;" />').get('t&1')).toBe('Звонок "холодный"');
	});
});
