import type { DiagramElement } from './extension-elements';
import { fieldsGroup, outcomesGroup } from './list-groups';
import type PotokEditing from './PotokEditing';
import { stageEntries } from './stage-entries';
import { attributeEntry } from './attribute-entries';
import { conditionEntry, precedingOutcomes } from './condition-entry';
import { robotInputsGroup } from './robot-group';
import { relativeTimerEntries } from './timer-entries';
import { assignmentTypes, recordStatuses, robotTypes } from '$lib/bpmn/potok-extensions';

interface PropertiesPanel {
	registerProvider(priority: number, provider: unknown): void;
}
type Group = { id: string } & Record<string, unknown>;

const robotHosts = new Set(['bpmn:ServiceTask', 'bpmn:SendTask', 'bpmn:ScriptTask']);
const stageTypes = new Set(['bpmn:Task', 'bpmn:UserTask', 'bpmn:ManualTask']);

/**
 * Adds the «Поток» group (stage toggle, key, label) and, on stages, the «Поля» and «Результаты»
 * list groups. All edits go through `potokEditing`, hence through bpmn-js commands.
 */
export default class PotokPropertiesProvider {
	static $inject = ['propertiesPanel', 'potokEditing', 'translate'];

	constructor(
		propertiesPanel: PropertiesPanel,
		private readonly editing: PotokEditing,
		private readonly translate: (text: string) => string
	) {
		propertiesPanel.registerProvider(500, this);
	}

	getGroups(element: DiagramElement) {
		return (groups: Group[]): Group[] => {
			const after = groups.findIndex((group) => group.id === 'general') + 1;
			const extra = this.otherEntries(element);
			if (!stageTypes.has(element.type)) {
				if (extra.length > 0) groups.splice(after, 0, { id: 'potok', label: this.translate('Potok'), entries: extra });
				if (robotHosts.has(element.type)) groups.splice(after + 1, 0, robotInputsGroup(element, this.editing, this.translate));
				return groups;
			}
			const isStage = this.editing.isStage(element);
			const potok: Group = { id: 'potok', label: this.translate('Potok'), entries: [...stageEntries(element, isStage), ...extra] };
			groups.splice(after, 0, potok);
			if (isStage) groups.splice(after + 1, 0, fieldsGroup(element, this.editing, this.translate), outcomesGroup(element, this.editing, this.translate));
			return groups;
		};
	}

	/** Assignment on user tasks and lanes, deadline on user tasks, final status on end events, field-relative timers. */
	private otherEntries(element: DiagramElement) {
		const entries: Record<string, unknown>[] = [];
		if (element.type === 'bpmn:UserTask' || element.type === 'bpmn:Lane') {
			entries.push(
				attributeEntry(element, 'potok:Assignment', 'type', 'Assignment', assignmentTypes),
				attributeEntry(element, 'potok:Assignment', 'user', 'User', 'text'),
				attributeEntry(element, 'potok:Assignment', 'group', 'Group', 'text'),
				attributeEntry(element, 'potok:Assignment', 'expression', 'Assignment expression', 'text')
			);
		}
		if (element.type === 'bpmn:UserTask') {
			entries.push(
				attributeEntry(element, 'potok:Task', 'due', 'Due (ISO duration or expression)', 'text'),
				attributeEntry(element, 'potok:Task', 'resultRequired', 'Result required', 'checkbox')
			);
		}
		if (robotHosts.has(element.type)) entries.push(attributeEntry(element, 'potok:Robot', 'type', 'Robot', robotTypes));
		if (element.type === 'bpmn:SequenceFlow' && precedingOutcomes(element).length > 0) entries.push(conditionEntry(element));
		if (element.type === 'bpmn:EndEvent') entries.push(attributeEntry(element, 'potok:Outcome', 'status', 'Record status', recordStatuses));
		entries.push(...relativeTimerEntries(element));
		return entries;
	}
}
