/**
 * A small local shim for pdfmake 0.3's server build (it ships no types). Only what the
 * specification renderer uses is declared; the document definition stays loosely typed, as
 * pdfmake itself validates it.
 */
declare module 'pdfmake' {
	export type PdfContent = string | PdfNode | PdfContent[];

	export interface PdfNode {
		[property: string]: unknown;
	}

	export interface PdfNodeInfo {
		headlineLevel?: number;
		pageNumbers: number[];
	}

	export interface PdfDocumentDefinition {
		content: PdfContent;
		pageSize?: string;
		pageMargins?: number | [number, number, number, number];
		defaultStyle?: Record<string, unknown>;
		styles?: Record<string, Record<string, unknown>>;
		info?: Record<string, string>;
		language?: string;
		footer?: (currentPage: number, pageCount: number) => PdfContent;
		pageBreakBefore?: (node: PdfNodeInfo, nodes: { getFollowingNodesOnPage(): PdfNodeInfo[] }) => boolean;
		images?: Record<string, string>;
	}

	export interface PdfFontFamily {
		normal: string;
		bold: string;
		italics: string;
		bolditalics: string;
	}

	export interface OutputDocument {
		getBuffer(): Promise<Buffer>;
	}

	interface PdfMake {
		setFonts(fonts: Record<string, PdfFontFamily>): void;
		setUrlAccessPolicy(callback: (url: string) => boolean): void;
		setLocalAccessPolicy(callback: (path: string) => boolean): void;
		createPdf(definition: PdfDocumentDefinition, options?: Record<string, unknown>): OutputDocument;
	}

	const pdfmake: PdfMake;
	export default pdfmake;
}
