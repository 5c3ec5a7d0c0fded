import { randomUUID } from 'node:crypto';
import { createPdf, writeText } from '#documents';
import { fileStorageFromEnv } from '#files';
import type { SeedStep } from './seed-context.js';

/** The demo's people who agreed to appear in the directory (the long Arabic and Vietnamese names among them). */
const LISTED = [
  'خديجة بنت عبد الرحمن الإدريسي',
  'Nguyễn Thị Minh Khai-Hằng',
  'Issouf Sanou',
  'Mireille Ngo Biyong',
  'Grâce Mabiala',
  'Hélène Martin',
  'Voahangy Rakotomalala',
  'Aminata Keïta',
  'Nadia Benjelloun',
  'Rosa Huamán',
  'Espoir Bahati',
  'Carmen Flores',
];

/** A small PDF through libs/documents: a heading and a few paragraphs, any script. */
async function pdf(title: string, lines: string[]): Promise<Buffer> {
  const { doc, done } = createPdf({ title, subject: title, author: 'Convene', lang: 'fr' });
  writeText(doc, title, { bold: true, size: 20 });
  doc.moveDown();
  for (const line of lines) {
    writeText(doc, line, { size: 11 });
    doc.moveDown(0.6);
  }
  doc.end();
  return done;
}

/**
 * Tangier 2027's shared documents (the participant guide for the whole event, slides for
 * a workshop) and a dozen participants listed in the directory. Idempotent: documents
 * only when the event has none; listings ON CONFLICT DO NOTHING.
 */
export const seedSharing: SeedStep = async ({ ds, eventId }) => {
  const [{ n }] = (await ds.query(
    `SELECT count(*)::int AS n FROM event_materials WHERE event_id = $1`,
    [eventId],
  )) as Array<{ n: number }>;
  if (n === 0) {
    const [organiser] = (await ds.query(
      `SELECT account_id FROM event_staff WHERE event_id = $1 AND role = 'organiser' LIMIT 1`,
      [eventId],
    )) as Array<{ account_id: string }>;
    const [workshop] = (await ds.query(
      `SELECT id, title FROM sessions WHERE event_id = $1 AND kind = 'workshop'
        ORDER BY starts_at, title LIMIT 1`,
      [eventId],
    )) as Array<{ id: string; title: string }>;
    const guide = await pdf('Guide du participant – Tanger 2027', [
      'Bienvenue à Tanger ! Ce guide rassemble ce qu’il faut savoir pour la semaine.',
      'Lieu : Hôtel Continental, Tanger. Accueil le lundi à partir de 8 h 30.',
      'Welcome to Tangier: the week’s practical information, in French and English.',
      'مرحبا بكم في طنجة',
      'Urgences : adressez-vous à l’accueil ou à l’équipe d’organisation.',
    ]);
    const slides = await pdf(workshop?.title ?? 'Atelier', [
      'Supports de l’atelier : questions de départ, exemples des Maisons des familles,',
      'et une pratique à essayer à la maison.',
    ]);
    const storage = fileStorageFromEnv();
    for (const m of [
      {
        title: 'Guide du participant',
        fileName: 'Guide du participant Tanger 2027.pdf',
        bytes: guide,
        sessionId: null,
      },
      ...(workshop
        ? [
            {
              title: `Supports : ${workshop.title}`,
              fileName: 'Supports atelier.pdf',
              bytes: slides,
              sessionId: workshop.id,
            },
          ]
        : []),
    ]) {
      const id = randomUUID();
      const key = `materials/${eventId}/${id}.pdf`;
      await storage.put(key, m.bytes, 'application/pdf');
      await ds.query(
        `INSERT INTO event_materials (id, event_id, session_id, title, file_name, content_type,
           size_bytes, storage_key, uploaded_by, uploaded_at)
         VALUES ($1, $2, $3, $4, $5, 'application/pdf', $6, $7, $8, '2027-10-01T09:00:00Z')`,
        [
          id,
          eventId,
          m.sessionId,
          m.title,
          m.fileName,
          m.bytes.length,
          key,
          organiser?.account_id ?? null,
        ],
      );
    }
  }
  await ds.query(
    `INSERT INTO directory_listings (registration_id, event_id, listed_at)
     SELECT r.id, r.event_id, '2027-09-20T12:00:00Z'
       FROM registrations r JOIN accounts a ON a.id = r.account_id
      WHERE r.event_id = $1 AND r.status = 'confirmed' AND a.name = ANY($2::text[])
     ON CONFLICT (registration_id) DO NOTHING`,
    [eventId, LISTED],
  );
};
