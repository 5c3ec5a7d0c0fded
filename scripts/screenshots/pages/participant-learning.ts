import type { ScreenshotPage } from '../screenshot-page.js';

const SLUG = 'immersion-kogl-taaba-batoto-2026';

const immersionId = async (db: import('pg').Client) => {
  const { rows } = await db.query(`SELECT id FROM events WHERE slug = $1`, [SLUG]);
  return (rows[0] as { id: string }).id;
};

/**
 * The exchange report of Kogl Taaba's visit to Solidarité Batoto (seeded journals), and
 * the host team's page of shared entries, as the immersion's organiser sees them.
 */
export const pages: ScreenshotPage[] = [
  { name: 'learning-report', as: 'organiser', path: `/e/${SLUG}/report` },
  { name: 'learning-report-es', as: 'organiser', path: `/e/${SLUG}/report`, locale: 'es' },
  {
    name: 'learning-host-journal',
    as: 'organiser',
    path: async (db) => `/host/events/${await immersionId(db)}/journal`,
  },
];
