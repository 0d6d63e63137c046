import { UserError } from '../errors';
import { parseTrack } from '../processes/processes';

/** Reviews are of TO BE revisions: any other track in a review URL is a 404. */
export function reviewTrack(value: string | undefined): 'to_be' {
	const track = parseTrack(value);
	if (track !== 'to_be') throw new UserError('not_found');
	return track;
}
