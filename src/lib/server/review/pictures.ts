import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db';
import { reviewPictures } from '../db/schema';
import type { WorkspaceScope } from '../access/scope';
import { UserError } from '../errors';

/**
 * The diagram's picture for the documents. bpmn-js draws diagrams only in a browser (it needs a
 * DOM with SVG layout), so the analyst's browser renders the revision with the viewer and sends
 * its SVG and a PNG when submitting; the server keeps them by the XML's SHA-256 (identical XML,
 * identical picture) and never trusts them for anything but drawing: the HTML document embeds the
 * SVG as an `<img>` data URL, where nothing in it can run.
 */
export interface PictureInput {
	svg: string;
	/** Base64 of a PNG, optional (the DOCX needs one; the PDF can draw the SVG). */
	png?: string;
}

const MAX_SVG = 6 * 1024 * 1024;
const MAX_PNG = 8 * 1024 * 1024;

export const pictureInputSchema = z.object({
	svg: z
		.string()
		.max(MAX_SVG, 'too_long')
		.refine((svg) => /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<svg[\s>]/.test(svg), 'invalid:expected an SVG document')
		.refine((svg) => !/<!DOCTYPE|<!ENTITY/i.test(svg), 'invalid:DOCTYPE and entities are not allowed'),
	png: z.string().max(Math.ceil((MAX_PNG * 4) / 3) + 4, 'too_long').optional()
});

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function decodePng(base64: string): Buffer {
	const bytes = Buffer.from(base64.replace(/^data:image\/png;base64,/, ''), 'base64');
	if (bytes.length < 8 || PNG_SIGNATURE.some((b, i) => bytes[i] !== b)) {
		throw new UserError('validation', {}, [{ field: 'png', message: 'invalid:expected a PNG image' }]);
	}
	return bytes;
}

/** Stores the picture of the diagram with this hash, unless one is stored already (the first stays). */
export async function savePicture(database: Database, scope: WorkspaceScope, processId: string, sha256: string, input: PictureInput): Promise<void> {
	const parsed = pictureInputSchema.parse(input);
	const png = parsed.png ? decodePng(parsed.png) : null;
	await database.write((tx) =>
		tx
			.insert(reviewPictures)
			.values({ workspaceId: scope.workspaceId, processId, sha256, svg: parsed.svg, png, createdBy: scope.userId, createdAt: new Date() })
			.onConflictDoNothing()
	);
}

/** The stored picture of a diagram, if the browser has sent one. */
export async function findPicture(database: Database, scope: WorkspaceScope, processId: string, sha256: string): Promise<{ svg: string; png: Uint8Array | null } | null> {
	const [row] = await database.db
		.select({ svg: reviewPictures.svg, png: reviewPictures.png })
		.from(reviewPictures)
		.where(and(eq(reviewPictures.processId, processId), eq(reviewPictures.sha256, sha256), eq(reviewPictures.workspaceId, scope.workspaceId)));
	return row ? { svg: row.svg, png: row.png ? new Uint8Array(row.png) : null } : null;
}
