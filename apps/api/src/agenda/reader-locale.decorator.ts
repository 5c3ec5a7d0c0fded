import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { type Locale, LOCALES } from '#core';
import { negotiateLocale } from '#i18n';

/**
 * The language a client reads an event's texts in: `?lang=` when it names fr, en or es,
 * else the best of Accept-Language, else none (the service then uses the event's first).
 */
export const ReaderLocale = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Locale | undefined => {
    const req = ctx.switchToHttp().getRequest<{
      query?: Record<string, unknown>;
      headers: Record<string, string | string[] | undefined>;
    }>();
    const lang = req.query?.lang;
    if (typeof lang === 'string' && (LOCALES as readonly string[]).includes(lang)) {
      return lang as Locale;
    }
    const header = req.headers['accept-language'];
    if (typeof header !== 'string' || header === '') return undefined;
    const picked = negotiateLocale(header, '' as Locale);
    return picked === ('' as Locale) ? undefined : picked;
  },
);
