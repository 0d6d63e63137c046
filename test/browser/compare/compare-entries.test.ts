import { describe, expect, it } from 'vitest';
import { compareEntries, compareMarkers } from '$lib/components/compare/compare-entries';
import type { DiagramDiff } from '$lib/diff';

const diff: DiagramDiff = {
	added: ['call_later'],
	removed: ['old_step'],
	changed: ['meeting_set', 'renamed_task'],
	layoutChanged: ['moved_task', 'renamed_task'],
	annotations: [
		{ elementId: 'meeting_set', elementName: 'Встреча назначена', kind: 'stage-marked', message: 'Задача «Встреча назначена»: теперь этап' },
		{ elementId: 'meeting_set', elementName: 'Встреча назначена', kind: 'field-added', key: 'meeting_at', message: 'Этап «Встреча назначена»: новое обязательное поле «Дата встречи» (datetime)' }
	]
};

describe('the compare view model', () => {
	it('marks removed elements on the left only, added on the right only, changed and moved on both', () => {
		expect(compareMarkers(diff)).toEqual({
			left: { old_step: ['potok-diff-removed'], moved_task: ['potok-diff-moved'], renamed_task: ['potok-diff-moved', 'potok-diff-changed'], meeting_set: ['potok-diff-changed'] },
			right: { call_later: ['potok-diff-added'], moved_task: ['potok-diff-moved'], renamed_task: ['potok-diff-moved', 'potok-diff-changed'], meeting_set: ['potok-diff-changed'] }
		});
	});

	it('lists added, removed, changed, then only-moved elements, with their annotation sentences', () => {
		expect(compareEntries(diff)).toEqual([
			{ id: 'call_later', kinds: ['added'], annotations: [] },
			{ id: 'old_step', kinds: ['removed'], annotations: [] },
			{ id: 'meeting_set', kinds: ['changed'], name: 'Встреча назначена', annotations: diff.annotations.map((a) => a.message) },
			{ id: 'renamed_task', kinds: ['changed', 'moved'], annotations: [] },
			{ id: 'moved_task', kinds: ['moved'], annotations: [] }
		]);
	});
});
