import { readFileSync } from 'node:fs';

/*
 * The API's memory settings (README, Speed) are chosen against the 200 MiB goal by the
 * benches, which start it as `npm run start:api` does. The image, compose and the scripts
 * must start it the same way, or production runs settings nobody measured.
 */

const repoFile = (path: string) =>
  readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');

/** start:api as words: its NAME=value settings, node's flags, and the file it runs. */
function startApi(): { env: string[]; flags: string[]; file: string } {
  const line = (JSON.parse(repoFile('package.json')) as { scripts: Record<string, string> })
    .scripts['start:api'];
  const words = line.split(/\s+/);
  const node = words.indexOf('node');
  return { env: words.slice(0, node), flags: words.slice(node + 1, -1), file: words.at(-1)! };
}

/** The quoted words of the api service's command in docker-compose.yml. */
function composeApiCommand(): string[] {
  const compose = repoFile('docker-compose.yml');
  const api = compose.slice(compose.indexOf('\n  api:'));
  const command = api.slice(api.indexOf('command:'), api.indexOf('environment:'));
  return [...command.matchAll(/'([^']+)'/g)].map((m) => m[1]);
}

describe('the API starts with the same memory settings wherever it starts', () => {
  it('start:api sets malloc and the heap, and starts the API', () => {
    const { env, flags, file } = startApi();
    expect(env).toContain('MALLOC_ARENA_MAX=2');
    expect(flags).toEqual(expect.arrayContaining(['--max-old-space-size=512']));
    expect(flags.some((f) => f.startsWith('--max-semi-space-size='))).toBe(true);
    // Quiet hours must not leave the API cold for the registration that opens after them.
    expect(flags).toContain('--no-memory-reducer');
    expect(file).toBe('dist/apps/api/src/main.js');
  });

  it('the image sets the same environment and node flags', () => {
    const dockerfile = repoFile('Dockerfile');
    const { env, flags } = startApi();
    for (const setting of env) expect(dockerfile).toContain(`ENV ${setting}`);
    const cmd = JSON.parse(/^CMD (\[.*\])$/m.exec(dockerfile)![1]) as string[];
    expect(cmd).toEqual(['node', ...flags, 'dist/apps/api/src/main.js']);
  });

  it('compose runs the image with the same node flags', () => {
    expect(composeApiCommand()).toEqual(['node', ...startApi().flags, 'dist/apps/api/src/main.js']);
  });

  it('the demo, the screenshots and the benches start it through start:api', () => {
    expect(repoFile('scripts/start-api.sh')).toContain(`scripts['start:api']`);
    for (const script of ['scripts/demo.sh', 'scripts/screenshots.sh', 'bench/run.sh']) {
      const text = repoFile(script);
      expect(text).toContain('bash scripts/start-api.sh');
      expect(text).not.toContain('node dist/apps/api/src/main.js');
    }
  });
});
