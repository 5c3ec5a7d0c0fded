import type pg from 'pg';
import type { ScreenshotPage } from '../screenshot-page.js';

/** The demo meeting's invitation letter settings page. */
const letter = async (db: pg.Client) => {
  const { rows } = await db.query<{ id: string }>(`SELECT id FROM events WHERE slug = $1`, [
    'tangier-2027',
  ]);
  return `/console/events/${rows[0].id}/letter`;
};

/** Lucía Quispe's travel page: her letter is issued, its details are shown. */
const luciaTravel = async (db: pg.Client) => {
  const { rows } = await db.query<{ id: string }>(
    `SELECT r.id FROM registrations r JOIN accounts a ON a.id = r.account_id
       JOIN events e ON e.id = r.event_id
      WHERE e.slug = 'tangier-2027' AND a.name = 'Lucía Quispe'`,
  );
  return `/my/registrations/${rows[0].id}/travel`;
};

/** The letter settings (letterhead, signatory, who pays) and a participant's letter details. */
export const pages: ScreenshotPage[] = [
  { name: 'console-letter', as: 'organiser', path: letter, widths: ['laptop'] },
  { name: 'console-letter-es', as: 'organiser', path: letter, widths: ['laptop'], locale: 'es' },
  { name: 'participant-letter-details-es', as: 'lucia', path: luciaTravel, locale: 'es' },
];
