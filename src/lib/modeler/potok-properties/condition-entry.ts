import { h } from '@bpmn-io/properties-panel/preact';
import { SelectEntry, isSelectEntryEdited } from '@bpmn-io/properties-panel';
import { useService } from 'bpmn-js-properties-panel';
import type { ModdleElement } from 'bpmn-moddle';
import { findExtension, listOf, type DiagramElement } from './extension-elements';
import type PotokEditing from './PotokEditing';

type Translate = (text: string) => string;
const routingGateways = new Set(['bpmn:ExclusiveGateway', 'bpmn:InclusiveGateway']);
const outcomeCondition = /^=\s*outcome\s*=\s*"([^"]*)"\s*$/;

/** The outcomes of the stages right before the gateway this flow leaves; empty when it leaves none. */
export function precedingOutcomes(flow: DiagramElement): { key: string; label: string }[] {
	const gateway = flow.businessObject.sourceRef as ModdleElement | undefined;
	if (!gateway || !routingGateways.has(gateway.$type)) return [];
	return ((gateway.incoming as ModdleElement[] | undefined) ?? []).flatMap((incoming) => {
		const source = incoming.sourceRef as ModdleElement | undefined;
		const outcomes = source ? listOf(findExtension(source, 'potok:Outcomes'), 'outcomes') : [];
		return outcomes.map((o) => ({ key: String(o.key ?? ''), label: String(o.label ?? o.key ?? '') }));
	});
}

function OutcomeCondition({ element, id }: { element: DiagramElement; id: string }) {
	const editing = useService<PotokEditing>('potokEditing');
	const translate = useService<Translate>('translate');
	const body = () => String((element.businessObject.conditionExpression as ModdleElement | undefined)?.body ?? '');
	return h(SelectEntry, {
		element, id, label: translate('Route outcome'),
		getValue: () => outcomeCondition.exec(body())?.[1] ?? '',
		setValue: (key: string) => editing.setOutcomeCondition(element, key || undefined),
		getOptions: () => [{ value: '', label: '' }, ...precedingOutcomes(element).map((o) => ({ value: o.key, label: o.label }))]
	});
}

/** A pick-list of the previous stage's outcomes that writes the flow's condition. */
export function conditionEntry(element: DiagramElement) {
	return { id: 'potok-condition', component: OutcomeCondition, element, isEdited: isSelectEntryEdited };
}
