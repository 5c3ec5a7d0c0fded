import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { registerDecorator, type ValidationOptions } from 'class-validator';
import { createRequire } from 'node:module';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

/**
 * Passwords this project itself has published (demo logins, examples): never good
 * enough for a real account or a production admin.
 */
export const PUBLISHED_PASSWORDS: readonly string[] = ['convene-admin-2027', 'convene-demo-2027'];

/** Why a password is refused, as a stable validation code (forms show the catalogue's words). */
export type PasswordWeakness = 'passwordTooShort' | 'passwordTooCommon';

/** In plain words, for API messages and the start-up check. */
export const PASSWORD_ADVICE =
  'is too common or too easy to guess (it is in lists of leaked passwords, or is a ' +
  'keyboard row, a sequence or a repeated character); choose a longer phrase of ' +
  'several unrelated words';

const require = createRequire(import.meta.url);
let factory: ZxcvbnFactory | undefined;

/**
 * zxcvbn-ts with its common dictionary: the most used passwords from public breaches
 * (about 50,000), common words, keyboard patterns, sequences, repeats and dates. Built
 * once, on first use (a few hundred milliseconds); the modules too, since they are
 * about 14 MiB resident (in a bare Node process) that a process checking no new password
 * need not carry.
 */
function estimator(): ZxcvbnFactory {
  if (factory) return factory;
  const zxcvbn = require('@zxcvbn-ts/core') as typeof import('@zxcvbn-ts/core');
  const common =
    require('@zxcvbn-ts/language-common') as typeof import('@zxcvbn-ts/language-common');
  factory = new zxcvbn.ZxcvbnFactory({
    dictionary: { ...common.dictionary },
    graphs: common.adjacencyGraphs,
  });
  return factory;
}

/**
 * The reason a new password is refused, or undefined when it is acceptable. Length
 * alone is not enough: "1234567890" and "password123" are long enough and guessed at
 * once. Scores below 3 (fewer than about 10^8 guesses) are refused, as zxcvbn's authors
 * advise for accounts protected by a rate-limited login.
 */
export function passwordWeakness(
  password: string,
  personal: readonly string[] = [],
): PasswordWeakness | undefined {
  if (password.length < PASSWORD_MIN_LENGTH) return 'passwordTooShort';
  const lower = password.toLowerCase();
  if (PUBLISHED_PASSWORDS.includes(lower)) return 'passwordTooCommon';
  // zxcvbn is slow on very long input and long input is not a guessable password anyway.
  const sample = password.slice(0, 100);
  const result = estimator().check(
    sample,
    personal.filter((p) => typeof p === 'string' && p.length >= 3).map((p) => p.toLowerCase()),
  );
  return result.score < 3 ? 'passwordTooCommon' : undefined;
}

/**
 * A new password: 10 to 200 characters and not common, breached or guessable. The
 * validation code (constraint name) is the reason: `passwordTooShort` or
 * `passwordTooCommon`, so the web forms show the catalogue's words for it.
 */
export function IsStrongPassword(options?: ValidationOptions) {
  return (object: object, propertyName: string) => {
    for (const code of ['passwordTooShort', 'passwordTooCommon'] as const) {
      registerDecorator({
        name: code,
        target: object.constructor,
        propertyName,
        options: {
          message:
            code === 'passwordTooShort'
              ? `${propertyName} must be ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters long`
              : `${propertyName} ${PASSWORD_ADVICE}`,
          ...options,
        },
        validator: {
          validate(value: unknown) {
            if (typeof value !== 'string') return code === 'passwordTooCommon';
            if (code === 'passwordTooShort') {
              return value.length >= PASSWORD_MIN_LENGTH && value.length <= PASSWORD_MAX_LENGTH;
            }
            if (value.length < PASSWORD_MIN_LENGTH || value.length > PASSWORD_MAX_LENGTH) {
              return true; // the length rule speaks for it
            }
            return passwordWeakness(value) === undefined;
          },
        },
      });
    }
  };
}
