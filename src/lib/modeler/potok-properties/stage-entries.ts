import { h } from '@bpmn-io/properties-panel/preact';
import { CheckboxEntry, TextFieldEntry, isCheckboxEntryEdited, isTextFieldEntryEdited } from '@bpmn-io/properties-panel';
import { useService } from 'bpmn-js-properties-panel';
import type { DiagramElement } from './extension-elements';
import type PotokEditing from './PotokEditing';

type Translate = (text: string) => string;
interface EntryProps { element: DiagramElement; id: string }

function IsStage({ element, id }: EntryProps) {
	const editing = useService<PotokEditing>('potokEditing');
	const translate = useService<Translate>('translate');
	return h(CheckboxEntry, {
		element, id, label: translate('Is a stage'),
		getValue: () => editing.isStage(element),
		setValue: (value: boolean) => editing.setStage(element, value)
	});
}

function stageAttribute(name: 'key' | 'label', label: string) {
	return function StageAttribute({ element, id }: EntryProps) {
		const editing = useService<PotokEditing>('potokEditing');
		const translate = useService<Translate>('translate');
		const debounce = useService('debounceInput');
		return h(TextFieldEntry, {
			element, id, label: translate(label), debounce,
			getValue: () => (editing.get(element, 'potok:Stage')?.[name] as string | undefined) ?? '',
			setValue: (value: string) => {
				const stage = editing.get(element, 'potok:Stage');
				if (stage) editing.update(element, stage, { [name]: value || undefined });
			}
		});
	};
}

/** The stage toggle, plus the stage's key and label when it is one. */
export function stageEntries(element: DiagramElement, isStage: boolean) {
	const entries: Record<string, unknown>[] = [{ id: 'potok-stage', component: IsStage, element, isEdited: isCheckboxEntryEdited }];
	if (isStage) {
		entries.push(
			{ id: 'potok-stage-key', component: stageAttribute('key', 'Stage key'), element, isEdited: isTextFieldEntryEdited },
			{ id: 'potok-stage-label', component: stageAttribute('label', 'Stage label'), element, isEdited: isTextFieldEntryEdited }
		);
	}
	return entries;
}
