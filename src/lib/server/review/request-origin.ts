import type { RequestEvent } from '@sveltejs/kit';
import type { RequestOrigin } from './decisions';

/** The IP address and user agent of a request, recorded with a decision. */
export function requestOrigin(event: Pick<RequestEvent, 'getClientAddress' | 'request'>): RequestOrigin {
	let ip: string;
	try {
		ip = event.getClientAddress();
	} catch {
		ip = 'unknown';
	}
	return { ip, userAgent: event.request.headers.get('user-agent') ?? '' };
}
