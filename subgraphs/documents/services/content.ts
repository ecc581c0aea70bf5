import { PDFDocument } from 'pdf-lib';

/** The file types a scan may be stored as (1333/QĐ-BHXH Art. 8.2e, Circular 02/2019/TT-BNV: PDF, JPEG, PNG). */
export const CONTENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type ContentType = (typeof CONTENT_TYPES)[number];

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The type the bytes are, from their signature; what the client claims is not trusted. */
export function sniffContentType(bytes: Buffer): ContentType | null {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return 'image/png';
  return null;
}

/**
 * Pages in the file: a PDF's page tree, read by parsing it (so a file that only starts like a PDF
 * is refused); an image is one page if it is whole (JPEG end marker, PNG IEND chunk).
 * Throws an Error whose message says what is wrong with the file.
 */
export async function countPages(bytes: Buffer, type: ContentType): Promise<number> {
  if (type === 'image/jpeg') {
    if (!(bytes[bytes.length - 2] === 0xff && bytes[bytes.length - 1] === 0xd9)) throw new Error('the JPEG file is cut short (no end-of-image marker)');
    return 1;
  }
  if (type === 'image/png') {
    if (bytes.subarray(bytes.length - 8, bytes.length - 4).toString('latin1') !== 'IEND') throw new Error('the PNG file is cut short (no IEND chunk)');
    return 1;
  }
  let pages: number;
  try {
    pages = (await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: true })).getPageCount();
  } catch (err) {
    const encrypted = (err as Error).name === 'EncryptedPDFError';
    throw new Error(encrypted ? 'the PDF is encrypted; upload it unencrypted so its pages can be checked' : 'the file starts like a PDF but cannot be read as one');
  }
  if (pages === 0) throw new Error('the file starts like a PDF but has no pages that can be read');
  return pages;
}
