import type { ScreenshotPage } from '../screenshot-page.js';

const demoEventId = async (db: import('pg').Client) => {
  const { rows } = await db.query(`SELECT id FROM events WHERE slug = 'tangier-2027'`);
  return (rows[0] as { id: string }).id;
};

/** The demo's feedback form of a kind: the week's (anonymous) or a workshop's (with names). */
const formId = async (db: import('pg').Client, kind: 'week' | 'workshop') => {
  const { rows } = await db.query(
    `SELECT f.id FROM feedback_forms f JOIN events e ON e.id = f.event_id
       LEFT JOIN sessions s ON s.id = f.session_id
      WHERE e.slug = 'tangier-2027' AND ${kind === 'week' ? 'f.session_id IS NULL' : "s.kind = 'workshop'"}
      LIMIT 1`,
  );
  return (rows[0] as { id: string }).id;
};

/** Feedback forms of Tangier 2027: answering them, and the organisers' results. */
export const pages: ScreenshotPage[] = [
  { name: 'feedback-list', as: 'awa', path: '/e/tangier-2027/feedback' },
  {
    name: 'feedback-answer-anonymous',
    as: 'awa',
    path: async (db) => `/e/tangier-2027/feedback/${await formId(db, 'week')}`,
  },
  {
    name: 'feedback-answer-es',
    as: 'lucia',
    locale: 'es',
    path: async (db) => `/e/tangier-2027/feedback/${await formId(db, 'week')}`,
  },
  {
    name: 'console-feedback',
    as: 'organiser',
    path: async (db) => `/console/events/${await demoEventId(db)}/feedback`,
  },
  {
    name: 'console-feedback-results-anonymous',
    as: 'organiser',
    widths: ['phone', 'laptop'],
    path: async (db) =>
      `/console/events/${await demoEventId(db)}/feedback/${await formId(db, 'week')}/results`,
  },
  {
    name: 'console-feedback-results-workshop',
    as: 'organiser',
    path: async (db) =>
      `/console/events/${await demoEventId(db)}/feedback/${await formId(db, 'workshop')}/results`,
  },
  {
    name: 'console-feedback-edit',
    as: 'organiser',
    path: async (db) =>
      `/console/events/${await demoEventId(db)}/feedback/${await formId(db, 'workshop')}`,
  },
];
