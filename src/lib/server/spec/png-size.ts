/** The pixel size of a PNG from its IHDR chunk; undefined when the bytes are not a PNG. */
export function pngSize(png: Uint8Array): { width: number; height: number } | undefined {
	const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
	if (png.length < 24 || signature.some((byte, i) => png[i] !== byte)) return undefined;
	const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
	const width = view.getUint32(16);
	const height = view.getUint32(20);
	return width > 0 && height > 0 ? { width, height } : undefined;
}

/** Scales a size down (never up) to fit a maximum width and height, keeping its proportions. */
export function fitInto(size: { width: number; height: number }, maxWidth: number, maxHeight: number): { width: number; height: number } {
	const scale = Math.min(1, maxWidth / size.width, maxHeight / size.height);
	return { width: Math.round(size.width * scale), height: Math.round(size.height * scale) };
}
