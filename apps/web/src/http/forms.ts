import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import {
  badRequest,
  DomainError,
  findUnstorableValues,
  flattenValidationErrors,
  MAX_JSON_DEPTH,
} from '#core';
import type { Catalogue } from '#i18n';
import type { FormState } from '../components/form.js';
import type { WebContext } from './web-context.js';

export type FormResult<T> = { ok: true; value: T } | { ok: false; state: FormState };

/** Turns `venue.name=...` form fields into `{ venue: { name } }`, the shape DTOs expect. */
export function unflatten(flat: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(flat)) {
    const parts = key.split('.');
    // As deep as a JSON body may nest, no deeper: `a.a.a...` 200,000 times would
    // overflow the stack of every recursive walk that follows.
    if (parts.length > MAX_JSON_DEPTH) {
      throw badRequest(`A form field name nests more than ${MAX_JSON_DEPTH} levels deep`, {
        field: 'body',
      });
    }
    let node = out;
    parts.forEach((part, i) => {
      if (i === parts.length - 1) node[part] = value;
      else {
        if (typeof node[part] !== 'object' || node[part] === null) node[part] = {};
        node = node[part] as Record<string, unknown>;
      }
    });
  }
  return out;
}

/** The message for a stable validation code, in the reader's language. */
export function messageForCode(t: Catalogue, codes: string[]): string {
  const table = t.validation as Record<string, string>;
  for (const code of codes) if (table[code]) return table[code];
  return t.validation.invalid;
}

/**
 * Checks form input against the same DTO the API uses (same rules, same codes), so a page
 * says exactly what the API would, but in the person's language and next to the field.
 * `toInput` shapes text fields into the DTO's types (numbers, booleans, lists).
 */
export async function parseForm<T extends object>(
  ctx: WebContext,
  dto: new () => T,
  values: Record<string, unknown>,
  input: Record<string, unknown> = unflatten(values),
): Promise<FormResult<T>> {
  const unstorable = findUnstorableValues(input, dto);
  const instance = plainToInstance(dto, input, { enableImplicitConversion: false });
  const problems = [
    ...unstorable,
    ...flattenValidationErrors(
      await validate(instance, { whitelist: true, validationError: { target: false } }),
    ),
  ];
  if (problems.length === 0) return { ok: true, value: instance };
  const errors: Record<string, string> = {};
  for (const p of problems) errors[p.field] ??= messageForCode(ctx.t, p.codes);
  return { ok: false, state: { values, errors } };
}

/**
 * A domain error that names a field (details.field or details.fields[]) becomes a message
 * next to that field; anything else is not a form problem and is thrown again.
 */
export function formStateFromError(
  ctx: WebContext,
  error: unknown,
  values: Record<string, unknown>,
  fallbackField = '_form',
): FormState {
  if (!(error instanceof DomainError)) throw error;
  if (error.code !== 'bad_request' && error.code !== 'conflict') throw error;
  const details = error.details ?? {};
  const errors: Record<string, string> = {};
  const fields = details.fields as Array<{ field: string; codes: string[] }> | undefined;
  if (Array.isArray(fields)) {
    for (const f of fields) errors[f.field] ??= messageForCode(ctx.t, f.codes ?? []);
  } else if (typeof details.field === 'string') {
    const code = error.code === 'conflict' ? 'alreadyExists' : 'invalid';
    errors[details.field] = messageForCode(ctx.t, [code]);
  } else {
    errors[fallbackField] = error.message;
  }
  return { values, errors };
}

/** Form fields as text (a field sent twice keeps its first value), for single-value inputs. */
export function textOf(values: Record<string, unknown>, name: string): string | undefined {
  const v = values[name];
  const first = Array.isArray(v) ? v[0] : v;
  if (typeof first !== 'string') return undefined;
  const trimmed = first.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** A multi-value field (checkbox group) as a list of strings. */
export function listOf(values: Record<string, unknown>, name: string): string[] {
  const v = values[name];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string' && x !== '');
  return typeof v === 'string' && v !== '' ? [v] : [];
}

export const checked = (values: Record<string, unknown>, name: string) =>
  values[name] === 'on' || values[name] === 'true';
