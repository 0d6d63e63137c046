/**
 * The specification document (ТЗ) as files: a printable HTML page, a Word document and a PDF,
 * all drawn from the same `SpecDocument` (`$lib/spec`) and the same block layout, so the three
 * say the same thing. The PDF's fonts come from packages (pdfmake's Roboto, dejavu-fonts-ttf), never
 * from the system.
 */
export { renderSpecHtml } from './render-spec-html';
export { renderSpecDocx } from './render-spec-docx';
export { renderSpecPdf } from './render-spec-pdf';
