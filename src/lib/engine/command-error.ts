/** A command that cannot be applied as asked (a user error): nothing was changed. */
export type CommandErrorCode =
	| 'definition-not-found'
	| 'no-none-start'
	| 'instance-not-found'
	| 'instance-not-active'
	| 'task-not-found'
	| 'task-already-completed'
	| 'task-has-incident'
	| 'invalid-outcome'
	| 'missing-field'
	| 'job-not-found'
	| 'incident-not-found'
	| 'model-invalid';

export class CommandError extends Error {
	constructor(
		readonly code: CommandErrorCode,
		message: string
	) {
		super(message);
	}
}
