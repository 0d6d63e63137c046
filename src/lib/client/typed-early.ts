/**
 * Svelte writes every `value={…}` and `checked={…}` of the server's HTML back into the inputs
 * when it hydrates the page, wiping what a person typed or ticked before the scripts arrived (a
 * slow connection, a busy laptop). An inline script in app.html notes each form element changed
 * until then with what it held; once the page is hydrated, `restoreTypedEarly` puts that back and
 * tells the app, as if it had been typed now.
 */

interface Typed {
	value: string;
	checked: boolean;
	selected: string[];
}

declare global {
	interface Window {
		__potokTyped?: Map<EventTarget | null, Typed>;
	}
}

/** Puts back what was typed before hydration into the fields hydration kept; stops noting. Returns how many changed. */
export function restoreTypedEarly(): number {
	const typed = window.__potokTyped;
	window.__potokTyped = undefined;
	let restored = 0;
	for (const [field, { value, checked, selected }] of typed ?? []) {
		if (!(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement || field instanceof HTMLSelectElement) || !field.isConnected) continue;
		let changed: boolean;
		if (field instanceof HTMLInputElement && (field.type === 'checkbox' || field.type === 'radio')) {
			changed = field.checked !== checked;
			field.checked = checked;
		} else if (field instanceof HTMLSelectElement && field.multiple) {
			changed = [...field.options].some((option) => option.selected !== selected.includes(option.value));
			for (const option of field.options) option.selected = selected.includes(option.value);
		} else {
			changed = field.value !== value;
			field.value = value;
		}
		if (!changed) continue;
		restored++;
		field.dispatchEvent(new Event('input', { bubbles: true }));
		field.dispatchEvent(new Event('change', { bubbles: true }));
	}
	return restored;
}
