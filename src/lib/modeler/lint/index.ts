import BpmnLintModule from 'bpmn-js-bpmnlint';
import { lintConfig, lintResolver } from '$lib/lint/lint-config';

/** bpmn-js-bpmnlint with Potok's bundled rules; pass `lintingOptions` as the modeler's `linting` config. */
export const lintingOptions = { active: true, bpmnlint: { config: lintConfig, resolver: lintResolver } };

export default BpmnLintModule;
