import type { ElementModel, PotokAssignment } from '$lib/bpmn';
import { expressionWords, readFieldReference } from './expression-words';
import type { SpecContext } from './spec-context';

/**
 * Who gets a stage's task, in words: «Марина Продажина», «по очереди между сотрудниками группы
 * «Отдел продаж»», «ответственный из поля «Менеджер»». A rule that comes from the lane is said
 * to be the lane's, so the client sees where to change it.
 */
export function responsibleWords(element: ElementModel, ctx: SpecContext): string {
	const lane = ctx.extras.lanes.get(element.id);
	const own = ctx.extras.ownAssignment.has(element.id) ? element.potok?.assignment : undefined;
	if (own) return assignmentWords(own, ctx);
	if (lane?.assignment) return ctx.m.assignment.laneDefault(assignmentWords(lane.assignment, ctx), lane.name);
	if (element.potok?.assignment) return assignmentWords(element.potok.assignment, ctx);
	if (lane) return ctx.m.assignment.laneWithoutRule(lane.name);
	return ctx.m.assignment.notSet;
}

/** One assignment rule in words. */
export function assignmentWords(assignment: PotokAssignment, ctx: SpecContext): string {
	const a = ctx.m.assignment;
	switch (assignment.type) {
		case 'user':
			return a.user(ctx.memberName(assignment.user ?? ''));
		case 'group':
			return a.group(ctx.groupName(assignment.group ?? ''));
		case 'round-robin':
			return a.roundRobin(ctx.groupName(assignment.group ?? ''));
		case 'least-loaded':
			return a.leastLoaded(ctx.groupName(assignment.group ?? ''));
		case 'expression':
			return personExpressionWords(assignment.expression ?? '', ctx);
	}
}

/** A person given by an expression: the record's responsible, a user field, or the expression. */
export function personExpressionWords(expression: string, ctx: SpecContext): string {
	const field = readFieldReference(expression);
	if (field === 'responsible') return ctx.m.assignment.recordResponsible;
	if (field !== undefined) return ctx.m.assignment.fromField(ctx.fieldLabel(field) ?? field);
	return ctx.m.assignment.expression(expressionWords(expression, ctx.fieldLabel, ctx.locale));
}
