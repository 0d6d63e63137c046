import type { ModdleElement } from 'bpmn-moddle';
import { createModdle } from '$lib/bpmn';
import type { PotokAssignment } from '$lib/bpmn';

/**
 * What a ТЗ needs from the XML beyond the process model: lanes (a lane's assignment is only a
 * default, and the document says so), which elements carry their own assignment, the BPMN
 * documentation text of each element («что происходит на стадии»), and every element's name
 * and kind so that a compare can name what was added or removed. Read raw, without validation.
 */
export interface DiagramExtras {
	/** The innermost lane of each flow node. */
	lanes: Map<string, LaneInfo>;
	/** Every lane by its own id. */
	laneRules: Map<string, LaneInfo>;
	/** Elements with a `potok:assignment` of their own. */
	ownAssignment: Set<string>;
	documentation: Map<string, string>;
	elements: Map<string, ElementSummary>;
}

export interface LaneInfo {
	name: string;
	assignment?: PotokAssignment;
}

export interface ElementSummary {
	type: string;
	name?: string;
	stage: boolean;
	/** For a sequence flow: its source and target ids. */
	ends?: { source: string; target: string };
}

/** Reads the extras of a BPMN document; throws if it is not BPMN XML. */
export async function readDiagramExtras(xml: string): Promise<DiagramExtras> {
	const { rootElement } = await createModdle().fromXML(xml, 'bpmn:Definitions');
	const extras: DiagramExtras = { lanes: new Map(), laneRules: new Map(), ownAssignment: new Set(), documentation: new Map(), elements: new Map() };
	for (const root of list(rootElement.rootElements)) {
		if (root.$type === 'bpmn:Process') readContainer(root, extras);
		if (root.$type === 'bpmn:Collaboration') {
			for (const participant of list(root.participants)) summarize(participant, extras);
		}
	}
	return extras;
}

function readContainer(container: ModdleElement, extras: DiagramExtras): void {
	for (const set of list(container.laneSets)) readLanes(set, extras);
	for (const element of list(container.flowElements)) {
		summarize(element, extras);
		if (extension(element, 'potok:Assignment')) extras.ownAssignment.add(element.id ?? '');
		readContainer(element, extras);
	}
}

function readLanes(laneSet: ModdleElement, extras: DiagramExtras): void {
	for (const lane of list(laneSet.lanes)) {
		summarize(lane, extras);
		const raw = extension(lane, 'potok:Assignment');
		const assignment = raw ? assignmentOf(raw) : undefined;
		const info: LaneInfo = { name: lane.name ?? lane.id ?? '', ...(assignment ? { assignment } : {}) };
		if (lane.id) extras.laneRules.set(lane.id, info);
		for (const ref of list(lane.flowNodeRef)) if (ref.id) extras.lanes.set(ref.id, info);
		// Child lanes come after their parent, so the innermost lane wins.
		const child = lane.childLaneSet as ModdleElement | undefined;
		if (child) readLanes(child, extras);
	}
}

function summarize(element: ModdleElement, extras: DiagramExtras): void {
	if (!element.id) return;
	const summary: ElementSummary = { type: element.$type, stage: extension(element, 'potok:Stage') !== undefined };
	if (element.name) summary.name = element.name;
	if (element.$type === 'bpmn:SequenceFlow') {
		summary.ends = { source: refId(element.sourceRef), target: refId(element.targetRef) };
	}
	extras.elements.set(element.id, summary);
	const text = list(element.documentation)
		.map((d) => (typeof d.text === 'string' ? d.text.trim() : ''))
		.filter((t) => t !== '')
		.join('\n');
	if (text) extras.documentation.set(element.id, text);
}

function assignmentOf(raw: ModdleElement): PotokAssignment | undefined {
	const type = raw.type;
	if (type !== 'user' && type !== 'group' && type !== 'round-robin' && type !== 'least-loaded' && type !== 'expression') return undefined;
	const out: PotokAssignment = { type };
	for (const key of ['user', 'group', 'expression'] as const) {
		const value = raw[key];
		if (typeof value === 'string' && value !== '') out[key] = value;
	}
	return out;
}

function extension(element: ModdleElement, type: string): ModdleElement | undefined {
	const ext = element.extensionElements as ModdleElement | undefined;
	return list(ext?.values).find((value) => value.$type === type);
}

function list(value: unknown): ModdleElement[] {
	return Array.isArray(value) ? (value as ModdleElement[]) : [];
}

function refId(ref: unknown): string {
	return (ref as ModdleElement | undefined)?.id ?? '';
}
