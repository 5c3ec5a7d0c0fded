import type { ScreenshotPage } from '../screenshot-page.js';

const demoEventId = async (db: import('pg').Client) => {
  const { rows } = await db.query(`SELECT id FROM events WHERE slug = 'tangier-2027'`);
  return (rows[0] as { id: string }).id;
};

/** Shared documents and the opt-in directory of Tangier 2027, for participants and organisers. */
export const pages: ScreenshotPage[] = [
  { name: 'sharing-materials', as: 'awa', path: '/e/tangier-2027/materials' },
  { name: 'sharing-materials-es', as: 'lucia', path: '/e/tangier-2027/materials', locale: 'es' },
  { name: 'sharing-people', as: 'awa', path: '/e/tangier-2027/people' },
  { name: 'sharing-people-es', as: 'lucia', path: '/e/tangier-2027/people', locale: 'es' },
  {
    name: 'console-materials',
    as: 'organiser',
    path: async (db) => `/console/events/${await demoEventId(db)}/materials`,
  },
];
