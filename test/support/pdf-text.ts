/** WinAnsiEncoding 0x80-0x9F (Node's TextDecoder reads "windows-1252" as Latin-1 there). */
const WIN_ANSI_80 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/**
 * The text of an uncompressed PDF written with pdfkit's built-in fonts: each run of text
 * is a TJ array of hex strings in WinAnsiEncoding, placed by a Tm. Runs on the same
 * baseline make one line. Enough to check what a letter says.
 */
export function pdfText(pdf: Buffer): string {
  const source = pdf.toString('latin1');
  const lines: string[] = [];
  let y: string | undefined;
  let lineY: string | undefined;
  for (const m of source.matchAll(/1 0 0 1 [\d.-]+ ([\d.-]+) Tm|\[([^\]]*)\]\s*TJ/g)) {
    if (m[1] !== undefined) {
      y = m[1];
      continue;
    }
    const hex = [...m[2].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]).join('');
    const text = [...Buffer.from(hex, 'hex')]
      .map((b) => (b >= 0x80 && b <= 0x9f ? WIN_ANSI_80[b - 0x80] : String.fromCharCode(b)))
      .join('');
    if (lines.length > 0 && y === lineY) lines[lines.length - 1] += text;
    else lines.push(text);
    lineY = y;
  }
  return lines.join('\n');
}

/** A document information entry (Title, Subject, Author), written as UTF-16BE with a BOM or as plain text. */
export function pdfInfo(pdf: Buffer, key: string): string | undefined {
  const source = pdf.toString('latin1');
  const ref = new RegExp(`/${key} (\\d+) 0 R`).exec(source);
  const value = ref
    ? new RegExp(`\\n${ref[1]} 0 obj\\s*\\(([\\s\\S]*?)\\)\\s*endobj`).exec(source)?.[1]
    : new RegExp(`/${key} \\(([\\s\\S]*?)\\)`).exec(source)?.[1];
  if (value === undefined) return undefined;
  const bytes = Buffer.from(value.replace(/\\([()\\])/g, '$1'), 'latin1');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return bytes.subarray(2).swap16().toString('utf16le');
  return bytes.toString('latin1');
}
