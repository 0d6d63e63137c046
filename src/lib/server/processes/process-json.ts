import type { ProcessSummary, TrackStatus } from './processes';
import type { RevisionInfo } from './revisions';

const trackJson = (t: TrackStatus) => ({ latest: t.latest, savedAt: t.savedAt?.toISOString() ?? null, savedBy: t.savedBy });

/** A process as the API shows it. */
export function processJson(p: ProcessSummary) {
	return {
		id: p.id,
		name: p.name,
		description: p.description,
		entityType: p.entityType,
		createdAt: p.createdAt.toISOString(),
		tracks: { as_is: trackJson(p.tracks.as_is), to_be: trackJson(p.tracks.to_be) }
	};
}

/** A revision as the API shows it (without its XML). */
export function revisionJson(r: RevisionInfo) {
	return {
		revision: r.number,
		track: r.track,
		sha256: r.sha256,
		message: r.message,
		author: r.author,
		createdAt: r.createdAt.toISOString(),
		base: r.baseNumber,
		restoredFrom: r.restoredFrom,
		copiedFrom: r.copiedFrom
	};
}
