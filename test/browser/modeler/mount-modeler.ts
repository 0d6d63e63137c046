import { expect } from 'vitest';
import { page } from 'vitest/browser';
import { render } from 'vitest-browser-svelte';
import ProcessModeler from '$lib/components/modeler/ProcessModeler.svelte';
import type { DiagramElement } from '$lib/modeler/potok-properties/extension-elements';
import type { ModelerLocale } from '$lib/modeler/translate';

/** The component's methods, as a page calls them. */
export interface ModelerApi {
	getXML(): Promise<string>;
	getSVG(): Promise<string>;
	getPNG(scale?: number): Promise<Blob>;
	importXML(xml: string): Promise<string[]>;
	undo(): void;
	redo(): void;
	markSaved(): void;
	togglePlay(): Promise<void>;
	service<T>(name: string): T | undefined;
}

interface Options {
	locale?: ModelerLocale;
	readonly?: boolean;
}

/**
 * Renders ProcessModeler in a desktop-sized viewport and waits for its first import. `imports`
 * counts finished imports, `changes` the reported dirty states.
 */
export async function mountModeler(xml: string, { locale = 'ru', readonly = false }: Options = {}) {
	await page.viewport(1280, 800);
	const changes: boolean[] = [];
	const lint: unknown[][] = [];
	let imports = 0;
	const screen = await render(ProcessModeler, {
		xml,
		locale,
		readonly,
		onimport: () => imports++,
		onchange: (dirty: boolean) => changes.push(dirty),
		onlint: (problems: unknown[]) => lint.push(problems)
	});
	await expect.poll(() => imports, { timeout: 15_000 }).toBe(1);
	const api = screen.component as unknown as ModelerApi;
	const root = screen.container.querySelector<HTMLElement>('.potok-modeler')!;
	/** Waits for an element of the rendered component to appear, as a locator to click or type into. */
	const find = async (selector: string) => {
		await expect.poll(() => screen.container.querySelector(selector), { message: `waiting for ${selector}` }).not.toBeNull();
		return page.elementLocator(screen.container.querySelector(selector)!);
	};
	return {
		screen,
		api,
		root,
		changes,
		imports: () => imports,
		/** The diagram element with this id (a fresh lookup: re-imports replace elements). */
		element: (id: string) => api.service<{ get(id: string): DiagramElement }>('elementRegistry')!.get(id),
		find,
		/** The SVG group drawing the element, to click or drag it. */
		shape: (id: string) => find(`.djs-element[data-element-id="${id}"]`),
		/** The input of the properties panel entry with this id. */
		entry: (id: string) => find(`#bio-properties-panel-${id}`)
	};
}
