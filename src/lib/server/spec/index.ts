/**
 * The specification document (ТЗ) as files: a printable HTML page, a Word document and a PDF,
 * all drawn from the same `SpecDocument` (`$lib/spec`) and the same block layout, so the three
 * say the same thing. Fonts for the PDF come from the pdfmake package, never from the system.
 */
export { renderSpecHtml } from './render-spec-html';
export { renderSpecDocx } from './render-spec-docx';
export { renderSpecPdf } from './render-spec-pdf';
