import { randomUUID } from 'node:crypto';
import { sealReceipt } from '#finance';
import { fileStorageFromEnv } from '#files';
import { DEMO_ORGANISER } from './demo-data.js';
import type { SeedContext } from './seed-context.js';

/*
 * Tangier 2027's money: the network pays travel, visa fees, rooms and meals, and a per
 * diem of 300 MAD a day paid in cash in Tangier; the books are kept in euros at the
 * organisers' rates. Amounts are made up but of the right size.
 */

type Payer = 'network' | 'partner' | 'participant';
type Kind = 'flight' | 'ground_transport' | 'visa_fee' | 'accommodation' | 'meals' | 'other';

interface DemoCost {
  kind: Kind | 'per_diem';
  description?: string;
  amount: number;
  currency: string;
  payer?: Payer;
  advancedBy?: Payer;
  status?: 'to_pay' | 'paid' | 'reimbursed';
  receipt?: string;
}

interface DemoCosts {
  name: string;
  override?: { travel?: Payer; perDiem?: Payer; perDiemDays?: number; note?: string };
  costs: DemoCost[];
}

/** EUR for one unit, as the network's treasurer set them in September 2027. */
const DEMO_RATES: Array<[string, string]> = [
  ['MAD', '0.0925'],
  ['XOF', '0.00152449'],
  ['XAF', '0.00152449'],
  ['PEN', '0.2450'],
  ['MGA', '0.000205'],
];

const flight = (description: string, amount: number, status: DemoCost['status'] = 'paid') =>
  ({
    kind: 'flight',
    description,
    amount,
    currency: 'EUR',
    status,
    receipt: `${description}.pdf`,
  }) as DemoCost;

export const DEMO_COSTS: DemoCosts[] = [
  {
    name: 'Awa Traoré',
    costs: [
      flight('Ouagadougou - Casablanca - Tanger AT1422', 64550),
      {
        kind: 'visa_fee',
        description: 'Visa Maroc, consulat de Ouagadougou',
        amount: 77000,
        currency: 'MAD',
        advancedBy: 'participant',
        status: 'reimbursed',
        receipt: 'recu-visa.pdf',
      },
      { kind: 'per_diem', amount: 210000, currency: 'MAD', status: 'paid' },
    ],
  },
  {
    name: 'Lucía Quispe',
    override: { travel: 'partner', note: 'Casa de las Familias de Lima paga su vuelo' },
    costs: [
      {
        kind: 'flight',
        description: 'Lima - Madrid - Tánger IB8950',
        amount: 438000,
        currency: 'PEN',
        payer: 'partner',
        advancedBy: 'partner',
      },
      {
        kind: 'visa_fee',
        description: 'Visado Marruecos',
        amount: 77000,
        currency: 'MAD',
        advancedBy: 'participant',
        status: 'to_pay',
        receipt: 'visado.pdf',
      },
    ],
  },
  {
    name: 'Joseph Mukendi',
    costs: [
      flight('Kinshasa - Casablanca - Tanger AT1426', 89000),
      {
        kind: 'ground_transport',
        description: 'Taxi aéroport de Tanger - hôtel',
        amount: 15000,
        currency: 'MAD',
        advancedBy: 'participant',
        status: 'to_pay',
        receipt: 'taxi.pdf',
      },
    ],
  },
  {
    name: 'Nguyễn Thị Minh Khai-Hằng',
    costs: [flight('Paris Orly - Tanger TO4762', 23800, 'to_pay')],
  },
  {
    name: 'خديجة بنت عبد الرحمن الإدريسي',
    override: {
      perDiem: 'participant',
      note: 'Vit à Tanger : pas de per diem, ses taxis sont remboursés',
    },
    costs: [
      {
        kind: 'ground_transport',
        description: 'Taxis domicile - hôtel, 6 jours',
        amount: 36000,
        currency: 'MAD',
        advancedBy: 'participant',
        status: 'to_pay',
        receipt: 'taxis.pdf',
      },
    ],
  },
  {
    name: 'Issouf Sanou',
    costs: [
      flight('Bobo-Dioulasso - Ouagadougou - Casablanca - Tanger', 71200),
      {
        kind: 'visa_fee',
        amount: 45000,
        currency: 'XOF',
        advancedBy: 'partner',
        status: 'to_pay',
      },
    ],
  },
];

/** A one-page PDF saying what the receipt is, so the demo's links open something real. */
export function demoReceiptPdf(title: string): Buffer {
  const text = title.replace(/[^\x20-\x7e]/g, '?').replace(/[()\\]/g, '');
  const stream = `BT /F1 14 Tf 56 780 Td (Convene demo receipt) Tj 0 -22 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) pdf += `${String(o).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

export async function seedFinance(ctx: SeedContext): Promise<void> {
  const { ds, eventId, accountIds } = ctx;
  const organiserId = accountIds[DEMO_ORGANISER.email];
  await ds.query(
    `INSERT INTO event_cost_coverage (event_id, currency, travel_payer, visa_fees_payer,
       accommodation_payer, meals_payer, per_diem_payer, per_diem_daily_minor, per_diem_currency,
       updated_by, updated_at)
     VALUES ($1, 'EUR', 'network', 'network', 'network', 'network', 'network', 30000, 'MAD', $2,
             '2027-09-01T09:00:00Z')
     ON CONFLICT (event_id) DO NOTHING`,
    [eventId, organiserId],
  );
  for (const [currency, rate] of DEMO_RATES) {
    await ds.query(
      `INSERT INTO event_currency_rates (event_id, currency, rate, updated_by, updated_at)
       VALUES ($1, $2, $3, $4, '2027-09-01T09:05:00Z') ON CONFLICT DO NOTHING`,
      [eventId, currency, rate, organiserId],
    );
  }
  const [{ n }] = (await ds.query(`SELECT count(*)::int AS n FROM cost_items WHERE event_id = $1`, [
    eventId,
  ])) as Array<{ n: number }>;
  if (n > 0) return; // already seeded: organisers' changes since are theirs

  const people = (await ds.query(
    `SELECT r.id, a.name FROM registrations r JOIN accounts a ON a.id = r.account_id
      WHERE r.event_id = $1`,
    [eventId],
  )) as Array<{ id: string; name: string }>;
  const storage = fileStorageFromEnv();
  for (const person of DEMO_COSTS) {
    const registrationId = people.find((p) => p.name === person.name)?.id;
    if (!registrationId) throw new Error(`Finance seed: ${person.name} is not registered`);
    if (person.override) {
      const o = person.override;
      await ds.query(
        `INSERT INTO registration_cost_coverage (registration_id, event_id, travel_payer,
           per_diem_payer, per_diem_days, note, updated_by, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, '2027-09-10T10:00:00Z')
         ON CONFLICT (registration_id) DO NOTHING`,
        [
          registrationId,
          eventId,
          o.travel ?? null,
          o.perDiem ?? null,
          o.perDiemDays ?? null,
          o.note ?? null,
          organiserId,
        ],
      );
    }
    for (const [i, c] of person.costs.entries()) {
      const payer = c.payer ?? 'network';
      const advancedBy = c.advancedBy ?? payer;
      const status = c.status ?? 'to_pay';
      const created = new Date(Date.UTC(2027, 8, 15 + i, 10, 0));
      const settled = new Date(Date.UTC(2027, 9, 5 + i, 15, 30));
      const id = randomUUID();
      await ds.query(
        `INSERT INTO cost_items (id, registration_id, event_id, kind, description, amount_minor,
           currency, payer, advanced_by, status, status_changed_at, status_changed_by, created_by,
           created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12, $13)`,
        [
          id,
          registrationId,
          eventId,
          c.kind,
          c.description ?? null,
          c.amount,
          c.currency,
          payer,
          advancedBy,
          status,
          status === 'to_pay' ? created : settled,
          organiserId,
          created,
        ],
      );
      await ds.query(
        `INSERT INTO cost_status_changes (cost_item_id, registration_id, event_id, from_status,
           to_status, changed_by, changed_at)
         VALUES ($1, $2, $3, NULL, 'to_pay', $4, $5)`,
        [id, registrationId, eventId, organiserId, created],
      );
      if (status !== 'to_pay') {
        await ds.query(
          `INSERT INTO cost_status_changes (cost_item_id, registration_id, event_id, from_status,
             to_status, changed_by, changed_at, note)
           VALUES ($1, $2, $3, 'to_pay', $4, $5, $6, 'Virement / bank transfer')`,
          [id, registrationId, eventId, status, organiserId, settled],
        );
      }
      if (c.receipt) {
        const bytes = demoReceiptPdf(`${person.name} - ${c.description ?? c.kind}`);
        const receiptId = randomUUID();
        const key = `receipts/${eventId}/${receiptId}.enc`;
        await storage.put(key, sealReceipt(ctx.fieldCipher, bytes), 'application/octet-stream');
        await ds.query(
          `INSERT INTO cost_receipts (id, cost_item_id, registration_id, event_id, storage_key,
             content_type, size_bytes, file_name, uploaded_by, uploaded_at)
           VALUES ($1, $2, $3, $4, $5, 'application/pdf', $6, $7, $8, $9)`,
          [
            receiptId,
            id,
            registrationId,
            eventId,
            key,
            bytes.length,
            c.receipt.replace(/[^\p{L}\p{N} ._-]+/gu, '').slice(0, 80),
            organiserId,
            created,
          ],
        );
      }
    }
  }
}
