import { buildSpec, type SpecDocument } from '$lib/spec';
import type { Locale } from '$lib/i18n';
import type { Database } from '../db';
import type { WorkspaceScope } from '../access/scope';
import type { Track } from '../processes/processes';
import { getRevision } from '../processes/revisions';
import { listGroups } from '../workspaces/groups';
import { listMembers } from '../workspaces/members';
import { approvalsOfSha } from './decisions';
import { findPicture } from './pictures';
import { processSubmissions } from './submissions';
import { reviewableProcess, reviewableRevision, seesDrafts } from './visibility';

export interface ReviewSpec {
	doc: SpecDocument;
	picture: { svg: string; png: Uint8Array | null } | null;
	/** A file name without extension: «ТЗ Воронка продаж TO BE 3». */
	fileName: string;
}

/**
 * The specification (ТЗ) of one revision as the person may see it: the diagram's words, the
 * changes from the AS IS sent for context (an analyst gets the latest AS IS when none was sent)
 * and from the last approved revision before it, the approval sheet of its exact XML, and the
 * picture the analyst's browser drew.
 */
export async function reviewSpec(database: Database, scope: WorkspaceScope, processId: string, track: Track, revisionNumber: number, locale: Locale): Promise<ReviewSpec> {
	const process = await reviewableProcess(database, scope, processId);
	const revision = await reviewableRevision(database, scope, processId, track, revisionNumber);
	const submissions = await processSubmissions(database.db, scope.workspaceId, processId);

	let asIsXml: string | undefined;
	let approvedXml: string | undefined;
	let approvals: Awaited<ReturnType<typeof approvalsOfSha>> = [];
	if (track === 'to_be') {
		const sentAsIs = submissions.find((s) => s.revisionNumber === revisionNumber && s.asIsNumber !== null)?.asIsNumber;
		const asIs = sentAsIs ? await getRevision(database, scope, processId, 'as_is', sentAsIs) : seesDrafts(scope) ? await getRevision(database, scope, processId, 'as_is', 'latest') : null;
		asIsXml = asIs?.xml;
		const approvedBefore = submissions.find((s) => s.status === 'approved' && s.revisionNumber < revisionNumber && s.sha256 !== revision.sha256);
		if (approvedBefore) approvedXml = (await getRevision(database, scope, processId, 'to_be', approvedBefore.revisionNumber))?.xml;
		approvals = await approvalsOfSha(database.db, processId, revision.sha256);
	}
	const [members, groups] = await Promise.all([listMembers(database, scope), listGroups(database, scope)]);

	const doc = await buildSpec({
		xml: revision.xml,
		process: { name: process.name, description: process.description, entityType: process.entityType },
		revision: { track, number: revision.number, sha256: revision.sha256, author: revision.author, createdAt: revision.createdAt },
		...(asIsXml ? { asIsXml } : {}),
		...(approvedXml ? { approvedXml } : {}),
		approvals: approvals.map((a) => ({ name: a.name, signature: a.signature, at: a.createdAt, sha256: a.sha256, ip: a.ip, userAgent: a.userAgent })),
		members: members.flatMap((m) => [
			{ id: m.userId, name: m.name },
			{ id: m.id, name: m.name }
		]),
		groups: groups.map((g) => ({ id: g.id, name: g.name })),
		locale
	});
	const picture = await findPicture(database, scope, processId, revision.sha256);
	const trackLabel = track === 'to_be' ? 'TO BE' : 'AS IS';
	return { doc, picture, fileName: `${locale === 'ru' ? 'ТЗ' : 'Specification'} ${process.name} ${trackLabel} ${revision.number}` };
}
