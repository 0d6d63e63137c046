import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { workspaceScope } from '$lib/server/access/guards';
import { formAction, pageData, readForm } from '$lib/server/forms';
import { createEntityType, listEntityTypes, requireEntityType } from '$lib/server/crm/entity-types';
import { createField, deleteField, listFields, reorderFields, updateField } from '$lib/server/crm/fields';
import { FIELD_TYPES } from '$lib/server/crm/field-types';
import { fieldViews } from '$lib/server/crm/views/field-views';
import { fieldFormOptions } from '$lib/server/crm/views/field-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const scope = workspaceScope({ locals, params });
	return pageData(async () => {
		const type = await requireEntityType(locals.db.db, scope.workspaceId, params.type);
		return { type, entityTypes: await listEntityTypes(locals.db, scope), fields: fieldViews(await listFields(locals.db, scope, type.key)), fieldTypes: FIELD_TYPES };
	});
};

const flag = (v: unknown) => v === 'on' || v === 'true';
const text = (v: unknown) => (typeof v === 'string' ? v : '');

export const actions: Actions = {
	create: async ({ request, locals, params }) => {
		const scope = workspaceScope({ locals, params });
		const form = await readForm(request);
		return formAction(
			locals.locale,
			async () => {
				const type = z.enum(FIELD_TYPES).parse(form.type);
				const options = fieldFormOptions([], form);
				const field = await createField(locals.db, scope, params.type, {
					key: text(form.key).trim() || undefined,
					label: text(form.label),
					type,
					multiple: flag(form.multiple),
					required: flag(form.required),
					...(type === 'enum' || type === 'multi-enum' ? { options } : {})
				});
				return { created: field.label };
			},
			form
		);
	},
	update: async ({ request, locals, params }) => {
		const scope = workspaceScope({ locals, params });
		const form = await readForm(request);
		return formAction(locals.locale, async () => {
			const key = z.string().min(1).parse(form.key);
			const current = (await listFields(locals.db, scope, params.type)).find((f) => f.key === key);
			if (!current) throw new z.ZodError([{ code: 'custom', path: ['key'], message: 'invalid', input: key }]);
			const type = current.system ? current.type : z.enum(FIELD_TYPES).parse(form.type ?? current.type);
			const field = await updateField(locals.db, scope, params.type, key, {
				label: text(form.label),
				required: flag(form.required),
				...(current.system ? {} : { type, multiple: flag(form.multiple) }),
				...(type === 'enum' || type === 'multi-enum' ? { options: fieldFormOptions(current.options, form) } : {})
			});
			return { updated: field.label, key };
		});
	},
	/** One field a step up or down (`key`, `dir`), or the complete new order (`keys`, every key once) from a drag. */
	move: async ({ request, locals, params }) => {
		const scope = workspaceScope({ locals, params });
		const form = await readForm(request);
		return formAction(locals.locale, async () => {
			if (form.keys !== undefined) {
				const { keys } = z.object({ keys: z.array(z.string().min(1)).min(1) }).parse({ keys: typeof form.keys === 'string' ? [form.keys] : form.keys });
				await reorderFields(locals.db, scope, params.type, keys);
				return { ordered: true };
			}
			const { key, dir } = z.object({ key: z.string().min(1), dir: z.enum(['up', 'down']) }).parse(form);
			const keys = (await listFields(locals.db, scope, params.type)).map((f) => f.key);
			const at = keys.indexOf(key);
			const to = dir === 'up' ? at - 1 : at + 1;
			if (at >= 0 && to >= 0 && to < keys.length) {
				[keys[at], keys[to]] = [keys[to]!, keys[at]!];
				await reorderFields(locals.db, scope, params.type, keys);
			}
			return { moved: key };
		});
	},
	remove: async ({ request, locals, params }) => {
		const scope = workspaceScope({ locals, params });
		const form = await readForm(request);
		return formAction(locals.locale, async () => {
			await deleteField(locals.db, scope, params.type, z.string().min(1).parse(form.key));
			return { deleted: true };
		});
	},
	createType: async ({ request, locals, params }) => {
		const scope = workspaceScope({ locals, params });
		const form = await readForm(request);
		const result = await formAction(locals.locale, async () => ({ type: await createEntityType(locals.db, scope, text(form.name)) }), form);
		if ('type' in result) redirect(303, `/w/${scope.workspaceId}/settings/fields/${result.type.key}`);
		return result;
	}
};
