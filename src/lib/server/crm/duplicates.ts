import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../db';
import { crmEntityTypes, crmLinks, crmRecordEmails, crmRecordPhones, crmRecords } from '../db/schema';
import type { WorkspaceScope } from '../access/scope';
import type { Reader } from './db-types';
import { requireEntityType } from './entity-types';
import { companyNameKey } from './names';
import { loadRecords, requireVisibleRecord, type CrmRecord } from './record-read';
import { canSeeRecord } from './record-scope';

/**
 * Duplicate control, per entity type: records that share a normalised phone,
 * a normalised e-mail, or a name — people's names for leads and contacts
 * (word order ignored), the company name (legal form ignored) for companies.
 * A name match between two records that both name a company counts only when
 * the company is the same (a contact's linked companies, a lead's company name).
 */
export type DuplicateCriterion = 'phone' | 'email' | 'name';

export interface DuplicateCandidate {
	id: string;
	/** Null when the person may not see the record (the card still warns). */
	title: string | null;
	matchedBy: DuplicateCriterion[];
	createdAt: Date;
	visible: boolean;
}

const CANDIDATE_LIMIT = 50;

/** The company of each record as duplicate control compares it: linked company ids for contacts, the company name for leads. */
async function companyKeys(db: Reader, records: readonly Pick<CrmRecord, 'id' | 'type' | 'values'>[]): Promise<Map<string, Set<string>>> {
	const keys = new Map<string, Set<string>>(records.map((r) => [r.id, new Set<string>()]));
	for (const r of records) {
		if (r.type === 'lead') {
			const key = companyNameKey(typeof r.values.company_title === 'string' ? r.values.company_title : null);
			if (key) keys.get(r.id)!.add(key);
		}
	}
	const contacts = records.filter((r) => r.type === 'contact').map((r) => r.id);
	if (contacts.length > 0) {
		const links = await db
			.select({ fromId: crmLinks.fromId, toId: crmLinks.toId })
			.from(crmLinks)
			.innerJoin(crmRecords, eq(crmRecords.id, crmLinks.toId))
			.innerJoin(crmEntityTypes, eq(crmEntityTypes.id, crmRecords.entityTypeId))
			.where(and(inArray(crmLinks.fromId, contacts), eq(crmEntityTypes.key, 'company')));
		for (const l of links) keys.get(l.fromId)!.add(l.toId);
	}
	return keys;
}

const sameCompanyOrUnknown = (a: Set<string>, b: Set<string>) => a.size === 0 || b.size === 0 || [...a].some((k) => b.has(k));

/** Candidate duplicates of a stored record, strongest (phone, e-mail) first, then oldest first. */
export async function findDuplicatesOf(db: Reader, workspaceId: string, recordId: string, scope?: Pick<WorkspaceScope, 'roles' | 'userId'>): Promise<DuplicateCandidate[]> {
	const matched = new Map<string, Set<DuplicateCriterion>>();
	const add = (id: string, by: DuplicateCriterion) => matched.set(id, (matched.get(id) ?? new Set()).add(by));

	const phones = await db.all<{ id: string }>(sql`select distinct other.record_id as id from ${crmRecordPhones} mine
		join ${crmRecordPhones} other on other.workspace_id = mine.workspace_id and other.entity_type_id = mine.entity_type_id and other.phone = mine.phone
		where mine.record_id = ${recordId} and other.record_id <> ${recordId} limit ${CANDIDATE_LIMIT}`);
	phones.forEach((r) => add(r.id, 'phone'));
	const emails = await db.all<{ id: string }>(sql`select distinct other.record_id as id from ${crmRecordEmails} mine
		join ${crmRecordEmails} other on other.workspace_id = mine.workspace_id and other.entity_type_id = mine.entity_type_id and other.email = mine.email
		where mine.record_id = ${recordId} and other.record_id <> ${recordId} limit ${CANDIDATE_LIMIT}`);
	emails.forEach((r) => add(r.id, 'email'));
	const names = await db.all<{ id: string }>(sql`select other.id as id from ${crmRecords} mine
		join ${crmRecords} other on other.workspace_id = mine.workspace_id and other.entity_type_id = mine.entity_type_id and other.dedup_name = mine.dedup_name
		where mine.id = ${recordId} and mine.workspace_id = ${workspaceId} and other.id <> mine.id and other.merged_into is null limit ${CANDIDATE_LIMIT}`);

	if (matched.size === 0 && names.length === 0) return [];
	const records = await loadRecords(db, workspaceId, [recordId, ...matched.keys(), ...names.map((n) => n.id)]);
	const byId = new Map(records.map((r) => [r.id, r]));
	const self = byId.get(recordId);
	if (!self) return [];
	if (names.length > 0) {
		const companies = await companyKeys(db, records);
		for (const n of names) if (sameCompanyOrUnknown(companies.get(recordId)!, companies.get(n.id)!)) add(n.id, 'name');
	}
	const order: DuplicateCriterion[] = ['phone', 'email', 'name'];
	return [...matched.entries()]
		.map(([id, by]) => ({ record: byId.get(id), by }))
		.filter((c): c is { record: CrmRecord; by: Set<DuplicateCriterion> } => c.record !== undefined && c.record.mergedInto === null && c.record.entityTypeId === self.entityTypeId)
		.map(({ record, by }) => {
			const visible = !scope || canSeeRecord(scope, record);
			return { id: record.id, title: visible ? record.title : null, matchedBy: order.filter((o) => by.has(o)), createdAt: record.createdAt, visible };
		})
		.sort((a, b) => Number(a.matchedBy[0] === 'name') - Number(b.matchedBy[0] === 'name') || a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
}

/** The card's warning: candidate duplicates of a record the person can see. */
export async function findRecordDuplicates(database: Database, scope: WorkspaceScope, recordId: string): Promise<DuplicateCandidate[]> {
	await requireVisibleRecord(database.db, scope, recordId);
	return findDuplicatesOf(database.db, scope.workspaceId, recordId, scope);
}

export interface DuplicateGroup {
	matchedBy: DuplicateCriterion[];
	/** The shared phone, e-mail or name key, per criterion. */
	values: Partial<Record<DuplicateCriterion, string>>;
	records: { id: string; title: string; createdAt: Date; responsibleId: string | null }[];
}

/**
 * The duplicates list of an entity type: groups of live records sharing a
 * phone, an e-mail or a name. Only records the person can see are listed;
 * the same set of records found by several criteria is one group.
 */
export async function listDuplicateGroups(database: Database, scope: WorkspaceScope, typeKey: string, options: { limit?: number } = {}): Promise<DuplicateGroup[]> {
	const db = database.db;
	const type = await requireEntityType(db, scope.workspaceId, typeKey);
	const limit = Math.min(Math.max(options.limit ?? 100, 1), 500);
	const raw: { by: DuplicateCriterion; value: string; ids: string[] }[] = [];
	const collect = (by: DuplicateCriterion, rows: { value: string; ids: string }[]) => rows.forEach((r) => raw.push({ by, value: r.value, ids: r.ids.split(',') }));
	collect('phone', await db.all(sql`select phone as value, group_concat(record_id) as ids from ${crmRecordPhones}
		where workspace_id = ${scope.workspaceId} and entity_type_id = ${type.id} group by phone having count(*) > 1 limit ${limit}`));
	collect('email', await db.all(sql`select email as value, group_concat(record_id) as ids from ${crmRecordEmails}
		where workspace_id = ${scope.workspaceId} and entity_type_id = ${type.id} group by email having count(*) > 1 limit ${limit}`));
	collect('name', await db.all(sql`select dedup_name as value, group_concat(id) as ids from ${crmRecords}
		where workspace_id = ${scope.workspaceId} and entity_type_id = ${type.id} and dedup_name is not null and merged_into is null
		group by dedup_name having count(*) > 1 limit ${limit}`));

	const records = new Map((await loadRecords(db, scope.workspaceId, [...new Set(raw.flatMap((g) => g.ids))])).map((r) => [r.id, r]));
	const companies = await companyKeys(db, [...records.values()].filter((r) => raw.some((g) => g.by === 'name' && g.ids.includes(r.id))));
	const groups = new Map<string, DuplicateGroup>();
	for (const g of raw) {
		let sets = [g.ids];
		if (g.by === 'name') sets = splitByCompany(g.ids, companies);
		for (const ids of sets) {
			const visible = ids.map((id) => records.get(id)).filter((r): r is CrmRecord => !!r && r.mergedInto === null && canSeeRecord(scope, r));
			if (visible.length < 2) continue;
			visible.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
			const key = visible.map((r) => r.id).join(',');
			const group = groups.get(key) ?? { matchedBy: [], values: {}, records: visible.map((r) => ({ id: r.id, title: r.title, createdAt: r.createdAt, responsibleId: r.responsibleId })) };
			if (!group.matchedBy.includes(g.by)) group.matchedBy.push(g.by);
			group.values[g.by] ??= g.value;
			groups.set(key, group);
		}
	}
	return [...groups.values()].slice(0, limit);
}

/** Records sharing a name split by company; a record without a company joins every group. */
function splitByCompany(ids: string[], companies: Map<string, Set<string>>): string[][] {
	const keyed = new Map<string, string[]>();
	const loose: string[] = [];
	for (const id of ids) {
		const keys = [...(companies.get(id) ?? [])];
		if (keys.length === 0) loose.push(id);
		for (const k of keys) keyed.set(k, [...(keyed.get(k) ?? []), id]);
	}
	if (keyed.size === 0) return [loose];
	return [...keyed.values()].map((group) => [...new Set([...group, ...loose])]);
}
