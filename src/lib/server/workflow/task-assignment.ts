import type { PotokAssignment } from '$lib/bpmn/potok-extensions';
import { compileExpression, type VariableSource } from '$lib/engine/expression';
import type { Tx } from '../db';
import { chooseAssignee, type AssignmentChoice, type AssignmentRule } from '../crm/assignment';
import type { CrmRecord } from '../crm/record-read';
import { UserError } from '../errors';

/**
 * Who gets a task the process opens (DESIGN: `potok:assignment` on the task,
 * or its lane's as the default): a user; a group — its members in turn, like
 * round-robin; round-robin or least-loaded in a group (absent members are
 * skipped); or an expression naming a user (id or e-mail). Without a rule the
 * record's responsible gets it. The choice is returned for the timeline.
 */
export interface TaskAssignee {
	userId: string | null;
	/** The rule's choice; null when the task simply went to the record's responsible. */
	choice: (AssignmentChoice & { declared: PotokAssignment['type']; expression?: string; error?: string }) | null;
}

/** Whether the rule distributes work (the record follows the task to its assignee). */
export function distributes(rule: PotokAssignment | undefined): boolean {
	return rule !== undefined && ['group', 'round-robin', 'least-loaded'].includes(rule.type);
}

export async function chooseTaskAssignee(tx: Tx, workspaceId: string, rule: PotokAssignment | undefined, record: CrmRecord | null, vars: VariableSource): Promise<TaskAssignee> {
	const fallback = record?.responsibleId ?? null;
	if (!rule) return { userId: fallback, choice: null };
	let library: AssignmentRule;
	let expression: string | undefined;
	if (rule.type === 'user') library = { type: 'user', user: rule.user! };
	else if (rule.type === 'expression') {
		expression = rule.expression!;
		let named: unknown;
		try {
			named = compileExpression(expression).evaluate(vars);
		} catch (error) {
			return failed(fallback, rule, expression, (error as Error).message);
		}
		if (typeof named !== 'string' || named.trim() === '') return failed(fallback, rule, expression, `the expression gave ${JSON.stringify(named ?? null)}, not a user`);
		library = { type: 'user', user: named };
	} else library = { type: rule.type === 'least-loaded' ? 'least-loaded' : 'round-robin', group: rule.group! };
	try {
		const choice = await chooseAssignee(tx, workspaceId, library);
		return { userId: choice.userId ?? fallback, choice: { ...choice, declared: rule.type, ...(expression ? { expression } : {}) } };
	} catch (error) {
		if (!(error instanceof UserError)) throw error;
		return failed(fallback, rule, expression, error.details.map((d) => d.message).join('; ') || error.code);
	}
}

function failed(fallback: string | null, rule: PotokAssignment, expression: string | undefined, error: string): TaskAssignee {
	return {
		userId: fallback,
		choice: { rule: 'user', userId: fallback, groupId: null, groupName: null, skippedAbsent: [], declared: rule.type, ...(expression ? { expression } : {}), error }
	};
}
