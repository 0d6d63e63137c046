import BpmnLintModule from 'bpmn-js-bpmnlint';
import DeferredLinting from './DeferredLinting';

/** Pass as the modeler's `linting` config: on, with the rules loaded by DeferredLinting. */
export const lintingOptions = { active: true };

/** Live lint: bpmn-js-bpmnlint's overlays and button, linting after changes settle (see DeferredLinting). */
export default {
	__depends__: [BpmnLintModule],
	linting: ['type', DeferredLinting]
};
