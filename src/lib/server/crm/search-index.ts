import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../db';
import { crmRecordEmails, crmRecordPhones, crmRecords } from '../db/schema';
import type { FieldDefinition } from './field-definition';
import { companyNameKey, normaliseText, personNameKey } from './names';

/**
 * What a record's title and values contribute to search and duplicate
 * control: its lower-cased search text, its name key, its phones and e-mails
 * (already normalised by validation), and the mirrored amount.
 */
export interface SearchColumns {
	searchText: string;
	dedupName: string | null;
	amount: number | null;
	currency: string | null;
	phones: string[];
	emails: string[];
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
const list = (v: unknown): unknown[] => (v === null || v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** The name key duplicates are matched on, by entity type: people for leads and contacts, the company name for companies. */
export function dedupNameOf(typeKey: string, title: string, values: Record<string, unknown>): string | null {
	const person = personNameKey(str(values.last_name), str(values.name), str(values.second_name));
	switch (typeKey) {
		case 'lead':
			return person;
		case 'contact':
			return person ?? personNameKey(title);
		case 'company':
			return companyNameKey(title);
		default:
			return null;
	}
}

export function searchColumns(typeKey: string, fields: readonly FieldDefinition[], title: string, values: Record<string, unknown>): SearchColumns {
	const phones = new Set<string>();
	const emails = new Set<string>();
	for (const field of fields) {
		if (field.type === 'phone') for (const p of list(values[field.key])) if (typeof p === 'string') phones.add(p);
		if (field.type === 'email') for (const e of list(values[field.key])) if (typeof e === 'string') emails.add(e);
	}
	const text = [title, values.last_name, values.name, values.second_name, values.company_title].map(str).filter(Boolean).join(' ');
	const money = values.amount as { amount?: unknown; currency?: unknown } | null | undefined;
	const amountField = fields.find((f) => f.key === 'amount' && f.type === 'money');
	return {
		searchText: normaliseText(text),
		dedupName: dedupNameOf(typeKey, title, values),
		amount: amountField && typeof money?.amount === 'number' ? money.amount : null,
		currency: amountField && typeof money?.currency === 'string' ? money.currency : null,
		phones: [...phones],
		emails: [...emails]
	};
}

/** Replaces a record's phone and e-mail rows. */
export async function writeSearchRows(tx: Tx, record: { id: string; workspaceId: string; entityTypeId: string }, columns: Pick<SearchColumns, 'phones' | 'emails'>): Promise<void> {
	await tx.delete(crmRecordPhones).where(eq(crmRecordPhones.recordId, record.id));
	await tx.delete(crmRecordEmails).where(eq(crmRecordEmails.recordId, record.id));
	const base = { recordId: record.id, workspaceId: record.workspaceId, entityTypeId: record.entityTypeId };
	if (columns.phones.length > 0) await tx.insert(crmRecordPhones).values(columns.phones.map((phone) => ({ ...base, phone })));
	if (columns.emails.length > 0) await tx.insert(crmRecordEmails).values(columns.emails.map((email) => ({ ...base, email })));
}

/** Recomputes search columns and rows for the given records (or every record of the type) after a field changed. */
export async function rebuildSearch(tx: Tx, workspaceId: string, type: { id: string; key: string }, fields: readonly FieldDefinition[], recordIds?: string[]): Promise<void> {
	const rows = await tx
		.select({ id: crmRecords.id, title: crmRecords.title, values: crmRecords.fieldValues, mergedInto: crmRecords.mergedInto })
		.from(crmRecords)
		.where(and(eq(crmRecords.workspaceId, workspaceId), eq(crmRecords.entityTypeId, type.id), recordIds ? inArray(crmRecords.id, recordIds) : undefined));
	for (const row of rows) {
		const { phones, emails, ...set } = searchColumns(type.key, fields, row.title, row.values);
		await tx.update(crmRecords).set(set).where(eq(crmRecords.id, row.id));
		// A merged-away record keeps its values but leaves search and duplicate control.
		const live = row.mergedInto === null;
		await writeSearchRows(tx, { id: row.id, workspaceId, entityTypeId: type.id }, live ? { phones, emails } : { phones: [], emails: [] });
	}
}
