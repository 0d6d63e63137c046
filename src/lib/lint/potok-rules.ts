import expressions from './rules/expressions';
import fieldKeys from './rules/field-keys';
import routedOutcomes from './rules/routed-outcomes';
import stageName from './rules/stage-name';
import uniqueOutcomeKeys from './rules/unique-outcome-keys';
import unsupportedElements from './rules/unsupported-elements';

/** Potok's own rules by name (configured as `potok/<name>`). */
export const potokRules: Record<string, unknown> = {
	'stage-name': stageName,
	'unique-outcome-keys': uniqueOutcomeKeys,
	'routed-outcomes': routedOutcomes,
	'field-keys': fieldKeys,
	expressions,
	'unsupported-elements': unsupportedElements
};
