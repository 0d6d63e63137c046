/**
 * A generated diagram for the modeler benchmark: `nodes` flow nodes in rows of 20 (a start event,
 * then tasks, user tasks that are Potok stages with a datetime field and an outcome, exclusive
 * gateways routing that outcome, and timer events in turn, and an end event), chained by sequence
 * flows, all with DI. Rows snake left to right and back. Lint finds only the single-path gateways.
 */
export interface GeneratedDiagram {
	xml: string;
	shapes: number;
	connections: number;
}

const perRow = 20;
const column = 160;
const row = 140;

type Kind = 'startEvent' | 'endEvent' | 'task' | 'userTask' | 'exclusiveGateway' | 'intermediateCatchEvent';
const size: Record<Kind, [number, number]> = {
	startEvent: [36, 36],
	endEvent: [36, 36],
	intermediateCatchEvent: [36, 36],
	exclusiveGateway: [50, 50],
	task: [100, 80],
	userTask: [100, 80]
};
const cycle: Kind[] = ['task', 'userTask', 'exclusiveGateway', 'task', 'intermediateCatchEvent'];

function kindOf(index: number, nodes: number): Kind {
	if (index === 0) return 'startEvent';
	if (index === nodes - 1) return 'endEvent';
	return cycle[index % cycle.length]!;
}

function body(kind: Kind, index: number, nodes: number): string {
	const id = `n${index}`;
	const flows = `${index > 0 ? `<incoming>f${index - 1}</incoming>` : ''}${index < nodes - 1 ? `<outgoing>f${index}</outgoing>` : ''}`;
	if (kind === 'userTask') {
		return `<userTask id="${id}" name="Этап ${index}"><extensionElements><potok:stage /><potok:fields><potok:field key="f${index}" label="Поле ${index}" type="datetime" required="true" /></potok:fields><potok:outcomes><potok:outcome key="ok" label="Готово" /></potok:outcomes></extensionElements>${flows}</userTask>`;
	}
	if (kind === 'intermediateCatchEvent') {
		return `<intermediateCatchEvent id="${id}" name="Ждать ${index}">${flows}<timerEventDefinition><timeDuration xsi:type="tFormalExpression">PT1H</timeDuration></timerEventDefinition></intermediateCatchEvent>`;
	}
	return `<${kind} id="${id}" name="${kind === 'exclusiveGateway' ? 'Решение' : 'Шаг'} ${index}">${flows}</${kind}>`;
}

export function generateDiagram(nodes = 1_000): GeneratedDiagram {
	const semantic: string[] = [];
	const shapes: string[] = [];
	const edges: string[] = [];
	const centre: { x: number; y: number; w: number; h: number }[] = [];
	for (let i = 0; i < nodes; i++) {
		const kind = kindOf(i, nodes);
		const [w, h] = size[kind];
		const r = Math.floor(i / perRow);
		const c = r % 2 === 0 ? i % perRow : perRow - 1 - (i % perRow);
		const x = 100 + c * column + (100 - w) / 2;
		const y = 100 + r * row + (80 - h) / 2;
		centre.push({ x: x + w / 2, y: y + h / 2, w, h });
		semantic.push(body(kind, i, nodes));
		shapes.push(`<bpmndi:BPMNShape id="n${i}_di" bpmnElement="n${i}"><dc:Bounds x="${x}" y="${y}" width="${w}" height="${h}" /></bpmndi:BPMNShape>`);
	}
	for (let i = 0; i < nodes - 1; i++) {
		const a = centre[i]!;
		const b = centre[i + 1]!;
		const routed = kindOf(i, nodes) === 'exclusiveGateway' ? '<conditionExpression xsi:type="tFormalExpression">=outcome = "ok"</conditionExpression>' : '';
		semantic.push(`<sequenceFlow id="f${i}"${routed ? ' name="Готово"' : ''} sourceRef="n${i}" targetRef="n${i + 1}">${routed}</sequenceFlow>`);
		const sameRow = Math.abs(a.y - b.y) < 1;
		const points = sameRow
			? [[a.x + Math.sign(b.x - a.x) * (a.w / 2), a.y], [b.x - Math.sign(b.x - a.x) * (b.w / 2), b.y]]
			: [[a.x, a.y + a.h / 2], [b.x, b.y - b.h / 2]];
		edges.push(`<bpmndi:BPMNEdge id="f${i}_di" bpmnElement="f${i}">${points.map(([x, y]) => `<di:waypoint x="${x}" y="${y}" />`).join('')}</bpmndi:BPMNEdge>`);
	}
	const xml = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:potok="https://potok.dev/schema/bpmn/1.0" id="bench_definitions" targetNamespace="https://potok.dev/bench">
  <process id="bench" isExecutable="true">
    ${semantic.join('\n    ')}
  </process>
  <bpmndi:BPMNDiagram id="bench_di"><bpmndi:BPMNPlane id="bench_plane" bpmnElement="bench">
    ${[...shapes, ...edges].join('\n    ')}
  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</definitions>`;
	return { xml, shapes: nodes, connections: nodes - 1 };
}
