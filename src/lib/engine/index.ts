/**
 * The Potok engine: a durable, token-based BPMN runtime in pure TypeScript.
 *
 * ```ts
 * const parsed = await parseBpmn(xml);                       // src/lib/bpmn
 * const engine = new Engine({ store, clock });               // Store: see store.ts
 * const deployed = await engine.deploy(parsed.model);        // { ok: false, issues } names elements
 * const { value: instanceId } = await engine.startInstance({ processId: 'lead', variables });
 * await engine.completeTask({ instanceId, tokenId, variables, outcome: 'reached' }, actor);
 * await engine.correlateMessage({ name: 'payment.received', correlationKey: dealId, variables });
 * await engine.broadcastSignal('price.changed');
 * await engine.fireDueTimers();                              // or new Scheduler(engine, { robots }).start()
 * await engine.completeJob(jobId, variables);                // failJob, throwJobError
 * await engine.resolveIncident(instanceId, tokenId);         // cancelInstance(instanceId)
 * await engine.reevaluateTimers(instanceId, { record });     // a field an expression timer reads changed
 * ```
 *
 * Every command is one store transaction and returns the records it appended. Open user tasks,
 * timers, subscriptions and jobs are index rows the store keeps up to date from `apply`.
 */
export { Engine, type EngineOptions, type CommandResult } from './engine';
export { MemoryStore } from './memory-store';
export { Scheduler, RobotBusinessError, type RobotHandler, type SchedulerOptions } from './scheduler';
export { VirtualClock, realClock, type Clock } from './clock';
export { CommandError, type CommandErrorCode } from './command-error';
export { compileProcess, type CompileResult } from './compiler/compile-process';
export type { ExecutableDefinition, ExecElement } from './compiler/executable';
export type { InstanceState, Token, Wait } from './instance-state';
export type { EngineRecord, RecordInput, RecordEvent } from './records';
export type { DeployResult } from './commands/deploy';
export type { CorrelateResult } from './commands/correlate-message';
export * from './store';
