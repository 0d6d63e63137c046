// bpmn-js ships no TypeScript types; these cover what Potok calls.
declare module 'bpmn-js/lib/Modeler' {
	export default class Modeler {
		constructor(options?: Record<string, unknown>);
		/** Rejects with an error carrying `warnings` when the XML cannot be imported. */
		importXML(xml: string): Promise<{ warnings: { message: string }[] }>;
		saveXML(options?: { format?: boolean }): Promise<{ xml: string }>;
		saveSVG(): Promise<{ svg: string }>;
		/** The imported `bpmn:Definitions`; replaced only once an import gets past parsing. */
		getDefinitions(): unknown;
		/** With `strict` false, a missing service yields undefined instead of throwing. */
		get<T = unknown>(name: string, strict?: boolean): T;
		on(event: string, callback: (...args: unknown[]) => void): void;
		on(event: string, priority: number, callback: (...args: unknown[]) => void): void;
		off(event: string, callback: (...args: unknown[]) => void): void;
		destroy(): void;
	}
}
declare module 'bpmn-js/lib/NavigatedViewer' {
	export { default } from 'bpmn-js/lib/Modeler';
}
declare module 'bpmn-js/lib/features/search' {
	const SearchModule: Record<string, unknown>;
	export default SearchModule;
}
