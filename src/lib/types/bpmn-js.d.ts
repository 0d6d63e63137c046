// bpmn-js ships no TypeScript types; these cover what Potok calls.
declare module 'bpmn-js/lib/Modeler' {
	export default class Modeler {
		constructor(options?: Record<string, unknown>);
		importXML(xml: string): Promise<{ warnings: unknown[] }>;
		saveXML(options?: { format?: boolean }): Promise<{ xml: string }>;
		saveSVG(): Promise<{ svg: string }>;
		get<T = unknown>(name: string): T;
		on(event: string, callback: (...args: unknown[]) => void): void;
		off(event: string, callback: (...args: unknown[]) => void): void;
		destroy(): void;
	}
}
declare module 'bpmn-js/lib/NavigatedViewer' {
	export { default } from 'bpmn-js/lib/Modeler';
}
