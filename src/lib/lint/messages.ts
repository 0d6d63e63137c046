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

/** Russian for bpmnlint's recommended rules, by their English message. */
const ruRecommended: [RegExp, (m: RegExpExecArray) => string][] = [
	[/^Element is missing bpmndi$/, () => 'У элемента нет изображения на схеме (BPMNDI)'],
	[/^Element is outside of parent boundary$/, () => 'Элемент выходит за границы своего контейнера'],
	[/^Element overlaps with other element$/, () => 'Элемент перекрывает другой элемент'],
	[/^Duplicate link catch event with link name <(.*)> in scope$/, (m) => `Два промежуточных события-ссылки с именем «${m[1]}»`],
	[/^Link (catch|throw) event with link name <(.*)> missing in scope$/, (m) => `Нет парного события-ссылки (${m[1] === 'catch' ? 'ловящего' : 'бросающего'}) с именем «${m[2]}»`],
	[/^A <Sequence Flow> outgoing from an <Event-based Gateway> must not be conditional$/, () => 'Поток после шлюза по событию не может иметь условия'],
	[/^Sequence flow is missing condition$/, () => 'У потока нет условия: после шлюза с условиями укажите условие или поток по умолчанию'],
	[/^A <Start Event> is not allowed in <Ad Hoc Sub Process>$/, () => 'В нерегламентированном подпроцессе не бывает стартового события'],
	[/^An <End Event> is not allowed in <Ad Hoc Sub Process>$/, () => 'В нерегламентированном подпроцессе не бывает конечного события'],
	[/^Start event is missing event definition$/, () => 'Стартовое событие подпроцесса-обработчика должно иметь тип (сообщение, таймер, ошибка…)'],
	[/^Start event must be blank$/, () => 'Стартовое событие подпроцесса должно быть простым, без типа'],
	[/^Link event is missing link name$/, () => 'У события-ссылки нет имени ссылки'],
	[/^An <Event-based Gateway> must have at least 2 outgoing <Sequence Flows>$/, () => 'У шлюза по событию должно быть не меньше двух исходящих потоков'],
	[/^Conditional event is missing a condition$/, () => 'У условного события нет условия'],
	[/^Element is an implicit end$/, () => 'Элемент неявно завершает процесс: добавьте конечное событие'],
	[/^Element is an implicit start$/, () => 'Элемент неявно начинает процесс: добавьте стартовое событие'],
	[/^Element is missing label\/name$/, () => 'У элемента нет названия'],
	[/^Element is not connected$/, () => 'Элемент ни с чем не соединён'],
	[/^Element type <(.*)> is discouraged$/, (m) => `Элемент типа ${m[1]} лучше не использовать`],
	[/^Event has multiple event definitions$/, () => 'У события несколько типов сразу'],
	[/^Flow splits implicitly$/, () => 'Поток разветвляется без шлюза: добавьте шлюз'],
	[/^Gateway forks and joins$/, () => 'Шлюз одновременно собирает и разветвляет потоки: разделите на два шлюза'],
	[/^Gateway is superfluous\. It only has one source and target\.$/, () => 'Лишний шлюз: у него один входящий и один исходящий поток'],
	[/^Incoming flows do not join$/, () => 'Входящие потоки не сливаются: добавьте шлюз перед элементом'],
	[/^Sequence flow has superfluous label$/, () => 'Лишняя подпись у потока'],
	[/^SequenceFlow is a duplicate$/, () => 'Поток повторяет другой поток'],
	[/^Termination is superfluous\.$/, () => 'Завершающее событие здесь лишнее: достаточно простого конечного'],
	[/^(.*) has multiple blank start events$/, () => 'Несколько простых стартовых событий: оставьте одно'],
	[/^(.*) is missing end event$/, () => 'Нет конечного события'],
	[/^(.*) is missing start event$/, () => 'Нет стартового события'],
	[/^Element is missing name$/, () => 'У элемента нет имени'],
	[/^Element is unused$/, () => 'Элемент нигде не используется'],
	[/^Element name is not unique$/, () => 'Имя элемента повторяется'],
	[/^Duplicate outgoing sequence flows$/, () => 'Повторяющиеся исходящие потоки'],
	[/^Duplicate incoming sequence flows$/, () => 'Повторяющиеся входящие потоки']
];

function recommendedRu(message: string): string | undefined {
	for (const [pattern, render] of ruRecommended) {
		const match = pattern.exec(message);
		if (match) return render(match);
	}
	return undefined;
}

function quoted(message: string): string {
	return /"[^"]*"/.exec(message)?.[0] ?? '';
}

/** Which Potok rule wrote a message, for texts that arrive without their rule (bpmn-js-bpmnlint overlays). */
const potokRuleOf: [RegExp, string][] = [
	[/^A stage must have a name$/, 'potok/stage-name'],
	[/^Outcome key ".*" is used more than once$/, 'potok/unique-outcome-keys'],
	[/^Outcome ".*" of .* is not routed by any condition of this gateway$/, 'potok/routed-outcomes'],
	[/^Field (key )?".*" (must start|is )/, 'potok/field-keys'],
	[/^Expression in \S+ does not parse: /, 'potok/expressions'],
	[/ (is|are) not supported by the Potok engine$/, 'potok/unsupported-elements']
];

/** A lint message in Russian when only its English text is known; undefined when it is not a lint message. */
export function lintTextRu(message: string): string | undefined {
	const rule = potokRuleOf.find(([pattern]) => pattern.test(message))?.[1];
	return rule ? ru[rule]!(message) : recommendedRu(message);
}

/** The problem's message in the user's locale. */
export function lintMessage(problem: Pick<LintProblem, 'rule' | 'message'>, locale: 'ru' | 'en'): string {
	if (locale === 'en') return problem.message;
	return ru[problem.rule]?.(problem.message) ?? recommendedRu(problem.message) ?? problem.message;
}
