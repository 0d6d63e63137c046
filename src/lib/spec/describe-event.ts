import type { ElementModel } from '$lib/bpmn';
import { routeOnward } from './describe-route';
import { eventWhenWords } from './describe-time';
import type { SpecContext } from './spec-context';
import type { SpecEvent, SpecEventKind } from './spec-document';

export type EventRole = 'boundary' | 'wait' | 'start';

/**
 * A timer or trigger as one sentence: what it is, when it happens, whether it interrupts the
 * stage it sits on, and where it leads — «Таймер «За час до встречи»: за 1 час до «Дата
 * встречи», стадия продолжается → робот «Напомнить клиенту»». Also returns the robots the event
 * leads to, so the stage can list them.
 */
export function describeEvent(element: ElementModel, role: EventRole, ctx: SpecContext, stage?: ElementModel): { event: SpecEvent; robots: string[] } {
	const e = ctx.m.event;
	const kind = eventKind(element);
	const name = element.name;
	const subject =
		role === 'start' ? e.start(name)
		: role === 'wait' ? e.wait(name)
		: kind === 'timer' ? e.timer(name)
		: kind === 'message' ? e.trigger(name)
		: kind === 'signal' ? e.signal(name)
		: kind === 'error' ? e.error(name)
		: kind === 'escalation' ? e.escalation(name)
		: e.conditional(name);
	const when = eventWhenWords(element, ctx, role === 'boundary');
	const effect = role === 'boundary' ? (element.cancelActivity === false ? e.nonInterrupting : e.interrupting) : undefined;
	const route = routeOnward(element, ctx, new Set(), stage);
	return {
		event: { id: element.id, kind, text: e.sentence(subject, when, effect, route.text || ctx.m.to.nowhere) },
		robots: route.robots
	};
}

function eventKind(element: ElementModel): SpecEventKind {
	const definition = element.eventDefinitions?.[0];
	if (!definition) return element.type === 'bpmn:ReceiveTask' ? 'message' : 'start';
	switch (definition.type) {
		case 'timer':
		case 'message':
		case 'signal':
		case 'error':
		case 'escalation':
			return definition.type;
		default:
			return 'conditional';
	}
}
