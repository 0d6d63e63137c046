/** How long to wait for a paint before going on anyway: a background tab does not paint. */
const paintTimeout = 500;

/**
 * Resolves once the browser has painted what is on the page now (or after half a second): for
 * work that should not hold up showing the diagram.
 */
export function afterPaint(): Promise<void> {
	return new Promise((resolve) => {
		const fallback = setTimeout(resolve, paintTimeout);
		requestAnimationFrame(() =>
			setTimeout(() => {
				clearTimeout(fallback);
				resolve();
			}, 0)
		);
	});
}
