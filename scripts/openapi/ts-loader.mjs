/**
 * Node module hooks that run the TypeScript sources as they are (no build, no dist/):
 * `./x.js` imports resolve to `./x.ts` or `./x.tsx`, and SWC strips the types with the
 * same decorator settings as jest.config.js (Nest and Swagger read decorator metadata).
 * Used by scripts/lint-openapi.sh through register.mjs.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import swc from '@swc/core';

export async function resolve(specifier, context, nextResolve) {
  try {
    return await nextResolve(specifier, context);
  } catch (error) {
    const relative = specifier.startsWith('.') || specifier.startsWith('file:');
    if (relative && specifier.endsWith('.js')) {
      for (const ext of ['.ts', '.tsx']) {
        try {
          return await nextResolve(specifier.slice(0, -3) + ext, context);
        } catch {
          // try the next extension
        }
      }
    }
    throw error;
  }
}

export async function load(url, context, nextLoad) {
  if (!/\.tsx?$/.test(url)) return nextLoad(url, context);
  const filename = fileURLToPath(url);
  const tsx = filename.endsWith('.tsx');
  const { code } = await swc.transform(await readFile(filename, 'utf8'), {
    filename,
    jsc: {
      parser: { syntax: 'typescript', decorators: true, tsx },
      transform: {
        legacyDecorator: true,
        decoratorMetadata: true,
        useDefineForClassFields: false,
        react: { runtime: 'automatic', importSource: 'preact' },
      },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'es6' },
  });
  return { format: 'module', source: code, shortCircuit: true };
}
