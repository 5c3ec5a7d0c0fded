import type { DataSource } from 'typeorm';

export interface SeedEvent {
  slug: string;
  /** The meeting's name, the same in each of its languages (the network's own). */
  name: string;
  /** The description in each of the event's languages, the first language's included. */
  descriptions: Readonly<Record<string, string>>;
  kind: string;
  timezone: string;
  startDate: string;
  endDate: string;
  venueName: string;
  venueCity: string;
  venueCountry: string;
  capacity: number;
  requiresApproval: boolean;
  languages: readonly string[];
  registrationOpensAt: string;
  registrationClosesAt: string;
}

/**
 * Inserts a demo event unless its slug exists, and returns its id either way.
 * `publishedAt` also dates the row's creation, so an old edition looks old.
 */
export async function insertEvent(
  ds: DataSource,
  e: SeedEvent,
  options: { status: 'published' | 'archived'; publishedAt?: string; createdBy: string },
): Promise<string> {
  await ds.query(
    `INSERT INTO events (slug, name, description, kind, timezone, start_date, end_date, venue_name, venue_city,
       venue_country, capacity, requires_approval, languages, registration_opens_at, registration_closes_at,
       status, published_at, created_by, created_at, names, descriptions)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,
             COALESCE($17::timestamptz, now()),$18,COALESCE($17::timestamptz, now()),$19,$20)
     ON CONFLICT (slug) DO NOTHING`,
    [
      e.slug,
      e.name,
      // `description` is the first language's, as the console writes it.
      e.descriptions[e.languages[0]],
      e.kind,
      e.timezone,
      e.startDate,
      e.endDate,
      e.venueName,
      e.venueCity,
      e.venueCountry,
      e.capacity,
      e.requiresApproval,
      [...e.languages],
      e.registrationOpensAt,
      e.registrationClosesAt,
      options.status,
      options.publishedAt ?? null,
      options.createdBy,
      JSON.stringify(Object.fromEntries(e.languages.map((l) => [l, e.name]))),
      JSON.stringify(e.descriptions),
    ],
  );
  const [row] = (await ds.query(`SELECT id FROM events WHERE slug = $1`, [e.slug])) as Array<{
    id: string;
  }>;
  return row.id;
}
