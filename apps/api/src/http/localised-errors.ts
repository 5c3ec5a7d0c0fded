import type { Response } from 'express';
import { type ApiErrorBody, type ApiErrorCode, apiErrorCodeOf, type Locale } from '#core';
import { messages, negotiateLocale } from '#i18n';

interface FieldProblem {
  field: string;
  codes?: string[];
}

/**
 * An API error's message in the caller's language. English keeps the service's own
 * sentence; French and Spanish say each field at fault through the validation
 * catalogue the pages use (details.fields[].codes, or details.field), else the
 * error's code through the apiErrors area. The code and details never change.
 */
export function localiseErrorMessage(body: ApiErrorBody, locale: Locale): string {
  if (locale === 'en') return body.message;
  const t = messages(locale);
  const validation = t.validation as Record<string, string>;
  const say = (field: string, codes: string[] = []) =>
    t.common.fieldProblem(
      field,
      codes.map((c) => validation[c]).find(Boolean) ??
        (body.code === 'conflict' ? t.validation.alreadyExists : t.validation.invalid),
    );
  const fields = body.details?.fields;
  if (Array.isArray(fields) && fields.length > 0) {
    return (fields as FieldProblem[])
      .map((f) => say(f.field, f.codes))
      .join(locale === 'fr' ? ' ; ' : '; ');
  }
  const field = body.details?.field;
  if (typeof field === 'string' && (body.code === 'bad_request' || body.code === 'conflict')) {
    return `${t.apiErrors[body.code]} ${say(field)}`;
  }
  return t.apiErrors[body.code] ?? t.apiErrors[apiErrorCodeOf(body.statusCode)];
}

const isApiPath = (url: string) => /^\/api(\/|\?|$)/.test(url);

const isErrorBody = (body: unknown): body is ApiErrorBody =>
  typeof body === 'object' &&
  body !== null &&
  typeof (body as ApiErrorBody).statusCode === 'number' &&
  typeof (body as ApiErrorBody).message === 'string';

/**
 * Every JSON error of /api (from the exception filter, the unknown path fallback,
 * anywhere) leaves with its stable `code` and a message that follows Accept-Language
 * (fr, en, es; English when the header names none of them).
 *
 * Installed once on the app's own response prototype (Express gives each app one) rather
 * than as middleware: a middleware bound a new `res.json` on every request, errors or not.
 */
export function localiseApiErrors(appResponse: Response): void {
  const json = appResponse.json;
  appResponse.json = function localisedJson(this: Response, body: unknown) {
    if (this.statusCode >= 400 && isErrorBody(body) && isApiPath(this.req.originalUrl)) {
      const code: ApiErrorCode = body.code ?? apiErrorCodeOf(this.statusCode);
      const locale = negotiateLocale(this.req.headers['accept-language'], 'en');
      this.vary('Accept-Language');
      this.setHeader('Content-Language', locale);
      const withCode = { ...body, code };
      return json.call(this, { ...withCode, message: localiseErrorMessage(withCode, locale) });
    }
    return json.call(this, body);
  };
}
