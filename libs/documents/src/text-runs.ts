import { covers, type FaceKey, faceFor, isRtl } from './fonts.js';

/** A stretch of text drawn with one face; runs come in visual order for a left-to-right line. */
export interface TextRun {
  text: string;
  face: FaceKey;
}

type Kind = 'strong' | 'digit' | 'neutral' | 'mark';

function kindOf(c: string): Kind {
  if (/\p{M}/u.test(c)) return 'mark';
  if (/[0-9]/.test(c)) return 'digit';
  if (/[\p{L}\p{N}]/u.test(c)) return 'strong';
  return 'neutral';
}

/*
 * Intl and French typography put a narrow no-break space in numbers ("1 008", "1 234,50 €")
 * and before « : ; ! ? », and Intl may use a figure space; none of the documents' faces
 * draws either, so PDFs showed an empty box. A no-break space keeps the number together.
 */
const UNDRAWN_SPACES = /[\u202f\u2007]/g;

function drawableBy(preferred: FaceKey | undefined, cp: number): FaceKey {
  if (preferred && covers(preferred, cp)) return preferred;
  return faceFor(cp) ?? 'latin';
}

/**
 * Splits text into runs, one face per run, by script: each letter takes the first face
 * that draws it; a combining mark stays with its letter; spaces and punctuation join
 * their neighbours when both sides agree, else the left-to-right side, so "(Maroc)"
 * after an Arabic name keeps its parenthesis on the Latin side. European digits are
 * drawn left to right.
 *
 * Right-to-left text: fontkit shapes each Arabic run (joined letters, lam-alef) and
 * lays its glyphs out right to left; a stretch of Arabic runs with numbers between them
 * is reversed as a whole here, the simple case of the Unicode bidi algorithm inside a
 * left-to-right line, which is all a letter's names and addresses need.
 */
export function textRuns(input: string): TextRun[] {
  const chars = [...input.normalize('NFC').replace(UNDRAWN_SPACES, '\u00a0')];
  const kinds = chars.map(kindOf);
  const faces: Array<FaceKey | undefined> = chars.map((c, i) => {
    const cp = c.codePointAt(0)!;
    if (kinds[i] === 'digit') return drawableBy('latin', cp);
    if (kinds[i] === 'strong') return drawableBy(undefined, cp);
    return undefined;
  });
  // Marks follow their base letter.
  for (let i = 0; i < chars.length; i++) {
    if (kinds[i] !== 'mark') continue;
    faces[i] = drawableBy(i > 0 ? faces[i - 1] : undefined, chars[i].codePointAt(0)!);
  }
  // Neutral spans take the face of their neighbours.
  for (let i = 0; i < chars.length;) {
    if (faces[i] !== undefined) {
      i++;
      continue;
    }
    let end = i;
    while (end < chars.length && faces[end] === undefined) end++;
    const before = i > 0 ? faces[i - 1] : undefined;
    const after = end < chars.length ? faces[end] : undefined;
    let pick: FaceKey | undefined;
    if (before && after && before === after) pick = before;
    else if (before && isRtl(before) && after && kinds[end] === 'digit') pick = before;
    else if (before && !isRtl(before)) pick = before;
    else if (after && !isRtl(after)) pick = after;
    else pick = 'latin';
    for (let j = i; j < end; j++) faces[j] = drawableBy(pick, chars[j].codePointAt(0)!);
    i = end;
  }
  const runs: Array<TextRun & { kinds: Set<Kind> }> = [];
  chars.forEach((c, i) => {
    const last = runs[runs.length - 1];
    if (last && last.face === faces[i]) {
      last.text += c;
      last.kinds.add(kinds[i]);
    } else runs.push({ text: c, face: faces[i]!, kinds: new Set([kinds[i]]) });
  });
  // Visual order: a stretch that starts and ends right to left, with only numbers and
  // punctuation between its Arabic runs, reads right to left as a whole.
  const out: TextRun[] = [];
  for (let i = 0; i < runs.length;) {
    if (!isRtl(runs[i].face)) {
      out.push({ text: runs[i].text, face: runs[i].face });
      i++;
      continue;
    }
    let end = i + 1;
    let lastRtl = i;
    while (
      end < runs.length &&
      (isRtl(runs[end].face) || [...runs[end].kinds].every((k) => k !== 'strong'))
    ) {
      if (isRtl(runs[end].face)) lastRtl = end;
      end++;
    }
    for (let j = lastRtl; j >= i; j--) out.push({ text: runs[j].text, face: runs[j].face });
    i = lastRtl + 1;
  }
  return out;
}
