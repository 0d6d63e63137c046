/**
 * The heatmap's colour scale: five steps of a sequential yellow → red palette (ColorBrewer's
 * YlOrRd, readable for colour-blind people), step 0 for elements no token entered.
 */
export const HEAT_COLOURS = ['#ffffcc', '#fed976', '#fd8d3c', '#e31a1c', '#800026'] as const;

export const HEAT_STEPS = HEAT_COLOURS.length;

/** The step (0 for none, 1…5) of a count against the largest count. */
export function heatLevel(count: number, max: number): number {
	if (count <= 0 || max <= 0) return 0;
	return Math.min(HEAT_STEPS, Math.max(1, Math.ceil((count / max) * HEAT_STEPS)));
}

/** The legend: each step that some count can reach, with the counts it covers. */
export function heatLegend(max: number): { level: number; from: number; to: number }[] {
	return Array.from({ length: HEAT_STEPS }, (_, i) => ({
		level: i + 1,
		from: Math.floor((max * i) / HEAT_STEPS) + 1,
		to: Math.floor((max * (i + 1)) / HEAT_STEPS)
	})).filter((step) => step.from <= step.to);
}
