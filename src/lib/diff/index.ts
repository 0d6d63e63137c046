/**
 * Comparing two BPMN diagrams (AS IS with TO BE, or two revisions of a track): which elements
 * were added, removed, changed or moved, and what changed in their potok annotations, in words.
 * Pure TypeScript on bpmn-moddle and bpmn-js-differ: runs on the server and in the browser.
 */
export { diffDiagrams, diffDefinitions, type DiagramDiff } from './diff-diagrams';
export { annotationKinds, type AnnotationChange, type AnnotationKind } from './annotation-changes';
export type { DiffLocale } from './diff-messages';
