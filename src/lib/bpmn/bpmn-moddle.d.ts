/**
 * A small local shim for bpmn-moddle 10, which ships no types (and `@types/bpmn-moddle`
 * declares a default export the package no longer has). Only what Potok uses is declared.
 */
declare module 'bpmn-moddle' {
	/** Any element bpmn-moddle produces: `$type` plus the element's properties. */
	export interface ModdleElement {
		$type: string;
		id?: string;
		name?: string;
		[property: string]: unknown;
	}

	export interface ModdleWarning {
		message: string;
		element?: ModdleElement;
		property?: string;
	}

	export interface FromXmlResult {
		rootElement: ModdleElement;
		warnings: ModdleWarning[];
		references: unknown[];
		elementsById: Record<string, ModdleElement>;
	}

	export class BpmnModdle {
		constructor(packages?: Record<string, unknown>, options?: Record<string, unknown>);
		fromXML(xml: string, typeName?: string, options?: Record<string, unknown>): Promise<FromXmlResult>;
		toXML(element: ModdleElement, options?: { format?: boolean }): Promise<{ xml: string }>;
		create(type: string, attrs?: Record<string, unknown>): ModdleElement;
	}
}
