import type { LintProblem } from './lint-bpmn';

/** Russian for each Potok rule's message, by rule; placeholders come from the English message. */
const ru: Record<string, (message: string) => string> = {
	'potok/stage-name': () => 'У этапа должно быть название',
	'potok/unique-outcome-keys': (m) => `Ключ результата ${quoted(m)} встречается несколько раз`,
	'potok/routed-outcomes': (m) => `Результат ${quoted(m)} не обработан ни одним условием этого шлюза`,
	'potok/field-keys': (m) =>
		m.includes('must start') ? `Ключ поля ${quoted(m)}: только строчные латинские буквы, цифры и _, начиная с буквы` : `Поле ${quoted(m)} имеет разные типы в разных этапах`,
	'potok/expressions': (m) => `Выражение не разбирается: ${m.replace(/^Expression in \S+ does not parse: /, '')}`,
	'potok/unsupported-elements': () => 'Этот элемент движок Потока не исполняет'
};

function quoted(message: string): string {
	return /"[^"]*"/.exec(message)?.[0] ?? '';
}

/** The problem's message in the user's locale (recommended bpmnlint rules stay in English). */
export function lintMessage(problem: Pick<LintProblem, 'rule' | 'message'>, locale: 'ru' | 'en'): string {
	if (locale === 'en') return problem.message;
	return ru[problem.rule]?.(problem.message) ?? problem.message;
}
