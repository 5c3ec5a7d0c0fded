import { covers } from './fonts.js';
import { textRuns } from './text-runs.js';

describe('text runs of a PDF line', () => {
  it('gives every character a face that draws it, French numbers and punctuation included', () => {
    const lines = [
      'Séances suivies : 1\u202f008',
      '1\u202f234,50\u00a0€ pris en charge',
      'Remarque\u202f: «\u202fbienvenue\u202f» ?',
      'Nguyễn Thị Minh Khai-Hằng (Viêt Nam), 12\u2007345',
      'محمد بن عبد الرحمن الإدريسي (Maroc), 1\u202f008',
    ];
    for (const line of lines) {
      for (const run of textRuns(line)) {
        const undrawn = [...run.text].filter((c) => !covers(run.face, c.codePointAt(0)!));
        expect({ line, face: run.face, undrawn }).toEqual({ line, face: run.face, undrawn: [] });
      }
    }
  });

  it('keeps a grouped number together with a no-break space', () => {
    const text = textRuns('1\u202f008 séances')
      .map((r) => r.text)
      .join('');
    expect(text).toBe('1\u00a0008 séances');
  });
});
