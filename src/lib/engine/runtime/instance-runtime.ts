import type { ExecElement, ExecutableDefinition } from '../compiler/executable';
import type { VariableSource } from '../expression';
import type { InstanceState, Token, TokenStatus } from '../instance-state';
import type { RecordEvent, RecordInput } from '../records';
import type { InstanceRow } from '../store';
import type { UnitOfWork } from './unit-of-work';

/**
 * One instance loaded into a command: its state, its compiled definition and the agenda of
 * tokens queued for activation. Processors and behaviors change the state only through it.
 */
export class InstanceRuntime {
	readonly agenda: Token[] = [];
	steps = 0;
	/** Whether this command changed the instance (it produced a record). */
	dirty = false;
	/** Index keys and signatures when loaded, to compute what to write. */
	readonly indexBefore: Map<string, string>;

	constructor(
		readonly uow: UnitOfWork,
		readonly state: InstanceState,
		readonly def: ExecutableDefinition,
		readonly row: InstanceRow | undefined,
		indexBefore: Map<string, string>
	) {
		this.indexBefore = indexBefore;
	}

	get id(): string {
		return this.state.id;
	}

	get now(): number {
		return this.uow.now;
	}

	element(token: Token): ExecElement {
		if (token.p === 0) return this.def.root;
		const element = this.def.elements.get(token.el);
		if (!element) throw new Error(`Expected element ${token.el} in ${this.def.key}, but it is not there`);
		return element;
	}

	token(id: number): Token | undefined {
		for (const t of this.state.tokens) if (t.id === id) return t;
		return undefined;
	}

	parent(token: Token): Token | undefined {
		return token.p === 0 ? undefined : this.token(token.p);
	}

	children(scopeId: number): Token[] {
		return this.state.tokens.filter((t) => t.p === scopeId);
	}

	hasChildren(scopeId: number): boolean {
		for (const t of this.state.tokens) if (t.p === scopeId) return true;
		return false;
	}

	createToken(element: string, scope: number, status: TokenStatus): Token {
		const token: Token = { id: this.state.next++, el: element, p: scope, s: status, at: this.now };
		this.state.tokens.push(token);
		return token;
	}

	/** Creates a token and queues it for activation. */
	queue(element: string, scope: number, arrivedBy?: string): Token {
		const token = this.createToken(element, scope, 'q');
		if (arrivedBy) token.in = arrivedBy;
		this.agenda.push(token);
		return token;
	}

	removeToken(token: Token): void {
		const i = this.state.tokens.indexOf(token);
		if (i >= 0) this.state.tokens.splice(i, 1);
	}

	record(event: RecordEvent, token?: Token, extra?: Partial<RecordInput>): void {
		this.dirty = true;
		const record: RecordInput = { at: this.now, instance: this.state.id, event };
		if (token) {
			const element = this.element(token);
			record.element = element.id;
			record.elementType = element.loop?.kind === 'multi' && !token.it ? 'bpmn:MultiInstanceBody' : element.type;
			record.token = token.id;
		}
		if (this.uow.actor) record.actor = this.uow.actor;
		this.uow.records.push(extra ? Object.assign(record, extra) : record);
	}

	recordFlow(flowId: string): void {
		this.dirty = true;
		this.uow.records.push({ at: this.now, instance: this.state.id, event: 'flow.taken', element: flowId });
	}

	/** The variables visible from a token: its own scope, then each enclosing one. */
	vars(token: Token): VariableSource {
		const chain: Record<string, unknown>[] = [];
		for (let t: Token | undefined = token; t; t = this.parent(t)) if (t.v) chain.push(t.v);
		return {
			get: (name) => {
				for (const scope of chain) if (name in scope) return scope[name];
				return undefined;
			},
			toObject: () => Object.assign({}, ...chain.slice().reverse())
		};
	}

	/** Sets variables where they are already defined (nearest scope first), otherwise on the process. */
	setVariables(token: Token, variables: Record<string, unknown>, recordOn?: Token): void {
		const names = Object.keys(variables);
		if (names.length === 0) return;
		const root = this.token(1);
		if (!root) return;
		for (const name of names) {
			let target: Token = root;
			for (let t: Token | undefined = token; t; t = this.parent(t)) {
				if (t.v && name in t.v) {
					target = t;
					break;
				}
			}
			(target.v ??= {})[name] = variables[name];
		}
		this.record('variables.changed', recordOn ?? token, { variables });
	}
}
