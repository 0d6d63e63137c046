import type { Database } from '../../db';
import type { WorkspaceScope } from '../../access/scope';
import { UserError } from '../../errors';
import { createRecord, type CreatedRecord } from '../records';
import type { RecordCreateInput } from '../record-input';

/**
 * Creates a record the way people and integrations do: in a pipeline only
 * through the runtime, which starts the pipeline's published process for it
 * (so the record's stage is the diagram's, never a free write). No pipeline
 * is published yet for any type, so a pipeline named here is unknown.
 */
export async function createRecordAsPerson(database: Database, scope: WorkspaceScope, input: RecordCreateInput): Promise<CreatedRecord> {
	if (input.pipeline) throw new UserError('validation', {}, [{ field: 'pipeline', message: `unknown_pipeline:${input.pipeline}` }]);
	return createRecord(database, scope, { ...input, pipeline: null, stage: null });
}
