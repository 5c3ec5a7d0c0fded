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

/**
 * Each server's Node flags: Convene as `npm run start:api` starts it (its heap flags)
 * unless CONVENE_NODE_ARGS says otherwise; the bare baseline with Node's defaults unless
 * BARE_NODE_ARGS says otherwise. BARE_NODE_ARGS=same gives the baseline Convene's flags,
 * which separates what the framework costs from what the memory settings cost.
 */
export function serverFlags(packageJson: string): { convene: string[]; bare: string[] } {
  const split = (value: string) => value.split(' ').filter(Boolean);
  const convene =
    process.env.CONVENE_NODE_ARGS !== undefined
      ? split(process.env.CONVENE_NODE_ARGS)
      : startFlags('start:api', packageJson);
  const bareArgs = process.env.BARE_NODE_ARGS;
  const bare = bareArgs === 'same' ? convene : bareArgs ? split(bareArgs) : [];
  return { convene, bare };
}
