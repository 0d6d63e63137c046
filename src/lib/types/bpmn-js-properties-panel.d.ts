// bpmn-js-properties-panel and @bpmn-io/properties-panel ship no TypeScript types; these cover
// what Potok calls. Entries are Preact components taking loosely typed props.
declare module 'bpmn-js-properties-panel' {
	export const BpmnPropertiesPanelModule: Record<string, unknown>;
	export const BpmnPropertiesProviderModule: Record<string, unknown>;
	export function useService<T = unknown>(name: string, strict?: boolean): T;
}
declare module '@bpmn-io/properties-panel' {
	type Component = import('@bpmn-io/properties-panel/preact').FunctionComponent<Record<string, unknown>>;
	export const TextFieldEntry: Component;
	export const SelectEntry: Component;
	export const CheckboxEntry: Component;
	export const ListGroup: Component;
	export const Group: Component;
	export function isTextFieldEntryEdited(node: unknown): boolean;
	export function isSelectEntryEdited(node: unknown): boolean;
	export function isCheckboxEntryEdited(node: unknown): boolean;
}
declare module 'diagram-js-minimap' {
	const MinimapModule: Record<string, unknown>;
	export default MinimapModule;
}
declare module 'bpmn-js-token-simulation' {
	const TokenSimulationModule: Record<string, unknown>;
	export default TokenSimulationModule;
}
declare module 'bpmn-js-bpmnlint' {
	const BpmnLintModule: Record<string, unknown>;
	export default BpmnLintModule;
}
declare module 'bpmnlint/lib/linter' {
	export default class Linter {
		constructor(options: { config: unknown; resolver: unknown });
		lint(definitions: unknown): Promise<Record<string, unknown[]>>;
	}
}
declare module 'bpmnlint/rules/*' {
	const rule: unknown;
	export default rule;
}
declare module 'bpmn-js-token-simulation/lib/viewer' {
	const TokenSimulationViewerModule: Record<string, unknown>;
	export default TokenSimulationViewerModule;
}
