import { mount } from 'svelte';
import ProcessModeler from '$lib/components/modeler/ProcessModeler.svelte';

/**
 * Mounts ProcessModeler the way the editor page does — the XML as a prop, Russian, editable, with
 * the page's onlint/onchange/onimport callbacks — from a production build. The benchmark waits for
 * the component's `data-ready="true"` and the shapes.
 */
const xml = await (await fetch('/diagram.bpmn')).text();
mount(ProcessModeler, {
	target: document.getElementById('app')!,
	props: { xml, locale: 'ru', onchange: () => {}, onimport: () => {}, onlint: () => {} }
});
