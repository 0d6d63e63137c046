import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { workspaceScope } from '$lib/server/access/guards';
import { endpoint, readJson } from '$lib/server/api/respond';
import { submitForReview, submitInputSchema } from '$lib/server/review/submissions';
import { reviewTrack } from '$lib/server/review/review-track';
import { parseRevisionNumber } from '$lib/server/review/visibility';
import type { RequestHandler } from './$types';

const bodySchema = submitInputSchema.extend({
	/** The diagram as the browser drew it (bpmn-js `saveSVG`), for the documents. */
	diagramSvg: z.string().optional(),
	/** Base64 PNG of the same picture, for the DOCX. */
	diagramPng: z.string().optional()
});

/** Submits the TO BE revision for approval; approvers are notified. */
export const POST: RequestHandler = endpoint(async (event) => {
	const { locals, params, request } = event;
	const scope = workspaceScope({ locals, params });
	reviewTrack(params.track);
	const revision = parseRevisionNumber(params.rev);
	const { diagramSvg, diagramPng, ...input } = await readJson(request, bodySchema);
	const picture = diagramSvg ? { svg: diagramSvg, ...(diagramPng ? { png: diagramPng } : {}) } : undefined;
	const submission = await submitForReview(locals.db, scope, params.id, revision, input, picture);
	return json({ submission: { id: submission.id, revision, status: submission.status } }, { status: 201 });
});
