import { LOCALES } from '#core';
import type { WebContext } from '../http/web-context.js';

/* Choices several forms offer in a select, labelled the same way everywhere. */

/** Convene's languages, each named in the reader's language. */
export const localeOptions = (ctx: WebContext) =>
  LOCALES.map((l) => ({ value: l, label: ctx.t.common.languageNames[l] }));

/** Partner organisations as "Name (City)", or the name alone when the city is not known. */
export const organisationOptions = (
  organisations: ReadonlyArray<{ id: string; name: string; city: string | null }>,
) =>
  organisations.map((o) => ({
    value: o.id,
    label: o.city ? `${o.name} (${o.city})` : o.name,
  }));
