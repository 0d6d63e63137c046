/**
 * The order after dropping `moved` before or after `target` in `keys`, or null
 * when the drop changes nothing (onto itself, in place, or an unknown key).
 */
export function dropOrder(keys: readonly string[], moved: string, target: string, after: boolean): string[] | null {
	if (moved === target || !keys.includes(moved) || !keys.includes(target)) return null;
	const next = keys.filter((k) => k !== moved);
	next.splice(next.indexOf(target) + (after ? 1 : 0), 0, moved);
	return next.every((k, i) => k === keys[i]) ? null : next;
}
