import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Actor, badRequest, conflict, forbidden } from '#core';
import { requireWritable } from '#events';
import { LIVE_STATUSES, type LoadedRegistration, RegistrationAccess } from '#registrations';
import type { PutStayNightsDto, PutStayPreferencesDto } from './dto/stay.dto.js';
import { type Guest, loadGuests } from './guests.js';
import { addDays, type NightsSource } from './nights.js';
import { reconcileNights } from './reconcile.js';
import type { RoomPreference, RoomType } from './room-types.js';

/** The accommodation address a visa letter prints (H1's invitation letter). */
export interface StayForLetter {
  hotelName: string;
  address: string;
  city: string;
  checkIn: string;
  checkOut: string;
}

export interface StayNightView {
  night: string;
  roomType: RoomType | null;
  /** The people sharing the room that night: their names only. */
  roommates: string[];
}

/** GET /registrations/:id/stay: the person's wishes, nights, hotel and roommates. */
export interface StayView {
  registrationId: string;
  eventId: string;
  preferences: {
    roomPreference: RoomPreference | null;
    shareWith: string | null;
    roomNeeds: string | null;
    shareNeedsWithHotel: boolean;
  };
  checkIn: string;
  checkOut: string;
  nightsSource: NightsSource;
  nights: StayNightView[];
  hotel: { name: string; address: string; city: string } | null;
  /** Everyone they share a room with on any night: names only. */
  roommates: string[];
  unassignedNights: string[];
}

/** A person's stay: their wishes (owner or organisers), their dates (organisers), reading. */
@Injectable()
export class Stays {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: RegistrationAccess,
  ) {}

  /**
   * Where a registration sleeps, for documents (no actor: the caller has checked access):
   * the hotel of their first assigned night, else the event's only hotel, with their
   * dates; null when the event has no hotel (or several and no room yet).
   */
  async stayFor(registrationId: string): Promise<StayForLetter | null> {
    const [reg] = (await this.dataSource.query(`SELECT event_id FROM registrations WHERE id = $1`, [
      registrationId,
    ])) as Array<{ event_id: string }>;
    if (!reg) return null;
    await reconcileNights(this.dataSource, reg.event_id, registrationId);
    const [guest] = await loadGuests(this.dataSource, reg.event_id, registrationId);
    if (!guest) return null;
    const hotels = (await this.dataSource.query(
      `SELECT h.name, h.address, h.city,
              (SELECT min(a.night) FROM room_assignments a JOIN accommodation_rooms r ON r.id = a.room_id
                WHERE r.hotel_id = h.id AND a.registration_id = $2) AS first_night
         FROM accommodation_hotels h WHERE h.event_id = $1 ORDER BY h.created_at, h.id`,
      [reg.event_id, registrationId],
    )) as Array<{ name: string; address: string; city: string; first_night: string | null }>;
    const assigned = hotels
      .filter((h) => h.first_night)
      .sort((a, b) => String(a.first_night).localeCompare(String(b.first_night)))[0];
    const hotel = assigned ?? (hotels.length === 1 ? hotels[0] : undefined);
    if (!hotel) return null;
    return {
      hotelName: hotel.name,
      address: hotel.address,
      city: hotel.city,
      checkIn: guest.checkIn,
      checkOut: guest.checkOut,
    };
  }

  async get(actor: Actor, registrationId: string): Promise<StayView> {
    return this.viewOf(await this.access.load(actor, registrationId));
  }

  /** The stay of a registration whose access the caller has already checked. */
  viewOf({
    event,
    registration,
  }: Pick<LoadedRegistration, 'event' | 'registration'>): Promise<StayView> {
    return this.view(event.id, registration.id);
  }

  async putPreferences(
    actor: Actor,
    registrationId: string,
    dto: PutStayPreferencesDto,
  ): Promise<StayView> {
    const { registration, event } = await this.access.load(actor, registrationId);
    requireWritable(event);
    if (!LIVE_STATUSES.includes(registration.status)) {
      throw conflict(`A ${registration.status} registration has no stay to plan`, {
        status: registration.status,
      });
    }
    const blank = (v: string | null | undefined) => (v === undefined ? undefined : v || null);
    await this.dataSource.query(
      `INSERT INTO accommodation_stays (registration_id, event_id) VALUES ($1, $2)
       ON CONFLICT (registration_id) DO NOTHING`,
      [registrationId, event.id],
    );
    await this.dataSource.query(
      `UPDATE accommodation_stays SET
         room_preference = CASE WHEN $2 THEN $3 ELSE room_preference END,
         share_with = CASE WHEN $4 THEN $5 ELSE share_with END,
         room_needs = CASE WHEN $6 THEN $7 ELSE room_needs END,
         share_needs_with_hotel = coalesce($8, share_needs_with_hotel),
         updated_at = now()
       WHERE registration_id = $1`,
      [
        registrationId,
        dto.roomPreference !== undefined,
        dto.roomPreference ?? null,
        dto.shareWith !== undefined,
        blank(dto.shareWith) ?? null,
        dto.roomNeeds !== undefined,
        blank(dto.roomNeeds) ?? null,
        dto.shareNeedsWithHotel ?? null,
      ],
    );
    return this.view(event.id, registrationId);
  }

  /** Organisers fix a person's dates; they hold over the flights until cleared. */
  async setNights(
    actor: Actor,
    registrationId: string,
    dto: PutStayNightsDto | null,
  ): Promise<StayView> {
    const { event, isOrganiser } = await this.access.load(actor, registrationId);
    if (!isOrganiser) throw forbidden('Only the organisers of this event can do this');
    requireWritable(event);
    if (dto) {
      if (dto.checkOut <= dto.checkIn) {
        throw badRequest('checkOut must be after checkIn', { field: 'checkOut' });
      }
      // A week either side of the event is plenty; further is a typo.
      if (
        dto.checkIn < addDays(event.startDate, -14) ||
        dto.checkOut > addDays(event.endDate, 14)
      ) {
        throw badRequest('The dates must be within two weeks of the event', { field: 'checkIn' });
      }
    }
    await this.dataSource.query(
      `INSERT INTO accommodation_stays (registration_id, event_id, check_in_override, check_out_override)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (registration_id) DO UPDATE SET check_in_override = EXCLUDED.check_in_override,
         check_out_override = EXCLUDED.check_out_override, updated_at = now()`,
      [registrationId, event.id, dto?.checkIn ?? null, dto?.checkOut ?? null],
    );
    return this.view(event.id, registrationId);
  }

  private async view(eventId: string, registrationId: string): Promise<StayView> {
    await reconcileNights(this.dataSource, eventId, registrationId);
    const [guest] = await loadGuests(this.dataSource, eventId, registrationId);
    const rows = (await this.dataSource.query(
      `SELECT a.night::text, r.room_type, h.name AS hotel_name, h.address, h.city,
              ARRAY(SELECT ac.name FROM room_assignments o
                      JOIN registrations ro ON ro.id = o.registration_id
                      JOIN accounts ac ON ac.id = ro.account_id
                     WHERE o.room_id = a.room_id AND o.night = a.night
                       AND o.registration_id <> a.registration_id ORDER BY ac.name) AS roommates
         FROM room_assignments a
         JOIN accommodation_rooms r ON r.id = a.room_id
         JOIN accommodation_hotels h ON h.id = r.hotel_id
        WHERE a.registration_id = $1 ORDER BY a.night`,
      [registrationId],
    )) as Array<{
      night: string;
      room_type: RoomType;
      hotel_name: string;
      address: string;
      city: string;
      roommates: string[];
    }>;
    const byNight = new Map(rows.map((r) => [r.night, r]));
    const letter = await this.stayHotel(eventId, rows[0]);
    return {
      registrationId,
      eventId,
      preferences: {
        roomPreference: guest.roomPreference,
        shareWith: guest.shareWith,
        roomNeeds: guest.roomNeeds,
        shareNeedsWithHotel: guest.shareNeedsWithHotel,
      },
      checkIn: guest.checkIn,
      checkOut: guest.checkOut,
      nightsSource: guest.source,
      nights: guest.nights.map((night) => ({
        night,
        roomType: byNight.get(night)?.room_type ?? null,
        roommates: byNight.get(night)?.roommates ?? [],
      })),
      hotel: letter,
      roommates: [...new Set(rows.flatMap((r) => r.roommates))],
      unassignedNights: guest.nights.filter((n) => !byNight.has(n)),
    };
  }

  private async stayHotel(
    eventId: string,
    first: { hotel_name: string; address: string; city: string } | undefined,
  ): Promise<StayView['hotel']> {
    if (first) return { name: first.hotel_name, address: first.address, city: first.city };
    const hotels = (await this.dataSource.query(
      `SELECT name, address, city FROM accommodation_hotels WHERE event_id = $1 LIMIT 2`,
      [eventId],
    )) as Array<{ name: string; address: string; city: string }>;
    return hotels.length === 1 ? hotels[0] : null;
  }
}

export type { Guest };
