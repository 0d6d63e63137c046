import type { DiagramElement } from './extension-elements';
import { fieldsGroup, outcomesGroup } from './list-groups';
import type PotokEditing from './PotokEditing';
import { stageEntries } from './stage-entries';

interface PropertiesPanel {
	registerProvider(priority: number, provider: unknown): void;
}
type Group = { id: string } & Record<string, unknown>;

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
			if (!stageTypes.has(element.type)) return groups;
			const isStage = this.editing.isStage(element);
			const potok: Group = { id: 'potok', label: this.translate('Potok'), entries: stageEntries(element, isStage) };
			const after = groups.findIndex((group) => group.id === 'general');
			groups.splice(after + 1, 0, potok);
			if (isStage) groups.splice(after + 2, 0, fieldsGroup(element, this.editing, this.translate), outcomesGroup(element, this.editing, this.translate));
			return groups;
		};
	}
}
