import { diffDiagrams, type DiagramDiff } from '$lib/diff';
import type { Locale } from '$lib/i18n';
import { layoutSpec, type SpecBlock, type SpecDocument } from '$lib/spec';
import type { Database } from '../db';
import { hasRole, type WorkspaceScope } from '../access/scope';
import { listMembers } from '../workspaces/members';
import { listComments, type CommentView } from './comments';
import { diagramElements } from './diagram-elements';
import { markReviewNotificationsRead } from './notifications';
import { reviewSpec } from './review-spec';
import { revisionReview, type RevisionReview } from './revision-review';
import { reviewableRevision } from './visibility';

export interface ReviewPage {
	review: RevisionReview;
	xml: string;
	/** Element names by id, to title the selected element. */
	names: Record<string, string>;
	/** The changes since the baseline revision, with its XML for the side-by-side view. */
	changes: { baseline: number; reason: 'approved' | 'previous'; xml: string; diff: DiagramDiff } | null;
	spec: SpecDocument;
	blocks: SpecBlock[];
	hasPicture: boolean;
	comments: CommentView[];
	/** Who a comment can @mention. */
	people: { userId: string; name: string }[];
	me: { id: string; name: string; isApprover: boolean };
	/** How many of the person's notifications opening the page marked read (the nav count is stale then). */
	markedRead: number;
}

/**
 * Everything the review page of one TO BE revision shows: the diagram, the specification, the
 * comments, the decision state, and the changes since the last approved (or previously
 * submitted) revision. Opening it marks the person's notifications about this process read.
 */
export async function loadReviewPage(database: Database, scope: WorkspaceScope, processId: string, revisionNumber: number, locale: Locale): Promise<ReviewPage> {
	const review = await revisionReview(database, scope, processId, revisionNumber);
	const revision = await reviewableRevision(database, scope, processId, 'to_be', revisionNumber);
	const [spec, comments, members] = await Promise.all([
		reviewSpec(database, scope, processId, 'to_be', revisionNumber, locale),
		listComments(database, scope, processId, revisionNumber),
		listMembers(database, scope)
	]);
	let changes: ReviewPage['changes'] = null;
	if (review.baseline) {
		const base = await reviewableRevision(database, scope, processId, 'to_be', review.baseline.revisionNumber);
		changes = { baseline: base.number, reason: review.baseline.reason, xml: base.xml, diff: await diffDiagrams(base.xml, revision.xml, locale) };
	}
	const markedRead = await markReviewNotificationsRead(database, scope, processId);
	const me = members.find((m) => m.userId === scope.userId);
	return {
		review,
		xml: revision.xml,
		names: Object.fromEntries(diagramElements(revision.xml)),
		changes,
		spec: spec.doc,
		blocks: layoutSpec(spec.doc, { diagram: false }),
		hasPicture: spec.picture !== null,
		comments,
		people: members
			.filter((m) => m.userId !== scope.userId && m.roles.some((r) => r === 'owner' || r === 'analyst' || r === 'approver'))
			.map((m) => ({ userId: m.userId, name: m.name })),
		me: { id: scope.userId, name: me?.name ?? '', isApprover: hasRole(scope, 'approver') },
		markedRead
	};
}
