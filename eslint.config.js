import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const WORKER_ONLY =
  'Only the worker sends mail: #messaging/worker loads bullmq and nodemailer, which the API does without.';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'var/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.jest },
      // Lets consistent-type-imports keep value imports that decorator metadata needs for DI.
      parserOptions: { emitDecoratorMetadata: true, experimentalDecorators: true },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/apps/*/src/**', '../../apps/**'],
              message: 'Libraries never import an app.',
            },
          ],
        },
      ],
    },
  },
  // Module boundaries: core knows no domain; a domain lib only imports the libs below it.
  ...[
    [
      'libs/core/**',
      [
        '#accounts',
        '#organisations',
        '#events',
        '#messaging',
        '#registrations',
        '#agenda',
        '#privacy',
        '#ics',
        '#calendar',
        '#travel',
        '#i18n',
        '#documents',
      ],
    ],
    // Catalogues and wording on core alone, so every lib may write in the reader's language.
    [
      'libs/i18n/**',
      [
        '#accounts',
        '#organisations',
        '#events',
        '#messaging',
        '#registrations',
        '#agenda',
        '#privacy',
        '#ics',
        '#calendar',
        '#travel',
        '#documents',
      ],
    ],
    [
      'libs/{accounts,organisations,events}/**',
      ['#messaging', '#registrations', '#agenda', '#privacy', '#calendar', '#travel'],
    ],
    // Messaging attaches calendar invites with #ics, never with the calendar lib.
    ['libs/messaging/**', ['#registrations', '#agenda', '#privacy', '#calendar', '#travel']],
    // The agenda builds on registrations and listens through RegistrationLifecycle hooks.
    ['libs/registrations/**', ['#agenda', '#privacy', '#calendar', '#travel']],
    ['libs/agenda/**', ['#privacy', '#calendar', '#travel']],
    // Travel builds on registrations; privacy erases passports through its functions.
    ['libs/travel/**', ['#agenda', '#privacy', '#calendar']],
    // iCalendar text (VTIMEZONE, session VEVENTs) on core alone, shared by the API and the worker.
    [
      'libs/ics/**',
      [
        '#accounts',
        '#organisations',
        '#events',
        '#messaging',
        '#registrations',
        '#agenda',
        '#privacy',
        '#calendar',
        '#travel',
      ],
    ],
    ['libs/calendar/**', ['#privacy']],
    // Every PDF's fonts and script-aware text on core and wording alone, so any lib may print.
    [
      'libs/documents/**',
      [
        '#accounts',
        '#organisations',
        '#events',
        '#messaging',
        '#registrations',
        '#agenda',
        '#privacy',
        '#ics',
        '#calendar',
        '#travel',
      ],
    ],
    ['libs/privacy/**', []],
  ].map(([files, forbidden]) => ({
    files: [files],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...forbidden.map((name) => ({
              name,
              message: 'This library must not depend on that one.',
            })),
            { name: '#messaging/worker', message: WORKER_ONLY },
          ],
          patterns: [
            {
              group: ['**/apps/*/src/**', '../../apps/**'],
              message: 'Libraries never import an app.',
            },
            {
              group: ['../../*/src/**', '**/libs/*/src/**'],
              message: 'Reach another library only through its #alias.',
            },
          ],
        },
      ],
    },
  })),
  {
    // Apps and tests may reach into apps; domain libraries may not.
    files: ['apps/**', 'test/**', 'bench/**', 'scripts/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // The API and its pages only write the outbox; loading the sender would cost memory.
    files: ['apps/api/**', 'apps/web/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: '#messaging/worker', message: WORKER_ONLY }] },
      ],
    },
  },
  {
    // An Intl formatter built per call holds ICU memory V8 does not count (intl-formatters.ts).
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['libs/core/src/text/intl-formatters.ts', '**/*.spec.ts', 'test/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: ":matches(NewExpression, CallExpression)[callee.object.name='Intl']",
          message:
            'Take Intl formatters from #core (dateTimeFormat, numberFormat...): each one built holds ICU memory until a collection.',
        },
      ],
    },
  },
  {
    // The few kilobytes of progressive enhancement run in the browser, not in Node.
    files: ['apps/web/src/assets/**/*.js'],
    languageOptions: { globals: { ...globals.browser }, sourceType: 'script' },
  },
);
