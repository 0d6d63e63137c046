/**
 * The specification document (ТЗ) of a process revision: `buildSpec` reads the diagram and
 * writes every stage, field, rule, outcome, robot, timer and trigger in words (Russian first,
 * English second), with the changes from AS IS and from the last approved revision and the
 * approval sheet. `layoutSpec` turns the document into blocks that the HTML, DOCX and PDF
 * renderers in `$lib/server/spec` draw. Pure TypeScript: runs on the server and in the browser.
 */
export { buildSpec, specInputSchema, type SpecInput } from './build-spec';
export { layoutSpec, type SpecBlock, type SpecRow } from './spec-layout';
export { specMessages, type SpecMessages } from './spec-messages';
export type * from './spec-document';
