/** ESM Jest (Nest 12 is ESM-only) with SWC so decorators and their metadata are emitted. */
const swc = (tsx) => ({
  jsc: {
    parser: { syntax: 'typescript', decorators: true, tsx },
    transform: {
      legacyDecorator: true,
      decoratorMetadata: true,
      useDefineForClassFields: false,
      // Pages are server-rendered JSX through Preact (escapes every text by default).
      react: { runtime: 'automatic', importSource: 'preact' },
    },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'es6' },
  sourceMaps: 'inline',
});

export default {
  rootDir: '.',
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', swc(false)],
    '^.+\\.tsx$': ['@swc/jest', swc(true)],
  },
  moduleNameMapper: {
    '^#(\\w+)$': '<rootDir>/libs/$1/src/index.ts',
    '^#messaging/worker$': '<rootDir>/libs/messaging/src/worker.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testMatch: [
    '<rootDir>/libs/**/*.spec.ts',
    '<rootDir>/apps/**/*.spec.ts',
    '<rootDir>/test/**/*.e2e-spec.ts',
  ],
  // A file's database (every migration) and a real Nest app, beside another suite on a
  // busy two-core machine, can take more than a minute to set up: three minutes a
  // test or hook (browser tests four, see test/support/browser-world.ts).
  testTimeout: 180_000,
  maxWorkers: 2,
  // Each file's Nest app and ESM module graph stays in its worker's heap (vm modules are
  // not collected): a worker reached 4 GB by the middle of a run and spent its time in
  // garbage collection. A worker past this size after a file is replaced by a fresh one.
  workerIdleMemoryLimit: '1200MB',
  // At the end of a run a worker with nothing left open (its loop empty, its exit handlers
  // run) was seen 410 to 590 ms later to have ended, on the busy two-core machine: past
  // Jest's 500 ms it was killed and the run blamed a leak that was not there. A worker
  // that truly keeps a handle open is still killed, and reported, after 5 s.
  workerGracefulExitTimeout: 5000,
};
