import { ListGroup, isCheckboxEntryEdited, isSelectEntryEdited, isTextFieldEntryEdited } from '@bpmn-io/properties-panel';
import { fieldTypes } from '$lib/bpmn/potok-extensions';
import type { ModdleElement } from 'bpmn-moddle';
import { findExtension, listOf, type DiagramElement } from './extension-elements';
import { checkboxAttribute, selectAttribute, textAttribute } from './item-entries';
import type PotokEditing from './PotokEditing';

type Translate = (text: string) => string;

const fieldKey = textAttribute('key', 'Key');
const fieldLabel = textAttribute('label', 'Label');
const fieldType = selectAttribute('type', 'Field type', fieldTypes);
const fieldOptions = textAttribute('options', 'Options (comma-separated)');
const fieldRequired = checkboxAttribute('required', 'Required');
const fieldRequiredWhen = textAttribute('requiredWhen', 'Required when (expression)');
const outcomeKey = textAttribute('key', 'Key');
const outcomeLabel = textAttribute('label', 'Label');

function fieldEntries(element: DiagramElement, item: ModdleElement, prefix: string) {
	const entries = [
		{ id: `${prefix}-key`, component: fieldKey, element, item, isEdited: isTextFieldEntryEdited },
		{ id: `${prefix}-label`, component: fieldLabel, element, item, isEdited: isTextFieldEntryEdited },
		{ id: `${prefix}-type`, component: fieldType, element, item, isEdited: isSelectEntryEdited }
	];
	if (item.type === 'enum' || item.type === 'multi-enum') {
		entries.push({ id: `${prefix}-options`, component: fieldOptions, element, item, isEdited: isTextFieldEntryEdited });
	}
	entries.push(
		{ id: `${prefix}-required`, component: fieldRequired, element, item, isEdited: isCheckboxEntryEdited },
		{ id: `${prefix}-requiredWhen`, component: fieldRequiredWhen, element, item, isEdited: isTextFieldEntryEdited }
	);
	return entries;
}

/** The stage's card fields as an add/remove list. */
export function fieldsGroup(element: DiagramElement, editing: PotokEditing, translate: Translate) {
	const fields = listOf(findExtension(element.businessObject, 'potok:Fields'), 'fields');
	return {
		id: 'potok-fields',
		label: translate('Fields'),
		component: ListGroup,
		element,
		translate,
		add: (event: Event) => {
			event.stopPropagation();
			editing.addItem(element, 'potok:Fields', 'fields', 'potok:Field', { key: `field_${fields.length + 1}`, type: 'string' });
		},
		items: fields.map((item, index) => ({
			id: `potok-field-${index}`,
			label: (item.label as string | undefined) || (item.key as string | undefined) || translate('Field'),
			entries: fieldEntries(element, item, `potok-field-${index}`),
			autoFocusEntry: `potok-field-${index}-key`,
			remove: () => editing.removeItem(element, 'potok:Fields', 'fields', item)
		}))
	};
}

/** The stage's outcomes (the buttons that end it) as an add/remove list. */
export function outcomesGroup(element: DiagramElement, editing: PotokEditing, translate: Translate) {
	const outcomes = listOf(findExtension(element.businessObject, 'potok:Outcomes'), 'outcomes');
	return {
		id: 'potok-outcomes',
		label: translate('Outcomes'),
		component: ListGroup,
		element,
		translate,
		add: (event: Event) => {
			event.stopPropagation();
			editing.addItem(element, 'potok:Outcomes', 'outcomes', 'potok:Outcome', { key: `outcome_${outcomes.length + 1}` });
		},
		items: outcomes.map((item, index) => ({
			id: `potok-outcome-${index}`,
			label: (item.label as string | undefined) || (item.key as string | undefined) || translate('Outcome'),
			entries: [
				{ id: `potok-outcome-${index}-key`, component: outcomeKey, element, item, isEdited: isTextFieldEntryEdited },
				{ id: `potok-outcome-${index}-label`, component: outcomeLabel, element, item, isEdited: isTextFieldEntryEdited }
			],
			autoFocusEntry: `potok-outcome-${index}-key`,
			remove: () => editing.removeItem(element, 'potok:Outcomes', 'outcomes', item)
		}))
	};
}
