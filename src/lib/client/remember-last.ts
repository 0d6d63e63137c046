/**
 * Wraps `compute` so that calling it again with the same key (compared with `===`) returns the
 * previous result instead of computing it again; a new key replaces the remembered one.
 */
export function rememberLast<K, V>(compute: (key: K) => V): (key: K) => V {
	let last: { key: K; value: V } | undefined;
	return (key) => {
		if (!last || last.key !== key) last = { key, value: compute(key) };
		return last.value;
	};
}
