import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Actor, badRequest, conflict, notFound } from '#core';
import { EventPeople } from './audience.js';
import { DirectoryListing } from './sharing.entities.js';

/** What the directory shows of a person: never an email, a phone or anything private. */
export interface DirectoryEntry {
  registrationId: string;
  name: string;
  organisation: { name: string; country: string };
  profession: string;
  professionOther: string | null;
  languages: string[];
  /** The reader's own entry. */
  isMe: boolean;
}

/**
 * The opt-in directory of an event's participants, so they find peers before the week.
 * Off by default: a participant appears only once they said so (a directory_listings
 * row), only while confirmed, and only to the event's other confirmed participants and
 * staff; withdrawing deletes the row, so they disappear at once.
 */
@Injectable()
export class Directory {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly people: EventPeople,
  ) {}

  async list(actor: Actor, eventId: string): Promise<DirectoryEntry[]> {
    const s = await this.people.standing(actor, eventId).catch(() => {
      throw notFound('Event');
    });
    if (!s.isStaff && s.registration?.status !== 'confirmed') throw notFound('Event');
    // r.event_id = d.event_id (always true: a listing carries its registration's event) lets
    // the planner read the event's confirmed registrations through their (event_id, status)
    // index instead of scanning every event's registrations to match the listings.
    const rows = (await this.dataSource.query(
      `SELECT r.id, a.id AS account_id, a.name, o.name AS org_name, o.country,
              r.profession, r.profession_other, r.languages
         FROM directory_listings d
         JOIN registrations r
           ON r.id = d.registration_id AND r.event_id = d.event_id AND r.status = 'confirmed'
         JOIN accounts a ON a.id = r.account_id
         JOIN organisations o ON o.id = r.organisation_id
        WHERE d.event_id = $1
        ORDER BY lower(a.name), r.id`,
      [eventId],
    )) as Array<{
      id: string;
      account_id: string;
      name: string;
      org_name: string;
      country: string;
      profession: string;
      profession_other: string | null;
      languages: string[];
    }>;
    return rows.map((r) => ({
      registrationId: r.id,
      name: r.name,
      organisation: { name: r.org_name, country: r.country },
      profession: r.profession,
      professionOther: r.profession === 'other' ? r.profession_other : null,
      languages: r.languages,
      isMe: r.account_id === actor.accountId,
    }));
  }

  /** Whether the participant's own registration is listed; 404 for anyone else's. */
  async status(
    actor: Actor,
    registrationId: string,
  ): Promise<{ listed: boolean; eventId: string }> {
    const reg = await this.own(actor, registrationId);
    const found = await this.dataSource
      .getRepository(DirectoryListing)
      .existsBy({ registrationId });
    return { listed: found, eventId: reg.event_id };
  }

  /** The participant's own choice; only they make it (organisers cannot list anyone). */
  async setListed(
    actor: Actor,
    registrationId: string,
    listed: unknown,
  ): Promise<{ listed: boolean; eventId: string }> {
    if (typeof listed !== 'boolean') {
      throw badRequest('listed must be true or false', {
        fields: [{ field: 'listed', codes: ['isBoolean'] }],
      });
    }
    const reg = await this.own(actor, registrationId);
    const repo = this.dataSource.getRepository(DirectoryListing);
    if (!listed) {
      await repo.delete({ registrationId });
      return { listed: false, eventId: reg.event_id };
    }
    if (!['pending', 'confirmed', 'waitlisted'].includes(reg.status)) {
      throw conflict('Only a registration still standing can be listed in the directory', {
        reason: 'registration_not_live',
        status: reg.status,
      });
    }
    await this.dataSource.query(
      `INSERT INTO directory_listings (registration_id, event_id, listed_at)
       VALUES ($1, $2, now()) ON CONFLICT (registration_id) DO NOTHING`,
      [registrationId, reg.event_id],
    );
    return { listed: true, eventId: reg.event_id };
  }

  private async own(actor: Actor, registrationId: string) {
    const rows = (await this.dataSource.query(
      `SELECT id, event_id, status FROM registrations WHERE id = $1 AND account_id = $2`,
      [registrationId, actor.accountId],
    )) as Array<{ id: string; event_id: string; status: string }>;
    if (!rows[0]) throw notFound('Registration');
    return rows[0];
  }
}
