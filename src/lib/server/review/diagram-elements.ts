/**
 * The elements a BPMN document declares, by id, with their names: enough to pin a comment to an
 * element and to say, on a later revision, that the element is gone. Read with a regular
 * expression over the stored XML (which the designer already validated), so the review pages do
 * not parse the whole model for it. Diagram-interchange shapes (`bpmndi:`) are left out.
 */
export function diagramElements(xml: string): Map<string, string> {
	const elements = new Map<string, string>();
	const tag = /<(?:([\w-]+):)?([\w-]+)\s([^>]*?)\/?>/g;
	for (const match of xml.matchAll(tag)) {
		const [, prefix, , attributes = ''] = match;
		if (prefix !== undefined && /^(bpmndi|dc|di)$/i.test(prefix)) continue;
		const id = /(?:^|\s)id="([^"]+)"/.exec(attributes)?.[1];
		if (!id || elements.has(id)) continue;
		const name = /(?:^|\s)name="([^"]*)"/.exec(attributes)?.[1] ?? '';
		elements.set(decode(id), decode(name));
	}
	return elements;
}

function decode(text: string): string {
	return text
		.replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
		.replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&apos;/g, "'")
		.replace(/&amp;/g, '&');
}
