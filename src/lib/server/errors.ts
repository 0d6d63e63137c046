/**
 * One error taxonomy (STYLE.md rule 10). A UserError is bad input or a refused
 * action: it carries a stable code, an HTTP status and parameters; its message
 * is rendered in the person's language from `errors.<code>` in the i18n bundle.
 * Anything else that escapes is an unexpected error (500, logged).
 */
export const ERROR_STATUS = {
	validation: 400,
	unauthenticated: 401,
	invalid_credentials: 401,
	forbidden: 403,
	not_found: 404,
	conflict: 409,
	email_taken: 409,
	already_member: 409,
	last_owner: 409,
	invitation_invalid: 410,
	unprocessable: 422,
	diagram_invalid: 422,
	diagram_hostile: 400,
	too_large: 413,
	revision_conflict: 409,
	not_approved: 409,
	not_under_review: 409,
	already_decided: 409,
	throttled: 429,
	field_type_change: 409,
	system_field: 409,
	record_merged: 409,
	publish_refused: 422,
	nothing_to_publish: 422,
	field_conflict: 422,
	required_fields_missing: 422,
	move_not_allowed: 409,
	task_closed: 409,
	result_required: 422
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface FieldProblem {
	/** Dotted path of the offending field, e.g. `roles.0`. */
	field: string;
	message: string;
}

export class UserError extends Error {
	readonly status: number;
	constructor(
		readonly code: ErrorCode,
		readonly params: Record<string, string | number> = {},
		readonly details: FieldProblem[] = []
	) {
		super(`${code} ${JSON.stringify(params)}`);
		this.status = ERROR_STATUS[code];
	}
}
