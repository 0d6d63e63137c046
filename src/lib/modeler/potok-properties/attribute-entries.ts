import { h } from '@bpmn-io/properties-panel/preact';
import { CheckboxEntry, SelectEntry, TextFieldEntry, isCheckboxEntryEdited, isSelectEntryEdited, isTextFieldEntryEdited } from '@bpmn-io/properties-panel';
import { useService } from 'bpmn-js-properties-panel';
import type { DiagramElement } from './extension-elements';
import type PotokEditing from './PotokEditing';

type Translate = (text: string) => string;
interface EntryProps { element: DiagramElement; id: string }

/** An entry editing one attribute of a singleton potok element (`potok:task`.due, `potok:assignment`.type…). */
export function attributeEntry(element: DiagramElement, type: string, name: string, label: string, kind: 'text' | 'checkbox' | readonly string[]) {
	const id = `potok-${type.replace('potok:', '').toLowerCase()}-${name}`;
	function AttributeEntry({ element, id }: EntryProps) {
		const editing = useService<PotokEditing>('potokEditing');
		const translate = useService<Translate>('translate');
		const debounce = useService('debounceInput');
		const value = () => editing.get(element, type)?.[name];
		if (kind === 'checkbox') {
			return h(CheckboxEntry, {
				element, id, label: translate(label),
				getValue: () => value() === true,
				setValue: (v: boolean) => editing.setAttribute(element, type, name, v || undefined)
			});
		}
		if (kind === 'text') {
			return h(TextFieldEntry, {
				element, id, label: translate(label), debounce,
				getValue: () => (value() as string | undefined) ?? '',
				setValue: (v: string) => editing.setAttribute(element, type, name, v || undefined)
			});
		}
		return h(SelectEntry, {
			element, id, label: translate(label),
			getValue: () => (value() as string | undefined) ?? '',
			setValue: (v: string) => editing.setAttribute(element, type, name, v || undefined),
			getOptions: () => [{ value: '', label: '' }, ...kind.map((v) => ({ value: v, label: translate(v) }))]
		});
	}
	const isEdited = kind === 'checkbox' ? isCheckboxEntryEdited : kind === 'text' ? isTextFieldEntryEdited : isSelectEntryEdited;
	return { id, component: AttributeEntry, element, isEdited };
}
