import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { type Locale, LOCALES } from '#core';
import { catalogueShape, messages } from './catalogue.js';
import { formatCount } from './count-format.js';

/**
 * The declared parameter types of every catalogue function, read from the en catalogue (the
 * others are typed against it), so the sweep below gives numbers only where numbers go.
 */
function parameterTypes(): Map<string, string[]> {
  const root = fileURLToPath(new URL('./en/index.ts', import.meta.url));
  const program = ts.createProgram([root], {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
  });
  const checker = program.getTypeChecker();
  const declaration = program
    .getSourceFile(root)
    ?.statements.filter(ts.isVariableStatement)
    .flatMap((s) => [...s.declarationList.declarations])
    .find((d) => d.name.getText() === 'en');
  if (!declaration) throw new Error('en catalogue not found');
  const out = new Map<string, string[]>();
  const walk = (type: ts.Type, path: string): void => {
    const [signature] = type.getCallSignatures();
    if (signature) {
      const types = signature.parameters.map((p) => checker.getTypeOfSymbol(p));
      out.set(
        path,
        types.map((t) => checker.typeToString(t)),
      );
    } else if (type.flags & ts.TypeFlags.Object) {
      for (const p of type.getProperties())
        walk(checker.getTypeOfSymbol(p), path ? `${path}.${p.name}` : p.name);
    }
  };
  walk(checker.getTypeAtLocation(declaration.name), '');
  return out;
}

/** The function at a dotted key of a catalogue (lookup only returns texts). */
function functionAt(locale: Locale, key: string): (...args: unknown[]) => unknown {
  let node: unknown = messages(locale);
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
  return node as (...args: unknown[]) => unknown;
}

/** 12345 for a number, a word for a text: any raw "12345" left then is an ungrouped number. */
const sample = (type: string): unknown =>
  /\bnumber\b/.test(type) ? 12345 : type.endsWith('[]') ? ['Lima'] : 'Lima';

/**
 * Functions whose numeric parameters are not counts, so 12345 may stay as it is. Each entry
 * says why; a count must never be added here.
 */
const NOT_COUNTS: Record<string, string> = {
  'certificates.pdf.amount': 'its minutes are the 0-59 part of a duration, written on two digits',
};

describe('counts in the catalogues', () => {
  const types = parameterTypes();

  it('formats with each locale’s grouping', () => {
    expect(formatCount('fr', 1008)).toBe('1\u202f008');
    expect(formatCount('en', 1008)).toBe('1,008');
    expect(formatCount('es', 1008)).toBe('1008');
    expect(formatCount('es', 10000)).toBe('10.000');
  });

  it('groups the digits of a count in the pages', () => {
    expect(messages('fr').event.seatsLeft(1008)).toContain('1\u202f008');
    expect(messages('en').event.seatsLeft(1008)).toContain('1,008');
    expect(messages('es').event.seatsLeft(1008)).toContain('1008');
    expect(messages('es').event.seatsLeft(10000)).toContain('10.000');
  });

  it('still chooses singular or plural on the number itself', () => {
    expect(messages('en').event.seatsLeft(1)).toBe('1 place left');
    expect(messages('en').event.seatsLeft(2)).toBe('2 places left');
    expect(messages('fr').event.seatsLeft(1)).toBe('Il reste 1 place');
    expect(messages('fr').event.seatsLeft(2)).toBe('Il reste 2 places');
    expect(messages('es').event.seatsLeft(1)).toBe('Queda 1 plaza');
    expect(messages('es').event.seatsLeft(2)).toBe('Quedan 2 plazas');
  });

  it('reads a type for every catalogue function', () => {
    const functions = [...catalogueShape(messages('en'))].filter(([, k]) =>
      k.startsWith('function'),
    );
    expect(functions.filter(([key]) => !types.has(key))).toEqual([]);
  });

  it.each(LOCALES)('%s: no count is written without grouping', (locale) => {
    const raw: string[] = [];
    for (const [key, kind] of catalogueShape(messages(locale))) {
      const params = types.get(key) ?? [];
      if (kind === 'function/0' || key in NOT_COUNTS || !params.some((t) => sample(t) === 12345))
        continue;
      let text: unknown;
      try {
        text = functionAt(locale, key)(...params.map(sample));
      } catch {
        continue;
      }
      // Five digits in a row are ungrouped in all three languages, 12345 or a sum made from it.
      if (typeof text === 'string' && /\d{5}/.test(text)) raw.push(key);
    }
    expect(raw).toEqual([]);
  });

  it('keeps the allow-list to functions that exist', () => {
    expect(Object.keys(NOT_COUNTS).filter((key) => !types.has(key))).toEqual([]);
  });
});
