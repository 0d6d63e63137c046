/** How a workspace counts approvals: one approver is enough, or every approver must approve. */
export type ApprovalRule = 'any' | 'all';

export type Decision = 'approved' | 'changes_requested';

/**
 * Where a submission stands after its decisions. A return by anyone returns it; otherwise it is
 * approved once one approver approved (`any`) or every current approver of the workspace did
 * (`all`, and at least one approval); until then it stays open.
 */
export function submissionOutcome(
	rule: ApprovalRule,
	approverIds: readonly string[],
	decisions: readonly { userId: string; decision: Decision }[]
): 'open' | 'approved' | 'returned' {
	if (decisions.some((d) => d.decision === 'changes_requested')) return 'returned';
	const approvedBy = new Set(decisions.filter((d) => d.decision === 'approved').map((d) => d.userId));
	if (approvedBy.size === 0) return 'open';
	if (rule === 'any') return 'approved';
	return approverIds.every((id) => approvedBy.has(id)) ? 'approved' : 'open';
}
