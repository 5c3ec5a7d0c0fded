import type { ScreenshotPage } from '../screenshot-page.js';

const exchangeOf = (slug: string) => async (db: import('pg').Client) => {
  const { rows } = await db.query(
    `SELECT x.id FROM exchanges x JOIN events e ON e.id = x.event_id WHERE e.slug = $1`,
    [slug],
  );
  return (rows[0] as { id: string }).id;
};

/** The programme "Family support 2027", a host's visitors and the organisers' console. */
export const pages: ScreenshotPage[] = [
  { name: 'programme', as: 'batoto', path: '/programmes/family-support-2027' },
  {
    name: 'programme-es-filtered',
    as: 'cameleon',
    path: '/programmes/family-support-2027?country=KH',
    locale: 'es',
  },
  {
    name: 'exchange-visitors',
    as: 'batoto',
    path: async (db) =>
      `/exchanges/${await exchangeOf('immersion-kogl-taaba-batoto-2026')(db)}/visitors`,
  },
  {
    name: 'exchange-visitors-en',
    as: 'cameleon',
    path: async (db) =>
      `/exchanges/${await exchangeOf('immersion-wrc-cameleon-2027')(db)}/visitors`,
    locale: 'en',
  },
  { name: 'console-exchanges', as: 'organiser', path: '/console/exchanges', widths: ['laptop'] },
];
