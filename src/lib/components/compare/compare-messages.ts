import type { DiffLocale } from '$lib/diff';
import type { ChangeKind } from './compare-entries';

/** The compare view's own words (the change sentences come from `$lib/diff`). */
export interface CompareMessages {
	kinds: Record<ChangeKind, string>;
	legendItems: Record<ChangeKind, string>;
	legend: string;
	changes: string;
	noChanges: string;
	loading: string;
	failed: (reason: string) => string;
	showElement: (name: string) => string;
}

export const compareMessages: Record<DiffLocale, CompareMessages> = {
	ru: {
		kinds: { added: 'добавлен', removed: 'удалён', changed: 'изменён', moved: 'перемещён' },
		legendItems: { added: 'Добавлено', removed: 'Удалено', changed: 'Изменено', moved: 'Перемещено' },
		legend: 'Обозначения',
		changes: 'Изменения',
		noChanges: 'Различий нет',
		loading: 'Сравниваем…',
		failed: (reason) => `Не удалось сравнить схемы: ${reason}`,
		showElement: (name) => `Показать «${name}» на обеих схемах`
	},
	en: {
		kinds: { added: 'added', removed: 'removed', changed: 'changed', moved: 'moved' },
		legendItems: { added: 'Added', removed: 'Removed', changed: 'Changed', moved: 'Moved' },
		legend: 'Legend',
		changes: 'Changes',
		noChanges: 'No differences',
		loading: 'Comparing…',
		failed: (reason) => `Could not compare the diagrams: ${reason}`,
		showElement: (name) => `Show “${name}” on both diagrams`
	}
};
