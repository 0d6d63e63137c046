import { renderSpecDocx, renderSpecHtml, renderSpecPdf } from '../spec';
import type { ReviewSpec } from './review-spec';

export type SpecFormat = 'html' | 'pdf' | 'docx';

const CONTENT_TYPES: Record<SpecFormat, string> = {
	html: 'text/html; charset=utf-8',
	pdf: 'application/pdf',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
};

/**
 * The specification as a download: the printable HTML page opens in the browser, the PDF and the
 * DOCX are attachments. The file name carries the process and revision (RFC 6266 `filename*`
 * for the Cyrillic, an ASCII fallback) and the `x-potok-sha256` header the XML's hash.
 */
export async function specResponse(spec: ReviewSpec, format: SpecFormat): Promise<Response> {
	const { doc, picture } = spec;
	let body: string | Uint8Array;
	if (format === 'html') body = renderSpecHtml(doc, picture ? { diagramSvg: picture.svg } : {});
	else if (format === 'pdf') body = await renderSpecPdf(doc, picture ? { ...(picture.png ? { diagramPng: picture.png } : {}), diagramSvg: picture.svg } : {});
	else body = await renderSpecDocx(doc, picture?.png ? { diagramPng: picture.png } : {});
	const name = `${spec.fileName}.${format}`;
	const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
	const disposition = format === 'html' ? 'inline' : 'attachment';
	return new Response(body as BodyInit, {
		headers: {
			'content-type': CONTENT_TYPES[format],
			'content-disposition': `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
			'cache-control': 'private, no-cache',
			'x-potok-sha256': doc.sha256
		}
	});
}
