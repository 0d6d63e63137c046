import { svgToPng } from '$lib/modeler/export/svg-to-png';

/** The standard SVG 1.1 DOCTYPE bpmn-js writes: the server refuses DOCTYPEs, and this one says nothing. */
const SVG_DOCTYPE = /<!DOCTYPE svg PUBLIC "-\/\/W3C\/\/DTD SVG 1\.1\/\/EN" "http:\/\/www\.w3\.org\/Graphics\/SVG\/1\.1\/DTD\/svg11\.dtd">\s*/;

/**
 * Draws a diagram off screen with bpmn-js and returns its SVG and a PNG (base64, up to twice the
 * size, for print), for the specification documents: bpmn-js lays diagrams out only in a browser, so
 * the analyst's browser makes the picture the server stores. Browser only.
 */
export async function capturePicture(xml: string): Promise<{ svg: string; png: string }> {
	const { default: Viewer } = await import('bpmn-js/lib/NavigatedViewer');
	const container = document.createElement('div');
	container.style.cssText = 'position:fixed;left:-10000px;top:0;width:1600px;height:1000px;visibility:hidden;';
	document.body.append(container);
	const viewer = new Viewer({ container });
	try {
		await viewer.importXML(xml);
		const { svg: raw } = await viewer.saveSVG();
		const svg = raw.replace(SVG_DOCTYPE, '');
		// sharp in print (about 3000 pixels across an A4 page) without megabytes for a wide diagram
		const width = Number(/<svg[^>]*\swidth="([\d.]+)"/.exec(svg)?.[1] ?? 0) || 1500;
		const png = await blobToBase64(await svgToPng(svg, Math.min(2, 3000 / width)));
		return { svg, png };
	} finally {
		viewer.destroy();
		container.remove();
	}
}

async function blobToBase64(blob: Blob): Promise<string> {
	const bytes = new Uint8Array(await blob.arrayBuffer());
	let binary = '';
	for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	return btoa(binary);
}
