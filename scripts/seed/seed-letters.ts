import { deflateSync } from 'node:zlib';
import { LETTER_ISSUED_STATUSES } from '#travel';
import { DEMO_HOST } from './demo-data.js';
import type { SeedContext } from './seed-context.js';

/**
 * The Tangier 2027 invitation letter: the Moroccan host partner's letterhead (with a logo),
 * its president's signature, the consulate named the Moroccan way, French after the
 * participant's language, who pays. Illustrative: names, phone and address are made up.
 */
export const DEMO_LETTER_SETTINGS = {
  orgName: 'Association Mères et Enfants de Tanger',
  orgAddress: 'جمعية الأمهات والأطفال بطنجة\n14, rue Ibn Battouta\n90000 Tanger, Maroc',
  orgPhone: '+212 539 00 00 00',
  orgEmail: 'contact@meres-enfants-tanger.example',
  signatoryName: DEMO_HOST.name,
  signatoryTitle: 'Présidente',
  consulateWording: {
    fr: 'Consulat général du Royaume du Maroc',
    en: 'Consulate General of the Kingdom of Morocco',
    es: 'Consulado General del Reino de Marruecos',
  },
  bilingual: true,
  coverage: {
    travel: 'organisers',
    accommodation: 'organisers',
    meals: 'organisers',
    visaFees: 'participant',
  },
  stayAddress: 'Hôtel Continental, 36 rue Dar Baroud, 90000 Tanger, Maroc',
} as const;

/** Where the consulate of Morocco serving each demo nationality is (none: no addressee line). */
const CONSULATE_CITY: Record<string, string> = {
  BF: 'Ouagadougou',
  CD: 'Kinshasa',
  CG: 'Brazzaville',
  CM: 'Yaoundé',
  MG: 'Antananarivo',
  PE: 'Lima',
};

/** A few bytes of a name, as a stable number (the same date of birth on every seed). */
function hashOf(text: string): number {
  let h = 2166136261;
  for (const c of text) h = Math.imul(h ^ c.codePointAt(0)!, 16777619) >>> 0;
  return h;
}

const pad = (n: number) => String(n).padStart(2, '0');

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** An RGB PNG drawn by `paint(x, y)`, with no library (the seed runs from dist). */
export function demoPng(
  width: number,
  height: number,
  paint: (x: number, y: number) => [number, number, number],
): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    for (let x = 0; x < width; x++) raw.set(paint(x, y), row + 1 + x * 3);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A teal disc with a white crescent and a small star: the partner's emblem, made up. */
function logo(): Buffer {
  const teal: [number, number, number] = [17, 94, 89];
  const white: [number, number, number] = [255, 255, 255];
  return demoPng(120, 120, (x, y) => {
    const d = Math.hypot(x - 60, y - 60);
    if (d > 56) return white;
    const inMoon = Math.hypot(x - 54, y - 60) < 30 && Math.hypot(x - 66, y - 56) > 25;
    const inStar = Math.hypot(x - 80, y - 52) < 6;
    return inMoon || inStar ? white : teal;
  });
}

/** A handwritten-looking stroke in dark blue ink. */
function signature(): Buffer {
  const ink: [number, number, number] = [22, 36, 110];
  const paper: [number, number, number] = [255, 255, 255];
  const curve = (x: number) => 48 + 18 * Math.sin(x / 11) * Math.exp(-x / 260) - x / 12;
  return demoPng(300, 90, (x, y) => {
    const onCurve = x > 12 && x < 280 && Math.abs(y - curve(x)) < 2.2;
    const onLoop = Math.abs(Math.hypot(x - 40, y - 42) - 16) < 1.8;
    const underline = x > 60 && x < 250 && Math.abs(y - (78 - x / 40)) < 1.2;
    return onCurve || onLoop || underline ? ink : paper;
  });
}

/**
 * Seeds the letter settings once (an organiser's later changes are kept), and gives the
 * letters already asked for the details a consulate wants: date of birth, passport issue
 * date and the consulate, encrypted like the passport number.
 */
export async function seedLetters(ctx: SeedContext): Promise<void> {
  const { ds, eventId, accountIds, fieldCipher } = ctx;
  const s = DEMO_LETTER_SETTINGS;
  await ds.query(
    `INSERT INTO event_letter_settings (event_id, org_name, org_address, org_phone, org_email,
       logo, logo_type, signatory_name, signatory_title, signature, signature_type,
       consulate_wording, bilingual, coverage, stay_address, updated_by, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, 'image/png', $7, $8, $9, 'image/png', $10, $11, $12, $13, $14, now())
     ON CONFLICT (event_id) DO NOTHING`,
    [
      eventId,
      s.orgName,
      s.orgAddress,
      s.orgPhone,
      s.orgEmail,
      logo(),
      s.signatoryName,
      s.signatoryTitle,
      signature(),
      JSON.stringify(s.consulateWording),
      s.bilingual,
      JSON.stringify(s.coverage),
      s.stayAddress,
      accountIds[DEMO_HOST.email] ?? null,
    ],
  );
  const plans = (await ds.query(
    `SELECT p.registration_id, p.passport_nationality, a.name
       FROM travel_plans p JOIN registrations r ON r.id = p.registration_id
       JOIN accounts a ON a.id = r.account_id
      WHERE p.event_id = $1 AND p.birth_date_encrypted IS NULL
        AND p.passport_number_encrypted IS NOT NULL
        AND p.visa_status = ANY($2::text[])`,
    [eventId, ['letter_requested', ...LETTER_ISSUED_STATUSES]],
  )) as Array<{ registration_id: string; passport_nationality: string; name: string }>;
  for (const p of plans) {
    const h = hashOf(p.name);
    const birth = `${1968 + (h % 28)}-${pad(1 + ((h >>> 5) % 12))}-${pad(1 + ((h >>> 9) % 28))}`;
    const issued = `${2019 + ((h >>> 13) % 6)}-${pad(1 + ((h >>> 17) % 12))}-${pad(1 + ((h >>> 21) % 28))}`;
    await ds.query(
      `UPDATE travel_plans SET birth_date_encrypted = $2, passport_issued_on_encrypted = $3,
              consulate_country = $4, consulate_city = $5
        WHERE registration_id = $1 AND birth_date_encrypted IS NULL`,
      [
        p.registration_id,
        fieldCipher.encrypt(birth),
        fieldCipher.encrypt(issued),
        CONSULATE_CITY[p.passport_nationality] ? p.passport_nationality : null,
        CONSULATE_CITY[p.passport_nationality] ?? null,
      ],
    );
  }
}
