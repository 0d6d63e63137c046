import { UserError } from '../errors';
import { MAX_DIAGRAM_BYTES } from './diagram-check';

const XML_TYPES = ['application/xml', 'text/xml', 'application/bpmn+xml', 'application/octet-stream'];

/**
 * Reads a BPMN XML request body. The declared length is checked before reading
 * so that an oversized upload is refused without holding it in memory.
 */
export async function readXmlBody(request: Request): Promise<string> {
	const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
	if (!XML_TYPES.includes(type)) {
		throw new UserError('validation', {}, [{ field: '(body)', message: `invalid:expected BPMN XML with Content-Type application/xml, got ${type || 'none'}` }]);
	}
	const length = Number(request.headers.get('content-length') ?? 0);
	if (length > MAX_DIAGRAM_BYTES) throw new UserError('too_large', { limit: '10 MB' });
	const xml = await request.text();
	if (!xml.trim()) throw new UserError('validation', {}, [{ field: '(body)', message: 'required' }]);
	return xml;
}
