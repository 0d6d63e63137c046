import type { reportsHeatmapRu } from './reports-heatmap-ru';

/** The process heatmap report's texts, in English. */
export const reportsHeatmapEn: typeof reportsHeatmapRu = {
	title: 'Process heatmap',
	intro: 'The diagram of a published version: the darker an element, the more records passed it in the period. The label is how many times it was entered and the median time spent in it.',
	process: 'Process',
	version: 'Version',
	versionOption: 'Version {{version}} (TO BE revision {{revision}}, {{date}})',
	versionCurrent: 'Version {{version}} (TO BE revision {{revision}}, {{date}}), current',
	from: 'From',
	to: 'To',
	show: 'Show',
	download: 'Download',
	xlsx: 'Excel (XLSX)',
	csv: 'CSV',
	nothingPublished: 'No process is published yet: the heatmap is drawn on a published diagram.',
	noDiagram: 'The diagram of this version was not found.',
	onlyMine: 'Only your records are shown.',
	empty: 'No record passed through the process in this period.',
	legend: 'Times entered',
	legendNone: 'not entered',
	elementsTable: 'Diagram elements',
	columns: {
		name: 'Element',
		elementId: 'Element id',
		type: 'Type',
		entered: 'Entered',
		completed: 'Completed',
		active: 'In it now',
		median: 'Median time',
		average: 'Average time',
		medianHours: 'Median, h',
		avgHours: 'Average, h'
	},
	sheet: 'Heatmap, version {{version}}',
	badge: '{{count}} · {{duration}}',
	badgeTitle: '“{{name}}”: entered {{entered}}, completed {{completed}}, median {{median}}',
	records: {
		title: 'Records that passed “{{element}}”',
		empty: 'No records passed here in this period.',
		shown: 'The latest {{shown}} of {{total}} are shown.',
		passes: 'Passes',
		lastEntered: 'Last entered',
		spent: 'Time in the element',
		here: 'here now',
		close: 'Close the list'
	},
	units: { d: 'd', h: 'h', min: 'min', s: 's', lessThanSecond: 'under a second' }
};
