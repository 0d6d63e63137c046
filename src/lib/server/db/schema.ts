/** The one schema entry point: every area's tables, re-exported. */
export * from './schema/auth';
export * from './schema/workspaces';
export * from './schema/engine';
export * from './schema/processes';
export * from './schema/crm';
export * from './schema/pipelines';
export * from './schema/review';
export * from './schema/stage-history';
