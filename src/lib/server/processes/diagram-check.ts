import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { parseBpmn, type ModelIssue } from '$lib/bpmn';
import { checkSyntax } from '$lib/engine/expression';
import { UserError, type FieldProblem } from '../errors';

/** Diagrams above this size are refused before parsing. */
export const MAX_DIAGRAM_BYTES = 10 * 1024 * 1024;

export function sha256Hex(text: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(text)));
}

/**
 * Refuses what no BPMN file needs and an attacker might send: a document type
 * declaration (the door to external entities and entity expansion), processing
 * instructions other than the XML declaration, and oversized files.
 */
export function assertSafeXml(xml: string): void {
	const bytes = new TextEncoder().encode(xml).length;
	if (bytes > MAX_DIAGRAM_BYTES) throw new UserError('too_large', { limit: '10 MB' });
	if (/<!DOCTYPE/i.test(xml)) throw new UserError('diagram_hostile', { reason: 'DOCTYPE declarations (and the entities they define) are not allowed in BPMN files' });
	if (/<!ENTITY/i.test(xml)) throw new UserError('diagram_hostile', { reason: 'entity declarations are not allowed in BPMN files' });
	if (/<\?(?!xml\s)[^?]*\?>/i.test(xml.replace(/^\uFEFF/, ''))) {
		throw new UserError('diagram_hostile', { reason: 'XML processing instructions are not allowed in BPMN files' });
	}
}

function problem(issue: ModelIssue): FieldProblem {
	const where = [issue.elementId, issue.field].filter(Boolean).join('.') || '(document)';
	return { field: where, message: issue.elementName ? `«${issue.elementName}»: ${issue.message}` : issue.message };
}

/** Every FEEL expression in the model: `=`-prefixed annotation values and flow conditions. */
function expressionIssues(node: unknown, context: { elementId?: string; elementName?: string; path: string[] }, out: ModelIssue[]): void {
	if (typeof node === 'string') {
		// Conditions of other tools (Camunda 7's `${…}` JUEL) are kept as they are: files
		// must round-trip; lint flags them before a diagram can be published.
		const foreign = node.trim().startsWith('${');
		if (node.trim().startsWith('=') || (context.path.at(-1) === 'condition' && !foreign)) {
			const error = checkSyntax(node);
			if (error) {
				out.push({
					...(context.elementId ? { elementId: context.elementId } : {}),
					...(context.elementName ? { elementName: context.elementName } : {}),
					field: context.path.join('.'),
					message: `the FEEL expression \`${node}\` does not parse: ${error}`
				});
			}
		}
		return;
	}
	if (Array.isArray(node)) {
		node.forEach((item) => expressionIssues(item, context, out));
		return;
	}
	if (node && typeof node === 'object') {
		const record = node as Record<string, unknown>;
		const isElement = typeof record.id === 'string';
		const next = isElement
			? { elementId: record.id as string, elementName: (record.name as string | undefined) ?? undefined, path: [] as string[] }
			: context;
		for (const [key, value] of Object.entries(record)) {
			if (key === 'elements' || key === 'flows') expressionIssues(value, next, out);
			else expressionIssues(value, { ...next, path: [...next.path, key] }, out);
		}
	}
}

/**
 * Checks a diagram before it is stored: safe XML, BPMN 2.0 that bpmn-moddle
 * reads with the potok descriptor, potok annotations valid (zod), and every
 * FEEL expression parses. Throws a UserError naming each element and field.
 */
export async function checkDiagram(xml: string): Promise<void> {
	assertSafeXml(xml);
	const parsed = await parseBpmn(xml);
	if (!parsed.ok) throw new UserError('diagram_invalid', {}, parsed.issues.map(problem));
	const issues: ModelIssue[] = [];
	expressionIssues(parsed.model.processes, { path: [] }, issues);
	if (issues.length) throw new UserError('diagram_invalid', {}, issues.map(problem));
}
