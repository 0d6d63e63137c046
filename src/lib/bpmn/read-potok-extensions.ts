import type { ModdleElement } from 'bpmn-moddle';
import { potokExtensionsSchema, type PotokExtensions } from './potok-extensions';
import type { ModelIssue } from './process-model';

/** Reads the `potok:*` children of an element's `extensionElements` and validates them. */
export function readPotokExtensions(element: ModdleElement, issues: ModelIssue[]): PotokExtensions | undefined {
	const ext = element.extensionElements as ModdleElement | undefined;
	const values = (ext?.values as ModdleElement[] | undefined) ?? [];
	const raw: Record<string, unknown> = {};
	for (const value of values) {
		switch (value.$type) {
			case 'potok:Stage':
				raw.stage = pick(value, ['key', 'label']);
				break;
			case 'potok:Fields':
				raw.fields = ((value.fields as ModdleElement[] | undefined) ?? []).map((field) => ({
					...pick(field, ['key', 'label', 'type', 'required', 'requiredWhen']),
					...(typeof field.options === 'string'
						? { options: field.options.split(',').map((o) => o.trim()).filter((o) => o !== '') }
						: {})
				}));
				break;
			case 'potok:Outcomes':
				raw.outcomes = ((value.outcomes as ModdleElement[] | undefined) ?? []).map((o) => pick(o, ['key', 'label']));
				break;
			case 'potok:Outcome':
				raw.status = value.status;
				break;
			case 'potok:Assignment':
				raw.assignment = pick(value, ['type', 'user', 'group', 'expression']);
				break;
			case 'potok:Task':
				raw.task = pick(value, ['due', 'resultRequired']);
				break;
			case 'potok:Robot':
				raw.robot = {
					...pick(value, ['type', 'retries']),
					inputs: ((value.inputs as ModdleElement[] | undefined) ?? []).map((i) => pick(i, ['name', 'value']))
				};
				break;
		}
	}
	if (Object.keys(raw).length === 0) return undefined;
	const parsed = potokExtensionsSchema.safeParse(raw);
	if (parsed.success) return parsed.data;
	for (const issue of parsed.error.issues) {
		issues.push({
			elementId: element.id,
			elementName: element.name,
			field: `potok:${issue.path.map(String).join('.')}`,
			message: issue.message
		});
	}
	return undefined;
}

function pick(element: ModdleElement, names: string[]): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const name of names) if (element[name] !== undefined) out[name] = element[name];
	return out;
}
