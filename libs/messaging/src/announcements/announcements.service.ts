import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { type Actor, badRequest, type Locale, LOCALES } from '#core';
import { EventAccess } from '#events';
import { Outbox, type OutboundMessage } from '../outbox.service.js';
import { type AnnouncementPayload, eventSummary } from '../payloads.js';
import type {
  AnnouncementAudience,
  AnnouncementResultView,
  CreateAnnouncementDto,
} from './announcement.dto.js';

const LIVE = ['pending', 'confirmed', 'waitlisted'];
const STATUSES: Record<AnnouncementAudience, string[]> = {
  confirmed: ['confirmed'],
  waitlisted: ['waitlisted'],
  all: LIVE,
  organisation: LIVE,
  country: LIVE,
};

interface Recipient {
  account_id: string;
  email: string;
  name: string;
  locale: string;
}

/**
 * The language a person reads an announcement in: theirs when the organisers wrote
 * it, else the event's first language that was written, else any that was.
 */
function pickLocale(wanted: string, written: Locale[], eventLanguages: string[]): Locale {
  if (written.includes(wanted as Locale)) return wanted as Locale;
  const fromEvent = eventLanguages.find((l) => written.includes(l as Locale));
  return (fromEvent as Locale | undefined) ?? written[0];
}

/** Organisers writing to their participants: one outbox row per person, in their language. */
@Injectable()
export class AnnouncementsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: EventAccess,
    private readonly outbox: Outbox,
  ) {}

  async announce(
    actor: Actor,
    eventId: string,
    dto: CreateAnnouncementDto,
  ): Promise<AnnouncementResultView> {
    const event = await this.access.requireOrganiser(actor, eventId);
    const written = this.writtenLocales(dto);
    const announcementId = randomUUID();

    return this.dataSource.transaction(async (manager) => {
      const params: unknown[] = [event.id, STATUSES[dto.audience]];
      let filter = '';
      if (dto.audience === 'organisation') {
        params.push(dto.organisationId);
        filter = `AND r.organisation_id = $${params.length}`;
      } else if (dto.audience === 'country') {
        params.push(dto.country);
        filter = `AND o.country = $${params.length}`;
      }
      // One row per person even if they somehow hold two live registrations.
      const recipients: Recipient[] = await manager.query(
        `SELECT DISTINCT ON (a.id) a.id AS account_id, a.email, a.name, a.locale
           FROM registrations r
           JOIN accounts a ON a.id = r.account_id
           JOIN organisations o ON o.id = r.organisation_id
          WHERE r.event_id = $1 AND r.status = ANY($2::text[]) ${filter}
          ORDER BY a.id`,
        params,
      );
      const summary = eventSummary(event);
      const byLocale: Record<string, number> = {};
      const messages: OutboundMessage[] = recipients.map((r) => {
        const locale = pickLocale(r.locale, written, event.languages);
        byLocale[locale] = (byLocale[locale] ?? 0) + 1;
        const payload: AnnouncementPayload & { announcementId: string } = {
          ...summary,
          announcementId,
          recipientName: r.name,
          subject: dto.subject[locale]!,
          body: dto.body[locale]!,
        };
        return {
          template: 'announcement',
          recipientEmail: r.email,
          recipientAccountId: r.account_id,
          locale,
          eventId: event.id,
          payload: { ...payload },
          dedupeKey: `announcement:${announcementId}:${r.account_id}`,
        };
      });
      for (let i = 0; i < messages.length; i += 500) {
        await this.outbox.enqueue(manager, messages.slice(i, i + 500));
      }
      return { announcementId, recipients: messages.length, byLocale };
    });
  }

  private writtenLocales(dto: CreateAnnouncementDto): Locale[] {
    const fieldError = (field: string, message: string) =>
      badRequest(message, { fields: [{ field, problems: [message] }] });
    const written = LOCALES.filter((l) => dto.subject[l] || dto.body[l]);
    if (written.length === 0) {
      throw fieldError('subject', 'subject and body must be written in at least one of fr, en, es');
    }
    for (const l of written) {
      if (!dto.subject[l])
        throw fieldError(`subject.${l}`, `subject.${l} is required when body.${l} is given`);
      if (!dto.body[l])
        throw fieldError(`body.${l}`, `body.${l} is required when subject.${l} is given`);
    }
    return written;
  }
}
