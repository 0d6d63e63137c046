import { ListGroup, isTextFieldEntryEdited } from '@bpmn-io/properties-panel';
import { findExtension, listOf, type DiagramElement } from './extension-elements';
import { textAttribute } from './item-entries';
import type PotokEditing from './PotokEditing';

type Translate = (text: string) => string;
const inputName = textAttribute('name', 'Name');
const inputValue = textAttribute('value', 'Value');

/** The robot's inputs (name/value) as an add/remove list; adding creates the robot if needed. */
export function robotInputsGroup(element: DiagramElement, editing: PotokEditing, translate: Translate) {
	const robot = findExtension(element.businessObject, 'potok:Robot');
	const inputs = listOf(robot, 'inputs');
	return {
		id: 'potok-robot-inputs',
		label: translate('Robot inputs'),
		component: ListGroup,
		element,
		translate,
		add: (event: Event) => {
			event.stopPropagation();
			if (robot) editing.addToList(element, robot, 'inputs', 'potok:Input', { name: `input_${inputs.length + 1}`, value: '' });
			else editing.addItem(element, 'potok:Robot', 'inputs', 'potok:Input', { name: 'input_1', value: '' });
		},
		items: inputs.map((item, index) => ({
			id: `potok-input-${index}`,
			label: String(item.name ?? ''),
			entries: [
				{ id: `potok-input-${index}-name`, component: inputName, element, item, isEdited: isTextFieldEntryEdited },
				{ id: `potok-input-${index}-value`, component: inputValue, element, item, isEdited: isTextFieldEntryEdited }
			],
			autoFocusEntry: `potok-input-${index}-name`,
			remove: () => robot && editing.removeFromList(element, robot, 'inputs', item)
		}))
	};
}
