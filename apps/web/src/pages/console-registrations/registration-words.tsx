import { displayNames, formatInZone, INTL_TAGS, type Locale } from '#core';
import { RegistrationBadge } from '../../components/registration-badge.js';
import type { WebContext } from '../../http/web-context.js';

/** "3 déc. 2026" in the event's zone (from our own zone rules, not the runtime's). */
export function shortDate(iso: string | null, zone: string, locale: Locale): string {
  if (!iso) return '';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '';
  return formatInZone(at, zone, INTL_TAGS[locale], {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
}

/** "3 déc. 2026, 14:05" in the event's zone. */
export function shortDateTime(iso: string | null, zone: string, locale: Locale): string {
  if (!iso) return '';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '';
  const time = formatInZone(at, zone, INTL_TAGS[locale], {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return `${shortDate(iso, zone, locale)}, ${time}`;
}

/** A language code as its name in the reader's language ("wo" -> "wolof"). */
export function languageName(code: string, locale: Locale): string {
  try {
    return displayNames(INTL_TAGS[locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function StatusBadge({ ctx, status }: { ctx: WebContext; status: string }) {
  const label = ctx.t.consoleRegistrations.statuses[status] ?? status;
  return <RegistrationBadge status={status} label={label} />;
}

export const professionLabel = (ctx: WebContext, profession: string, other: string | null) =>
  profession === 'other' && other
    ? other
    : (ctx.t.consoleRegistrations.professions[profession] ?? profession);

export const visaLabel = (ctx: WebContext, status: string | null) =>
  ctx.t.consoleRegistrations.visaStatuses[status ?? 'none'] ?? status ?? '';

/** A status as words, lower-case inside a sentence ("it is cancelled"). */
export const statusWords = (ctx: WebContext, status: string) =>
  (ctx.t.consoleRegistrations.statuses[status] ?? status).toLocaleLowerCase(ctx.locale);
