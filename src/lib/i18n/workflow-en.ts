import type { workflowRu } from './workflow-ru';

/** Publishing and the workflow's own texts, in English. */
export const workflowEn: typeof workflowRu = {
	publishTitle: 'Publishing',
	notPublished: 'The process is not published yet: records do not run on it.',
	current: 'Version {{version}} runs (TO BE revision {{revision}}), pipeline “{{pipeline}}”',
	publish: 'Publish',
	publishHint: 'Publishes the latest TO BE revision: new records follow it, records already started stay on their version.',
	publishedNow: 'Version {{version}} published: stages {{stages}}',
	unchanged: 'This TO BE revision is published already: version {{version}} runs',
	fieldsAdded: 'Fields added to the card: {{fields}}',
	warnings: 'Lint remarks (they do not block publishing)',
	refusals: 'What blocks publishing'
};
