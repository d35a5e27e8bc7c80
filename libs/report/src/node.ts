/** @app/report/node: the PDF renderer (Node, optional Chromium) next to the pure HTML renderers. */
export * from './index.js';
export {
  CHROMIUM_CANDIDATES,
  PDF_HOW_TO_ENABLE,
  PdfRenderer,
  PdfUnavailableError,
  findChromium,
  type Paper,
  type PdfOptions,
} from './pdf.js';
export { packageVersion } from './version.js';
