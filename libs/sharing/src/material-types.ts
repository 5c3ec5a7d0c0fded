import { inflateRawSync } from 'node:zlib';
import { sniffType } from '#files';

/** What a shared material may be: the receipts' types, and Office documents. */
export type MaterialType =
  | 'application/pdf'
  | 'image/jpeg'
  | 'image/png'
  | 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
  | 'application/vnd.openxmlformats-officedocument.presentationml.presentation'
  | 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const MATERIAL_EXTENSION: Record<MaterialType, string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
};

/** The main part's content type in [Content_Types].xml, for each Office document. */
const OFFICE_MAIN: Array<[RegExp, MaterialType]> = [
  [
    /wordprocessingml\.(document|template)\.main\+xml/,
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  ],
  [
    /presentationml\.(presentation|slideshow|template)\.main\+xml/,
    'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  ],
  [
    /spreadsheetml\.(sheet|template)\.main\+xml/,
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ],
];

/**
 * The type from the bytes, never from the name or the client's Content-Type: PDF, PNG,
 * JPEG by their signature; DOCX/PPTX/XLSX as a ZIP whose [Content_Types].xml names the
 * document's main part. Anything else (an .exe or an HTML page renamed .pdf) is null.
 */
export function sniffMaterialType(bytes: Buffer): MaterialType | null {
  const simple = sniffType(bytes);
  if (simple) return simple;
  if (bytes.length < 22 || bytes.readUInt32LE(0) !== 0x04034b50) return null;
  const types = zipEntry(bytes, '[Content_Types].xml');
  if (!types) return null;
  const text = types.toString('utf8');
  return OFFICE_MAIN.find(([re]) => re.test(text))?.[1] ?? null;
}

/** One entry of a ZIP through its central directory (stored or deflated), or null. */
export function zipEntry(zip: Buffer, wanted: string, maxBytes = 1024 * 1024): Buffer | null {
  try {
    // End of central directory: within the last 64 KB + 22 bytes (the comment's maximum).
    let eocd = -1;
    for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65557); i--) {
      if (zip.readUInt32LE(i) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) return null;
    const count = zip.readUInt16LE(eocd + 10);
    let at = zip.readUInt32LE(eocd + 16);
    for (let n = 0; n < count && at + 46 <= zip.length; n++) {
      if (zip.readUInt32LE(at) !== 0x02014b50) return null;
      const method = zip.readUInt16LE(at + 10);
      const compressed = zip.readUInt32LE(at + 20);
      const nameLength = zip.readUInt16LE(at + 28);
      const extra = zip.readUInt16LE(at + 30);
      const comment = zip.readUInt16LE(at + 32);
      const local = zip.readUInt32LE(at + 42);
      const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
      if (name === wanted) {
        if (zip.readUInt32LE(local) !== 0x04034b50) return null;
        const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
        const data = zip.subarray(start, start + compressed);
        if (method === 0) return data.length <= maxBytes ? data : null;
        if (method === 8) return inflateRawSync(data, { maxOutputLength: maxBytes });
        return null;
      }
      at += 46 + nameLength + extra + comment;
    }
    return null;
  } catch {
    return null;
  }
}
