import path from 'node:path';
import PDFDocument from 'pdfkit';

/**
 * DejaVu Sans carries every Vietnamese glyph; it ships in an npm package, so nothing depends on
 * the machine's fonts.
 */
const FONT_DIR = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

/**
 * Renders an A4 PDF (56 pt margins) with the fonts "regular" and "bold" registered: `draw` lays out
 * the content; the bytes come back when pdfkit has finished. One place for the receipt slip, the
 * electronic result and the demo scans.
 */
export function renderPdf(info: PDFKit.DocumentInfo, draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 56, info });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', path.join(FONT_DIR, 'DejaVuSans.ttf'));
  doc.registerFont('bold', path.join(FONT_DIR, 'DejaVuSans-Bold.ttf'));
  doc.font('regular');
  draw(doc);
  doc.end();
  return finished;
}
