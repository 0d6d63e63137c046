import { ZodError } from 'zod';
import { translator, type Locale } from '$lib/i18n';
import { UserError, type FieldProblem } from './errors';

export interface ErrorBody {
	code: string;
	message: string;
	details: FieldProblem[];
}

/** Turns zod issues into field problems whose message is an i18n key of `fieldErrors`. */
export function zodProblems(error: ZodError): FieldProblem[] {
	return error.issues.map((issue) => ({
		field: issue.path.join('.') || '(body)',
		message: /^[a-z_]+(:.*)?$/.test(issue.message)
			? issue.message
			: issue.code === 'invalid_type' && /received undefined$/.test(issue.message)
				? 'required'
				: 'invalid:' + issue.message
	}));
}

/** A UserError or ZodError as the JSON the API and the forms show, in the person's language. */
export function describeError(error: UserError | ZodError, locale: Locale): { status: number; body: ErrorBody } {
	const t = translator(locale);
	const userError = error instanceof ZodError ? new UserError('validation', {}, zodProblems(error)) : error;
	return {
		status: userError.status,
		body: {
			code: userError.code,
			message: t(`errors.${userError.code}`, userError.params) as string,
			details: userError.details.map((d) => ({ field: d.field, message: fieldMessage(d.message, locale) }))
		}
	};
}

/** `key` or `key:extra` → the translated field message (extra appended). */
export function fieldMessage(message: string, locale: Locale): string {
	const [key, ...rest] = message.split(':');
	const t = translator(locale);
	const text = t(`fieldErrors.${key}`, { defaultValue: '' }) as string;
	if (!text) return message;
	return rest.length ? `${text}: ${rest.join(':')}` : text;
}
