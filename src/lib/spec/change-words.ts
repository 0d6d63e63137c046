import type { ElementModel } from '$lib/bpmn';
import type { AnnotationChange } from '$lib/diff';
import { assignmentWords } from './describe-assignment';
import { describeField } from './describe-field';
import { describeRobot } from './describe-robot';
import { conditionWords } from './describe-route';
import { deadlineWords, timerWords } from './describe-time';
import type { ElementSummary } from './diagram-extras';
import { isStage } from './process-graph';
import type { SpecContext } from './spec-context';
import type { ChangeSubject, SpecMessages } from './spec-messages';

/**
 * A change of a potok annotation in the ТЗ's own words: the diff (`$lib/diff`) says what
 * changed in the annotation's terms («срок: P2D → P3D», «(datetime)»); here the old and the new
 * value are written the way the stage tables write them («срок: 2 дня → 3 дня»), so a client
 * reads the list of changes in the same language as the document. A change this module cannot
 * reword keeps the diff's sentence, with the element named the document's way.
 */
export function changeWords(change: AnnotationChange, from: SpecContext | undefined, to: SpecContext | undefined, m: SpecMessages): string {
	const subject = subjectOf(change, from, to, m);
	const say = (text: string) => m.changes.line(subject, text);
	const fallback = () => say(diffDetail(change, m));
	if (!from || !to) return fallback();
	const before = from.graph.elements.get(change.elementId);
	const after = to.graph.elements.get(change.elementId);
	const w = m.changes;
	switch (change.kind) {
		case 'stage-marked':
			return say(w.becameStage);
		case 'stage-unmarked':
			return say(w.noLongerStage);
		case 'field-added': {
			const field = after?.potok?.fields?.find((f) => f.key === change.key);
			if (!after || !field) return fallback();
			const words = describeField(field, after, to);
			return say(w.newField(m.fieldLine(words.label, words.type, words.rule)));
		}
		case 'field-required':
		case 'field-optional':
		case 'field-required-when':
		case 'field-type':
		case 'field-options': {
			const old = fieldOf(before, change.key, from);
			const now = fieldOf(after, change.key, to);
			if (!old || !now) return fallback();
			const isRule = change.kind.startsWith('field-req') || change.kind === 'field-optional';
			return isRule ? say(w.fromTo(w.fieldRule(now.label), old.rule, now.rule)) : say(w.fromTo(w.fieldType(now.label), old.type, now.type));
		}
		case 'deadline':
			return say(w.fromTo(w.what.deadline, deadlineWords(before?.potok?.task?.due, from), deadlineWords(after?.potok?.task?.due, to)));
		case 'assignment':
			return say(w.fromTo(w.what.responsible, ownAssignment(change.elementId, from, m), ownAssignment(change.elementId, to, m)));
		case 'timer':
			return say(w.fromTo(w.what.timer, timerOf(before, from, m), timerOf(after, to, m)));
		case 'robot':
			return say(w.fromTo(w.what.robot, robotOf(before, from, m), robotOf(after, to, m)));
		case 'condition':
			return say(w.fromTo(w.what.condition, conditionOf(change.elementId, from, m), conditionOf(change.elementId, to, m)));
		case 'record-status':
			return say(w.fromTo(w.what.status, statusOf(before, m), statusOf(after, m)));
		default:
			return fallback();
	}
}

/** «Стадия «Встреча назначена»», «Переход «Целевая заявка? → Спам»», named from the newer diagram. */
function subjectOf(change: AnnotationChange, from: SpecContext | undefined, to: SpecContext | undefined, m: SpecMessages): string {
	const summary = to?.extras.elements.get(change.elementId) ?? from?.extras.elements.get(change.elementId);
	const name = change.elementName ?? summary?.name ?? change.elementId;
	if (summary?.ends) {
		const side = to ?? from;
		const end = (id: string) => side?.extras.elements.get(id)?.name ?? id;
		return m.changes.subject('flow', summary.name ?? `${end(summary.ends.source)} → ${end(summary.ends.target)}`);
	}
	// A task that just became a stage is named as what it was: «Задача «…»: теперь стадия».
	const side = change.kind === 'stage-marked' ? from : to;
	const element = side?.graph.elements.get(change.elementId);
	if (element) return m.changes.subject(isStage(element) ? 'stage' : subjectKind({ ...(summary ?? { type: element.type }), stage: false }), name);
	return m.changes.subject(summary ? subjectKind(summary) : 'element', name);
}

/** The diff's sentence without its own subject («Этап «X»: …» → «…»). */
function diffDetail(change: AnnotationChange, m: SpecMessages): string {
	const name = change.elementName;
	const marker = name ? `${m.q(name)}: ` : ': ';
	const at = change.message.indexOf(marker);
	return at >= 0 ? change.message.slice(at + marker.length) : change.message;
}

export function subjectKind(element: ElementSummary): ChangeSubject {
	if (element.stage) return 'stage';
	if (element.ends) return 'flow';
	const type = element.type.replace(/^bpmn:/, '');
	if (type === 'Lane') return 'lane';
	if (['ServiceTask', 'SendTask', 'ScriptTask', 'BusinessRuleTask'].includes(type)) return 'robot';
	if (type.endsWith('Task') || type === 'Task') return 'task';
	if (type.endsWith('Event')) return 'event';
	if (type.endsWith('Gateway')) return 'gateway';
	if (type.endsWith('SubProcess') || type === 'Transaction' || type === 'CallActivity') return 'subprocess';
	return 'element';
}

function fieldOf(element: ElementModel | undefined, key: string | undefined, ctx: SpecContext) {
	const field = element?.potok?.fields?.find((f) => f.key === key);
	return element && field ? describeField(field, element, ctx) : undefined;
}

/** The element's own assignment (not a lane's default), or a lane's rule for a lane. */
function ownAssignment(id: string, ctx: SpecContext, m: SpecMessages): string {
	const lane = ctx.extras.laneRules.get(id);
	if (lane) return lane.assignment ? assignmentWords(lane.assignment, ctx) : m.changes.nothing;
	const element = ctx.graph.elements.get(id);
	const own = ctx.extras.ownAssignment.has(id) ? element?.potok?.assignment : undefined;
	return own ? assignmentWords(own, ctx) : m.changes.nothing;
}

function timerOf(element: ElementModel | undefined, ctx: SpecContext, m: SpecMessages): string {
	const definition = element?.eventDefinitions?.find((d) => d.type === 'timer');
	return definition?.type === 'timer' ? timerWords(definition.timer, ctx, element?.attachedTo !== undefined) : m.changes.nothing;
}

/** A robot's action and inputs, without its name (the subject already names it). */
function robotOf(element: ElementModel | undefined, ctx: SpecContext, m: SpecMessages): string {
	const robot = element ? describeRobot(element, ctx) : undefined;
	if (!robot) return m.changes.nothing;
	return robot.inputs.length === 0 ? robot.action : `${robot.action} (${robot.inputs.map((i) => `${i.label} — ${i.value}`).join('; ')})`;
}

function statusOf(element: ElementModel | undefined, m: SpecMessages): string {
	const status = element?.potok?.status;
	return status ? m.status(status) : m.changes.nothing;
}

/** A flow's condition in words, with outcome labels of the stage the flow's gateway follows. */
function conditionOf(flowId: string, ctx: SpecContext, m: SpecMessages): string {
	const flow = ctx.graph.flows.get(flowId);
	if (!flow?.condition) return m.changes.nothing;
	const source = ctx.graph.elements.get(flow.source);
	const stage =
		source && isStage(source)
			? source
			: source?.incoming.map((id) => ctx.graph.elements.get(ctx.graph.flows.get(id)?.source ?? '')).find((e) => e !== undefined && isStage(e));
	return conditionWords(flow.condition, ctx, stage);
}
