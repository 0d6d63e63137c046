import { lintBpmn, type LintProblem } from '$lib/lint/lint-bpmn';
import { lintMessage } from '$lib/lint/messages';
import type { Locale } from '$lib/i18n';
import { UserError } from '../errors';
import { assertSafeXml } from './diagram-check';

/**
 * Lints a diagram for a person: bpmnlint's recommended rules and Potok's, with
 * messages in their language. Hostile or unreadable XML is refused like a save.
 */
export async function lintDiagram(xml: string, locale: Locale): Promise<LintProblem[]> {
	assertSafeXml(xml);
	let problems: LintProblem[];
	try {
		problems = await lintBpmn(xml);
	} catch (e) {
		throw new UserError('diagram_invalid', {}, [{ field: '(document)', message: e instanceof Error ? e.message : String(e) }]);
	}
	return problems.map((p) => ({ ...p, message: lintMessage(p, locale) }));
}
