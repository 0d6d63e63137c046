import { error, fail, type ActionFailure } from '@sveltejs/kit';
import { ZodError, type z } from 'zod';
import type { Locale } from '$lib/i18n';
import { UserError } from './errors';
import { describeError } from './messages';

export interface FormFailure {
	code: string;
	message: string;
	/** Field name → translated problem, for highlighting inputs. */
	fields: Record<string, string>;
	/** The submitted values (never passwords), to refill the form. */
	values?: Record<string, string>;
}

/** Reads a form into a plain object; repeated names (checkboxes) become arrays. */
export async function readForm(request: Request): Promise<Record<string, string | string[]>> {
	const data = await request.formData();
	const out: Record<string, string | string[]> = {};
	for (const key of new Set(data.keys())) {
		const all = data.getAll(key).filter((v): v is string => typeof v === 'string');
		out[key] = all.length > 1 || key.endsWith('[]') ? all : (all[0] ?? '');
	}
	for (const key of Object.keys(out)) {
		if (key.endsWith('[]')) {
			out[key.slice(0, -2)] = out[key]!;
			delete out[key];
		}
	}
	return out;
}

export function parseWith<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
	return schema.parse(input);
}

/**
 * Runs a form action body; a UserError or ZodError becomes `fail(status, …)`
 * with translated messages, anything else propagates as a server error.
 */
export async function formAction<T>(
	locale: Locale,
	run: () => Promise<T>,
	values?: Record<string, unknown>
): Promise<T | ActionFailure<FormFailure>> {
	try {
		return await run();
	} catch (e) {
		if (e instanceof UserError || e instanceof ZodError) {
			const { status, body } = describeError(e, locale);
			const fields: Record<string, string> = {};
			for (const d of body.details) fields[d.field] ??= d.message;
			const kept = values
				? Object.fromEntries(
						Object.entries(values).filter(([k, v]) => typeof v === 'string' && !/password/i.test(k))
					) as Record<string, string>
				: undefined;
			return fail(status, { code: body.code, message: body.message, fields, values: kept });
		}
		throw e;
	}
}

/**
 * Runs a page load: a UserError (e.g. `not_found`) becomes SvelteKit's error
 * page with that status instead of a 500.
 */
export async function pageData<T>(run: () => Promise<T>): Promise<T> {
	try {
		return await run();
	} catch (e) {
		if (e instanceof UserError) error(e.status, { message: e.code, code: e.code });
		throw e;
	}
}
