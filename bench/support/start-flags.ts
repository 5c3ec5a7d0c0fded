import { readFileSync } from 'node:fs';

/**
 * The Node flags an npm start script gives the server (`node --flag ... dist/x.js`), so
 * a bench starts the server exactly as `npm run start:api` does, memory settings included.
 */
export function startFlags(script: string, packageJson: string): string[] {
  const scripts = (
    JSON.parse(readFileSync(packageJson, 'utf8')) as { scripts: Record<string, string> }
  ).scripts;
  const words = (scripts[script] ?? '').split(/\s+/).filter(Boolean);
  if (words[0] !== 'node') return [];
  return words.slice(1).filter((w) => w.startsWith('--'));
}
