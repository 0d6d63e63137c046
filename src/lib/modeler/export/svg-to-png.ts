/** Chromium refuses canvases past ~16k pixels a side or ~268M pixels; stay well inside. */
const maxSide = 16_384;
const maxArea = 100_000_000;

/**
 * Renders an SVG document (as bpmn-js `saveSVG` returns it, with `width`/`height`) on a white
 * canvas and encodes it as PNG. `scale` multiplies the pixel size (2 for sharp prints); it is
 * lowered when the result would exceed what the browser can draw. Browser only.
 */
export async function svgToPng(svg: string, scale = 1): Promise<Blob> {
	const root = new DOMParser().parseFromString(svg, 'image/svg+xml').documentElement;
	const width = Math.max(1, parseFloat(root.getAttribute('width') ?? '') || 1);
	const height = Math.max(1, parseFloat(root.getAttribute('height') ?? '') || 1);
	const fit = Math.min(scale, maxSide / width, maxSide / height, Math.sqrt(maxArea / (width * height)));

	const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }));
	try {
		const image = new Image();
		image.src = url;
		await image.decode();
		const canvas = document.createElement('canvas');
		canvas.width = Math.max(1, Math.round(width * fit));
		canvas.height = Math.max(1, Math.round(height * fit));
		const context = canvas.getContext('2d');
		if (!context) throw new Error('Expected a 2D canvas context, but the browser gave none');
		context.fillStyle = '#fff';
		context.fillRect(0, 0, canvas.width, canvas.height);
		context.drawImage(image, 0, 0, canvas.width, canvas.height);
		return await new Promise<Blob>((resolve, reject) =>
			canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('Expected a PNG from the canvas, but encoding failed'))), 'image/png')
		);
	} finally {
		URL.revokeObjectURL(url);
	}
}
