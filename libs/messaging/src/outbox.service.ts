import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { LOCALES, type Locale } from '#core';
import { Message } from './message.entity.js';
import type { TemplateName } from './template-names.js';

export interface OutboundMessage {
  template: TemplateName;
  recipientEmail: string;
  recipientAccountId?: string | null;
  /** The recipient's locale; when unknown, the event's first language is used by the caller. */
  locale: Locale;
  eventId?: string | null;
  payload: Record<string, unknown>;
  dedupeKey?: string;
}

/**
 * Writes outbox rows with the caller's transaction manager, so an email exists if and
 * only if the change that causes it commits. Sending is the worker's job, never the
 * request's.
 */
@Injectable()
export class Outbox {
  async enqueue(manager: EntityManager, messages: OutboundMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await manager
      .createQueryBuilder()
      .insert()
      .into(Message)
      .values(
        messages.map((m) => ({
          template: m.template,
          recipientEmail: m.recipientEmail,
          recipientAccountId: m.recipientAccountId ?? null,
          locale: m.locale,
          eventId: m.eventId ?? null,
          payload: m.payload as Message['payload'] & object,
          dedupeKey: m.dedupeKey ?? null,
          status: 'queued' as const,
          attempts: 0,
        })),
      )
      .orIgnore() // a dedupe key seen before means this email is already on its way
      .execute();
  }
}

/** The recipient's own language when we write in it, else the event's first one we write, else English. */
export function recipientLocale(
  accountLocale: string | null | undefined,
  eventLanguages: readonly string[],
): Locale {
  const known = (l: string | null | undefined): l is Locale =>
    !!l && (LOCALES as readonly string[]).includes(l);
  if (known(accountLocale)) return accountLocale;
  return eventLanguages.find(known) ?? 'en';
}
