import { readFileSync } from 'node:fs';

/** `NAME=value`: a word of a start line that goes into the environment, not to node. */
const ENV_WORD = /^[A-Z_][A-Z0-9_]*=/;

/**
 * The words an npm start script puts before the program (`NAME=value ... node --flag ...
 * dist/x.js`): its environment settings, then its Node flags. A bench starts the server
 * with them, so it runs exactly as `npm run start:api` does, memory settings included
 * (glibc's malloc reads MALLOC_ARENA_MAX from the environment, V8 its flags from node's).
 */
export function startFlags(script: string, packageJson: string): string[] {
  const scripts = (
    JSON.parse(readFileSync(packageJson, 'utf8')) as { scripts: Record<string, string> }
  ).scripts;
  const words = (scripts[script] ?? '').split(/\s+/).filter(Boolean);
  const node = words.indexOf('node');
  const env = words.slice(0, Math.max(node, 0));
  if (node < 0 || !env.every((w) => ENV_WORD.test(w))) return [];
  return [...env, ...words.slice(node + 1).filter((w) => w.startsWith('--'))];
}

/** Start words split: the environment settings (NAME=value) and the Node flags. */
export function splitStartWords(words: readonly string[]): {
  env: Record<string, string>;
  nodeArgs: string[];
} {
  const env: Record<string, string> = {};
  const nodeArgs: string[] = [];
  for (const word of words) {
    if (ENV_WORD.test(word))
      env[word.slice(0, word.indexOf('='))] = word.slice(word.indexOf('=') + 1);
    else nodeArgs.push(word);
  }
  return { env, nodeArgs };
}

/**
 * Each server's start words: Convene as `npm run start:api` starts it (its heap flags and
 * malloc setting) unless CONVENE_NODE_ARGS says otherwise; the bare baseline with Node's
 * defaults unless BARE_NODE_ARGS says otherwise. BARE_NODE_ARGS=same gives the baseline
 * Convene's, which separates what the framework costs from what the memory settings cost.
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
