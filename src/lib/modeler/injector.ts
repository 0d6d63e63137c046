/** What Potok's deferred modeler modules use of bpmn-js's injector (didi). */
export type ModuleDeclaration = Record<string, unknown>;

export interface Injector {
	get<T>(name: string, strict?: boolean): T | null;
	createChild(modules: ModuleDeclaration[]): Injector;
	init(): void;
}
