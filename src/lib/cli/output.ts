import type { RecordInput } from '../engine/records';

/** One line of `potok run` output. */
export interface OutputLine {
	seq: number;
	at: string;
	event: string;
	instance: string;
	element?: string;
	elementType?: string;
	message?: string;
}

/**
 * Turns an engine record into the CLI's JSON line, or undefined for records the CLI does not
 * print (flows taken, variables, jobs). Element events are printed as `activated`, `completed`,
 * `terminated`; instance and incident events keep their full name.
 */
export function toOutputLine(record: RecordInput, seq: number): OutputLine | undefined {
	const at = new Date(record.at).toISOString();
	switch (record.event) {
		case 'element.activated':
		case 'element.completed':
		case 'element.terminated':
			return {
				seq,
				at,
				instance: record.instance,
				element: record.element ?? '',
				elementType: record.elementType ?? '',
				event: record.event.slice('element.'.length)
			};
		case 'instance.completed':
		case 'instance.terminated':
			return { seq, at, event: record.event, instance: record.instance };
		case 'incident.created':
			return { seq, at, event: record.event, instance: record.instance, element: record.element ?? '', message: record.message ?? '' };
		default:
			return undefined;
	}
}
