import { h } from '@bpmn-io/properties-panel/preact';
import { CheckboxEntry, SelectEntry, TextFieldEntry } from '@bpmn-io/properties-panel';
import { useService } from 'bpmn-js-properties-panel';
import type { ModdleElement } from 'bpmn-moddle';
import type { DiagramElement } from './extension-elements';
import type PotokEditing from './PotokEditing';

type Translate = (text: string) => string;
interface ItemProps { element: DiagramElement; id: string; item: ModdleElement }

/** A text attribute of a list item (a field's key, an outcome's label…). */
export function textAttribute(name: string, label: string) {
	return function TextAttribute({ element, id, item }: ItemProps) {
		const editing = useService<PotokEditing>('potokEditing');
		const translate = useService<Translate>('translate');
		const debounce = useService('debounceInput');
		return h(TextFieldEntry, {
			element, id, label: translate(label), debounce,
			getValue: () => (item[name] as string | undefined) ?? '',
			setValue: (value: string) => editing.update(element, item, { [name]: value || undefined })
		});
	};
}

/** A boolean attribute of a list item. */
export function checkboxAttribute(name: string, label: string) {
	return function CheckboxAttribute({ element, id, item }: ItemProps) {
		const editing = useService<PotokEditing>('potokEditing');
		const translate = useService<Translate>('translate');
		return h(CheckboxEntry, {
			element, id, label: translate(label),
			getValue: () => item[name] === true,
			setValue: (value: boolean) => editing.update(element, item, { [name]: value || undefined })
		});
	};
}

/** An attribute chosen from a fixed list of values. */
export function selectAttribute(name: string, label: string, values: readonly string[]) {
	return function SelectAttribute({ element, id, item }: ItemProps) {
		const editing = useService<PotokEditing>('potokEditing');
		const translate = useService<Translate>('translate');
		return h(SelectEntry, {
			element, id, label: translate(label),
			getValue: () => (item[name] as string | undefined) ?? '',
			setValue: (value: string) => editing.update(element, item, { [name]: value || undefined }),
			getOptions: () => [{ value: '', label: '' }, ...values.map((value) => ({ value, label: translate(value) }))]
		});
	};
}
