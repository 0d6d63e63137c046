import type { Tx } from '../../db';
import { requireEntityType } from '../../crm/entity-types';
import { isColumnField } from '../../crm/field-keys';
import { loadFields } from '../../crm/fields';
import { linkRecordsTx } from '../../crm/links';
import { defaultTitle } from '../../crm/record-title';
import type { CrmRecord } from '../../crm/record-read';
import { createRecordInPipelineTx } from '../record-start';
import { createdRecords, flag, missing, prefixed, requireRecord, requireText, robotTimeline, type Robot, type RobotRun } from './robot';

/**
 * Converts a lead into a contact, a company and a deal in a chosen `pipeline`
 * (its process starts for the deal). Values are mapped by key — every field
 * the target type has under the same key as the lead — and `deal.<key>`,
 * `contact.<key>`, `company.<key>` inputs set or override them. A contact is
 * made when the lead names a person or a phone or e-mail (`contact=false`
 * skips it), a company when it names one (`company_title`, or
 * `company.title`). The targets' required fields are checked as on any create,
 * so a missing one stops the robot with the field named. Everything is linked:
 * deal → contact and company, contact → company, lead → all three.
 */
export const convertRecordRobot: Robot = {
	check: (inputs) => missing(inputs, 'pipeline'),
	async run(run) {
		const lead = requireRecord(run);
		const { w, job } = run;
		const mapped = async (type: string, overrides: Record<string, unknown>) => mapValues(w.tx, w.workspaceId, type, lead, overrides);

		const contactInput = prefixed(job, 'contact');
		const companyInput = prefixed(job, 'company');
		const dealInput = prefixed(job, 'deal');
		const v = lead.values;
		const namesPerson = ['last_name', 'name', 'second_name', 'phone', 'email'].some((k) => v[k] !== undefined) || contactInput.title !== undefined;
		const namesCompany = typeof v.company_title === 'string' || companyInput.title !== undefined;

		const create = async (type: string, title: string | undefined, values: Record<string, unknown>, pipeline?: string) => {
			const created = await createRecordInPipelineTx(w, { workspaceId: w.workspaceId, userId: null }, { type, title, pipeline: pipeline ?? null, responsibleId: lead.responsibleId, values });
			return created.mergedInto ?? created.id;
		};

		let companyId: string | null = null;
		if (flag(job, 'company', true) && namesCompany) {
			const { title, ...values } = { ...(await mapped('company', {})), ...companyInput };
			companyId = await create('company', String(title ?? v.company_title), values);
		}
		let contactId: string | null = null;
		if (flag(job, 'contact', true) && namesPerson) {
			const { title, ...values } = { ...(await mapped('contact', {})), ...contactInput };
			contactId = await create('contact', title === undefined ? defaultTitle('contact', values) || lead.title : String(title), values);
		}
		const { title: dealTitle, ...dealValues } = { ...(await mapped('deal', {})), ...dealInput };
		const dealId = await create('deal', String(dealTitle ?? lead.title), dealValues, requireText(job, 'pipeline'));

		const link = (a: string, b: string) => linkRecordsTx(w.tx, w.workspaceId, a, b, null, run.at);
		if (contactId) await link(dealId, contactId);
		if (companyId) await link(dealId, companyId);
		if (contactId && companyId) await link(contactId, companyId);
		for (const id of [dealId, contactId, companyId]) if (id) await link(lead.id, id);
		await robotTimeline(run as RobotRun, { deal: dealId, contact: contactId, company: companyId, createdItems: await createdRecords(run, [dealId, contactId, companyId]) });
		return { dealId, contactId, companyId };
	}
};

/** The lead's values under the keys the target type also has (not its title or people columns). */
async function mapValues(tx: Tx, workspaceId: string, type: string, lead: CrmRecord, overrides: Record<string, unknown>): Promise<Record<string, unknown>> {
	const target = await requireEntityType(tx, workspaceId, type, tx);
	const fields = await loadFields(tx, target.id);
	const out: Record<string, unknown> = {};
	for (const field of fields) {
		if (isColumnField(field.key) || field.key === 'title') continue;
		const value = lead.values[field.key];
		if (value !== undefined && value !== null) out[field.key] = value;
	}
	return { ...out, ...overrides };
}
