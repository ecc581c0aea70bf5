import { countPages, sniffContentType } from '../../subgraphs/documents/services/content';
import { samplePdf } from '../../scripts/lib/scanner';

// A 1×1 PNG and a minimal baseline JPEG frame (SOI … EOI).
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const JPEG = Buffer.concat([Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex'), Buffer.alloc(32), Buffer.from('ffd9', 'hex')]);

describe('document content checks (R-DOC-3)', () => {
  test('the type is read from the bytes: PDF, JPEG and PNG are known, anything else is not', async () => {
    expect(sniffContentType(await samplePdf('x', 1))).toBe('application/pdf');
    expect(sniffContentType(JPEG)).toBe('image/jpeg');
    expect(sniffContentType(PNG)).toBe('image/png');
    expect(sniffContentType(Buffer.from('MZ\x90\x00 an executable'))).toBeNull();
    expect(sniffContentType(Buffer.from('GIF89a'))).toBeNull();
    expect(sniffContentType(Buffer.alloc(0))).toBeNull();
  });

  test('pages are counted from the PDF page tree; an image is one page', async () => {
    expect(await countPages(await samplePdf('x', 7), 'application/pdf')).toBe(7);
    expect(await countPages(PNG, 'image/png')).toBe(1);
    expect(await countPages(JPEG, 'image/jpeg')).toBe(1);
  });

  test('a cut-off image or an unreadable PDF is refused with the reason', async () => {
    await expect(countPages(PNG.subarray(0, PNG.length - 12), 'image/png')).rejects.toThrow('the PNG file is cut short (no IEND chunk)');
    await expect(countPages(JPEG.subarray(0, JPEG.length - 2), 'image/jpeg')).rejects.toThrow('the JPEG file is cut short (no end-of-image marker)');
    await expect(countPages(Buffer.from('%PDF-1.4\ngarbage'), 'application/pdf')).rejects.toThrow(/starts like a PDF but/);
    const pdf = await samplePdf('x', 2);
    await expect(countPages(pdf.subarray(0, pdf.length / 2), 'application/pdf')).rejects.toThrow(/starts like a PDF but/);
  });
});
