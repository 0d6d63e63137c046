import { h } from '@bpmn-io/properties-panel/preact';
import { SelectEntry, TextFieldEntry, isSelectEntryEdited, isTextFieldEntryEdited } from '@bpmn-io/properties-panel';
import { useService } from 'bpmn-js-properties-panel';
import type { ModdleElement } from 'bpmn-moddle';
import type { DiagramElement } from './extension-elements';
import type PotokEditing from './PotokEditing';
import { datetimeFields, isIsoDuration, parseRelativeTimer, timerDefinition, timerDirections, type RelativeTimer } from './relative-timer';

type Translate = (text: string) => string;
interface EntryProps { element: DiagramElement; id: string }
interface ElementRegistry { getAll(): DiagramElement[] }

/** The relative timer the event holds now, if its `timeDate` is one. */
function current(element: DiagramElement): RelativeTimer | undefined {
	const timeDate = timerDefinition(element.businessObject)?.timeDate as ModdleElement | undefined;
	return parseRelativeTimer(timeDate?.body as string | undefined);
}

function TimerField({ element, id }: EntryProps) {
	const editing = useService<PotokEditing>('potokEditing');
	const translate = useService<Translate>('translate');
	const registry = useService<ElementRegistry>('elementRegistry');
	return h(SelectEntry, {
		element, id, label: translate('Relative to field'),
		getValue: () => current(element)?.field ?? '',
		setValue: (field: string) => {
			const timer = current(element);
			if (field) editing.setRelativeTimer(element, { direction: 'before', offset: 'PT1H', ...timer, field });
			else if (timer) editing.setRelativeTimer(element, undefined);
		},
		getOptions: () => {
			const fields = datetimeFields(registry.getAll().map((e) => e.businessObject));
			const known = current(element)?.field;
			if (known && !fields.some((f) => f.key === known)) fields.push({ key: known, label: known });
			return [{ value: '', label: '' }, ...fields.map((f) => ({ value: f.key, label: f.label === f.key ? f.key : `${f.label} (${f.key})` }))];
		}
	});
}

function TimerDirection({ element, id }: EntryProps) {
	const editing = useService<PotokEditing>('potokEditing');
	const translate = useService<Translate>('translate');
	return h(SelectEntry, {
		element, id, label: translate('When'),
		getValue: () => current(element)?.direction ?? 'before',
		setValue: (direction: RelativeTimer['direction']) => {
			const timer = current(element);
			if (timer) editing.setRelativeTimer(element, { ...timer, direction, offset: timer.offset || 'PT1H' });
		},
		getOptions: () => timerDirections.map((value) => ({ value, label: translate(value) }))
	});
}

function TimerOffset({ element, id }: EntryProps) {
	const editing = useService<PotokEditing>('potokEditing');
	const translate = useService<Translate>('translate');
	const debounce = useService('debounceInput');
	return h(TextFieldEntry, {
		element, id, label: translate('Offset'), debounce,
		description: translate('ISO 8601 duration: PT15M, PT1H, P1D.'),
		getValue: () => current(element)?.offset ?? '',
		validate: (value: string) => (isIsoDuration(value) ? null : translate('ISO 8601 duration: PT15M, PT1H, P1D.')),
		setValue: (offset: string) => {
			const timer = current(element);
			if (timer && isIsoDuration(offset)) editing.setRelativeTimer(element, { ...timer, offset });
		}
	});
}

/**
 * «Относительно поля»: on timer events, pick a datetime field of the record and how long before or
 * after it the timer fires. The standard «Таймер» group still edits fixed ISO values.
 */
export function relativeTimerEntries(element: DiagramElement) {
	if (!timerDefinition(element.businessObject)) return [];
	const timer = current(element);
	const entries: Record<string, unknown>[] = [{ id: 'potok-timer-field', component: TimerField, element, isEdited: isSelectEntryEdited }];
	if (timer) entries.push({ id: 'potok-timer-direction', component: TimerDirection, element, isEdited: isSelectEntryEdited });
	if (timer && timer.direction !== 'at') entries.push({ id: 'potok-timer-offset', component: TimerOffset, element, isEdited: isTextFieldEntryEdited });
	return entries;
}
