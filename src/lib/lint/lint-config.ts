import { potokRules } from './potok-rules';
import { recommendedRules } from './recommended-rules';

/** The bpmnlint configuration: recommended plus every Potok rule. */
export const lintConfig = {
	extends: 'bpmnlint:recommended',
	rules: {
		'potok/stage-name': 'error',
		'potok/unique-outcome-keys': 'error',
		'potok/routed-outcomes': 'warn',
		'potok/field-keys': 'error',
		'potok/expressions': 'error',
		'potok/unsupported-elements': 'error'
	} as Record<string, string>
};

/** A bpmnlint resolver that serves bundled rules only (no Node `require`), for browser and server. */
export const lintResolver = {
	resolveRule(pkg: string, ruleName: string): unknown {
		const rule = pkg === 'bpmnlint-plugin-potok' ? potokRules[ruleName] : pkg === 'bpmnlint' ? recommendedRules[ruleName] : undefined;
		if (!rule) throw new Error(`Expected a bundled bpmnlint rule, but ${pkg}/${ruleName} is unknown`);
		return rule;
	},
	resolveConfig(pkg: string, configName: string): unknown {
		if (pkg === 'bpmnlint' && configName === 'recommended') return { rules: recommendedConfig };
		throw new Error(`Expected a bundled bpmnlint config, but ${pkg}:${configName} is unknown`);
	}
};

const recommendedConfig: Record<string, string> = Object.fromEntries(
	Object.keys(recommendedRules).map((name) => [name, ['fake-join', 'global', 'no-inclusive-gateway', 'no-overlapping-elements', 'superfluous-gateway', 'superfluous-label', 'superfluous-termination'].includes(name) ? 'warn' : 'error'])
);
