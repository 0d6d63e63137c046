import type { PotokExtensions } from '../../bpmn/potok-extensions';
import type { Expression } from '../expression';

/**
 * The executable form of one process: built once per published definition and cached, so running
 * an instance never walks the model or parses an expression twice.
 */
export interface ExecutableDefinition {
	key: string;
	processId: string;
	version: number;
	root: ExecElement;
	elements: Map<string, ExecElement>;
	/** Start events of the process by trigger. */
	starts: { none?: ExecElement; message: ExecElement[]; timer: ExecElement[]; signal: ExecElement[] };
}

export type ElementKind =
	| 'process'
	| 'startEvent'
	| 'endEvent'
	| 'intermediateCatchEvent'
	| 'intermediateThrowEvent'
	| 'boundaryEvent'
	| 'userTask'
	| 'receiveTask'
	| 'immediateTask'
	| 'jobTask'
	| 'scriptTask'
	| 'exclusiveGateway'
	| 'parallelGateway'
	| 'inclusiveGateway'
	| 'eventBasedGateway'
	| 'subProcess'
	| 'eventSubProcess'
	| 'callActivity';

export type ExecEvent =
	| { type: 'none' }
	| { type: 'message'; name: string; correlationKey?: Expression }
	| { type: 'timer'; kind: 'duration' | 'date' | 'cycle'; value: string; expression?: Expression }
	| { type: 'signal'; name: string }
	| { type: 'error'; code?: string }
	| { type: 'escalation'; code?: string }
	| { type: 'terminate' };

export interface ExecFlow {
	id: string;
	target: ExecElement;
	condition?: Expression;
}

export type ExecLoop =
	| { kind: 'standard'; condition?: Expression; maximum?: number; testBefore: boolean }
	| {
			kind: 'multi';
			sequential: boolean;
			cardinality?: Expression;
			collection?: Expression;
			elementVariable?: string;
			completionCondition?: Expression;
	  };

export interface ExecElement {
	id: string;
	name?: string;
	type: string;
	kind: ElementKind;
	/** The containing process or subprocess; undefined for the process. */
	parent?: ExecElement;
	outgoing: ExecFlow[];
	incomingCount: number;
	defaultFlow?: ExecFlow;
	event: ExecEvent;
	/** Boundary events attached to this activity. */
	boundaries: ExecElement[];
	attachedTo?: ExecElement;
	interrupting: boolean;
	loop?: ExecLoop;
	/** Containers: the none start, event subprocesses and children. */
	noneStart?: ExecElement;
	eventSubProcesses: ExecElement[];
	children: ExecElement[];
	/** Event subprocess: its single start event. */
	trigger?: ExecElement;
	/** Inclusive joins: ids of the elements (same scope) from which this join can be reached. */
	upstream?: Set<string>;
	calledElement?: string;
	script?: { expression: Expression; resultVariable?: string };
	robot?: { type: string; retries: number; inputs: { name: string; value: Expression }[] };
	potok?: PotokExtensions;
}
