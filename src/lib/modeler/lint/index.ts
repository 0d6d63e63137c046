import BpmnLintModule from 'bpmn-js-bpmnlint';
import { lintConfig, lintResolver } from '$lib/lint/lint-config';
import DeferredLinting from './DeferredLinting';

/** bpmn-js-bpmnlint with Potok's bundled rules; pass `lintingOptions` as the modeler's `linting` config. */
export const lintingOptions = { active: true, bpmnlint: { config: lintConfig, resolver: lintResolver } };

/** Live lint: bpmn-js-bpmnlint's overlays and button, linting after changes settle (see DeferredLinting). */
export default {
	__depends__: [BpmnLintModule],
	linting: ['type', DeferredLinting]
};
