import type { ModdleElement } from 'bpmn-moddle';
import { findExtension, listOf } from './extension-elements';

/**
 * A timer that fires relative to a datetime field of the driven record, e.g. one hour before the
 * meeting. It is stored as a plain BPMN `timeDate` holding a FEEL expression over `record.<key>`
 * (DESIGN: `=record.meeting_at - duration("PT1H")`), so other tools still read a valid timer.
 */
export interface RelativeTimer {
	field: string;
	direction: 'before' | 'after' | 'at';
	/** ISO 8601 duration; ignored when `direction` is `at`. */
	offset: string;
}

export const timerDirections = ['before', 'after', 'at'] as const;

/** Field keys that are plain FEEL names (a `-` or `.` in a key would not read as `record.<key>`). */
const feelName = /^[A-Za-z_]\w*$/;
const relative = /^=\s*record\.([A-Za-z_]\w*)\s*(?:([+-])\s*duration\(\s*"([^"]*)"\s*\))?\s*$/;
const isoDuration = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/;

/** Whether `text` is an ISO 8601 duration such as `PT1H` or `P1DT12H`. */
export function isIsoDuration(text: string): boolean {
	return isoDuration.test(text);
}

/** The FEEL expression for a relative timer. */
export function formatRelativeTimer(timer: RelativeTimer): string {
	if (timer.direction === 'at') return `=record.${timer.field}`;
	return `=record.${timer.field} ${timer.direction === 'before' ? '-' : '+'} duration("${timer.offset}")`;
}

/** Reads a timer expression back; undefined when it is not one `formatRelativeTimer` writes. */
export function parseRelativeTimer(body: string | undefined): RelativeTimer | undefined {
	const match = body === undefined ? null : relative.exec(body);
	if (!match) return undefined;
	const [, field = '', sign, offset] = match;
	if (!sign) return { field, direction: 'at', offset: '' };
	return { field, direction: sign === '-' ? 'before' : 'after', offset: offset ?? '' };
}

/** The element's timer event definition, if it is a timer event. */
export function timerDefinition(bo: ModdleElement): ModdleElement | undefined {
	const definitions = (bo.eventDefinitions as ModdleElement[] | undefined) ?? [];
	return definitions.find((definition) => definition.$type === 'bpmn:TimerEventDefinition');
}

/** The datetime fields declared on any stage of the diagram, once per key, in diagram order. */
export function datetimeFields(businessObjects: ModdleElement[]): { key: string; label: string }[] {
	const seen = new Map<string, string>();
	for (const bo of businessObjects) {
		for (const field of listOf(findExtension(bo, 'potok:Fields'), 'fields')) {
			const key = String(field.key ?? '');
			if (field.type !== 'datetime' || !feelName.test(key) || seen.has(key)) continue;
			seen.set(key, String(field.label ?? '') || key);
		}
	}
	return [...seen].map(([key, label]) => ({ key, label }));
}
