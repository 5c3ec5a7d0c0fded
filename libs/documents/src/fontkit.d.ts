/** The little of fontkit (pdfkit's font engine) that picking a font per script needs. */
declare module 'fontkit' {
  export interface Font {
    hasGlyphForCodePoint(codePoint: number): boolean;
    ascent: number;
    unitsPerEm: number;
  }
  export function openSync(path: string): Font;
}
