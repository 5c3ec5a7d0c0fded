import { dateTimeFormat, formatInZone, INTL_TAGS, type Locale } from '#core';
import { messages } from '#i18n';
import { textIn } from '#events';
import { placeName, zoneLabel } from '#ics';
import { dateRange } from '#messaging';
import { type AttendedSession, hoursAndMinutes, totalMinutes } from './attendance.js';

/** What a certificate says, gathered by the service. */
export interface CertificateFacts {
  locale: Locale;
  reference: string;
  /** ${publicUrl}/verify/<code>, carried by the QR code. */
  verifyUrl: string;
  /** YYYY-MM-DD in the event's zone: the day it was first issued. */
  issuedOn: string;
  eventName: string;
  /** The event's languages, in its order: where a session title falls back to. */
  eventLanguages: readonly string[];
  eventStartDate: string;
  eventEndDate: string;
  venueCity: string | null;
  timezone: string;
  participantName: string;
  organisationName: string | null;
  sessions: AttendedSession[];
  letterhead: { name: string; lines: string[] } | null;
  signerName: string | null;
  signerLines: string[];
}

export interface CertificateRow {
  date: string;
  hours: string;
  title: string;
  duration: string;
}

/** Every line of a certificate in its reader's language: the PDF only lays them out. */
export interface CertificateText {
  lang: Locale;
  title: string;
  placeAndDate: string;
  reference: string;
  certify: string;
  name: string;
  organisation: string | null;
  attended: string;
  columns: [date: string, hours: string, session: string, duration: string];
  rows: CertificateRow[];
  zoneNote: string;
  total: [label: string, value: string];
  signature: string[];
  verify: string;
  verifyUrl: string;
  letterhead: { name: string; lines: string[] } | null;
}

/** "1 December 2026" ("1er décembre 2026"), a calendar date independent of any zone. */
export function writtenDate(date: string, locale: Locale): string {
  const text = dateTimeFormat(INTL_TAGS[locale], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T12:00:00Z`));
  return locale === 'fr' ? text.replace(/^1 /, '1er ') : text;
}

/** A duration written the local way: 750 -> "12 h 30" (fr), "12 h 30 min" (en, es). */
export function writtenDuration(minutes: number, locale: Locale): string {
  const [h, m] = hoursAndMinutes(minutes);
  return messages(locale).certificates.pdf.amount(h, m);
}

export function certificateText(f: CertificateFacts): CertificateText {
  const t = messages(f.locale).certificates.pdf;
  const place = placeName(f.venueCity, f.timezone, f.locale);
  const day: Intl.DateTimeFormatOptions = {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  };
  const time: Intl.DateTimeFormatOptions = {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  };
  const intl = INTL_TAGS[f.locale];
  const rows = f.sessions.map((s) => ({
    date: formatInZone(s.startsAt, f.timezone, intl, day),
    hours: `${formatInZone(s.startsAt, f.timezone, intl, time)}–${formatInZone(s.endsAt, f.timezone, intl, time)}`,
    title: textIn(s.titles, f.locale, f.eventLanguages, s.title) ?? s.title,
    duration: writtenDuration(totalMinutes([s]), f.locale),
  }));
  return {
    lang: f.locale,
    title: t.title,
    placeAndDate: t.placeAndDate(place, writtenDate(f.issuedOn, f.locale)),
    reference: t.reference(f.reference),
    certify: t.certify,
    name: f.participantName,
    organisation: f.organisationName ? t.organisation(f.organisationName) : null,
    attended: t.attended(f.eventName, place, dateRange(f.eventStartDate, f.eventEndDate, f.locale)),
    columns: [t.date, t.hours, t.session, t.duration],
    rows,
    zoneNote: t.zoneNote(zoneLabel(place, f.locale)),
    total: [t.total, writtenDuration(totalMinutes(f.sessions), f.locale)],
    signature: [f.signerName ?? t.organisers, ...f.signerLines],
    verify: t.verify,
    verifyUrl: f.verifyUrl,
    letterhead: f.letterhead,
  };
}
