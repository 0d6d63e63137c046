import { sql, type SQL } from 'drizzle-orm';
import { crmRecordObservers, crmRecords } from '../db/schema';
import { hasRole, type WorkspaceScope } from '../access/scope';
import { UserError } from '../errors';

/**
 * Who sees which records. Owners, managers (head of sales) and analysts see
 * every record of the workspace; everyone else — employees, approvers, API
 * tokens with those roles — only the records they are responsible for or
 * observe. Records outside the scope are reported as not found.
 */
export function seesAllRecords(scope: Pick<WorkspaceScope, 'roles'>): boolean {
	return hasRole(scope, 'owner', 'manager', 'analyst');
}

/** The SQL condition on `crm_records` for the scope, or undefined when it sees everything. */
export function recordVisibility(scope: Pick<WorkspaceScope, 'roles' | 'userId'>): SQL | undefined {
	if (seesAllRecords(scope)) return undefined;
	return sql`(${crmRecords.responsibleId} = ${scope.userId} or exists (select 1 from ${crmRecordObservers} where ${crmRecordObservers.recordId} = ${crmRecords.id} and ${crmRecordObservers.userId} = ${scope.userId}))`;
}

/** Whether the scope sees one record, given its responsible and observers. */
export function canSeeRecord(scope: Pick<WorkspaceScope, 'roles' | 'userId'>, record: { responsibleId: string | null; observerIds: readonly string[] }): boolean {
	return seesAllRecords(scope) || record.responsibleId === scope.userId || record.observerIds.includes(scope.userId);
}

/** Entity types, fields and CRM settings are configured by owners and analysts. */
export function assertCanConfigureCrm(scope: Pick<WorkspaceScope, 'roles'>): void {
	if (!hasRole(scope, 'owner', 'analyst')) throw new UserError('forbidden');
}
