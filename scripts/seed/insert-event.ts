import type { DataSource } from 'typeorm';

export interface SeedEvent {
  slug: string;
  name: string;
  description: string;
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
       status, published_at, created_by, created_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,
             COALESCE($17::timestamptz, now()),$18,COALESCE($17::timestamptz, now()))
     ON CONFLICT (slug) DO NOTHING`,
    [
      e.slug,
      e.name,
      e.description,
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
    ],
  );
  const [row] = (await ds.query(`SELECT id FROM events WHERE slug = $1`, [e.slug])) as Array<{
    id: string;
  }>;
  return row.id;
}
