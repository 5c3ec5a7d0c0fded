import { parseInstant } from '#core';
import type { VisaStatus } from '#travel';
import { DEMO_EVENT, DEMO_ORGANISATIONS, DEMO_ORGANISER } from './demo-data.js';
import { DEMO_REGISTRANTS } from './demo-registrants.js';
import type { SeedContext } from './seed-context.js';

/**
 * The passports that need a visa for Morocco in the demo. Illustrative only, to show
 * the visa flow: not legal advice and not Morocco's actual rules, which change; check
 * with the embassy. French, Senegalese and Malian passports are let in without one here.
 */
export const DEMO_VISA_REQUIRED_FOR = ['BF', 'CD', 'CG', 'CM', 'MG', 'PE'] as const;

/** A flight as the participant typed it: wall-clock time at the airport, in Tangier's zone. */
interface DemoLeg {
  flight: string;
  airport: 'TNG' | 'CMN';
  at: string;
}

export interface DemoTravel {
  /** A participant of DEMO_REGISTRANTS; the passport is of their organisation's country. */
  name: string;
  /** Made up and clearly so: DEMO, the nationality, four digits. */
  passportNumber: string;
  passportExpiresOn: string;
  /** Where the visa has got to (not_required for the passports that need none). */
  visa: VisaStatus;
  /**
   * When they typed in their passport, as a share of the time between the opening of
   * registration and the seed run; the organisers' steps follow at fixed shares after.
   */
  since: number;
  arrival?: DemoLeg;
  departure?: DemoLeg;
}

const leg = (flight: string, airport: DemoLeg['airport'], at: string): DemoLeg => ({
  flight,
  airport,
  at,
});

/*
 * Arrivals on 2027-10-24 and the early morning of the 25th (the opening plenary is at
 * 09:00), in pick-up groups of the arrivals endpoint: CMN-1 05:40 (two who take the
 * train from Casablanca), TNG-1 09:10-10:20, TNG-2 12:45-13:55, TNG-3 17:10-18:25,
 * TNG-4 22:40, TNG-5 07:35 on the 25th. Flight numbers and times are made up.
 */
const OUT_VIA_CMN = leg('AT1422', 'TNG', '2027-10-24T09:10');
const HOME_VIA_CMN = leg('AT1423', 'TNG', '2027-10-30T15:40');
const HOME_VIA_CMN_LATE = leg('AT1427', 'TNG', '2027-10-30T19:05');

/**
 * 23 of the 26 have a travel plan; the three Moroccans come from Tangier and Rabat
 * without one. Statuses cover the whole visa flow, one passport expires too soon after
 * the event, and three people have no flight yet (two waiting for their letter, one refused).
 */
export const DEMO_TRAVEL: DemoTravel[] = [
  {
    name: 'Awa Traoré',
    passportNumber: 'DEMOBF0101',
    passportExpiresOn: '2031-03-14',
    visa: 'granted',
    since: 0.05,
    arrival: OUT_VIA_CMN,
    departure: HOME_VIA_CMN,
  },
  {
    name: 'Lucía Quispe',
    passportNumber: 'DEMOPE0102',
    passportExpiresOn: '2032-07-08',
    visa: 'letter_issued',
    since: 0.3,
    arrival: leg('IB8950', 'TNG', '2027-10-24T17:10'),
    departure: leg('IB8951', 'TNG', '2027-10-31T08:15'),
  },
  {
    name: 'Joseph Mukendi',
    passportNumber: 'DEMOCD0103',
    passportExpiresOn: '2029-11-30',
    visa: 'applied',
    since: 0.15,
    arrival: leg('AT1426', 'TNG', '2027-10-24T18:25'),
    departure: HOME_VIA_CMN,
  },
  {
    // The warning: valid until February 2028, less than six months after the event.
    name: 'Fatou Ndiaye',
    passportNumber: 'DEMOSN0104',
    passportExpiresOn: '2028-02-14',
    visa: 'not_required',
    since: 0.2,
    arrival: OUT_VIA_CMN,
    departure: HOME_VIA_CMN,
  },
  {
    name: 'Issouf Sanou',
    passportNumber: 'DEMOBF0105',
    passportExpiresOn: '2030-05-22',
    visa: 'granted',
    since: 0.08,
    arrival: OUT_VIA_CMN,
    departure: HOME_VIA_CMN,
  },
  {
    name: 'Mireille Ngo Biyong',
    passportNumber: 'DEMOCM0106',
    passportExpiresOn: '2032-01-17',
    visa: 'granted',
    since: 0.1,
    arrival: leg('AT518', 'CMN', '2027-10-24T05:40'),
    departure: leg('AT517', 'CMN', '2027-10-31T02:10'),
  },
  {
    name: 'Emmanuel Ekambi',
    passportNumber: 'DEMOCM0107',
    passportExpiresOn: '2033-09-05',
    visa: 'letter_requested',
    since: 0.45,
  },
  {
    name: 'Grâce Mabiala',
    passportNumber: 'DEMOCG0108',
    passportExpiresOn: '2030-12-02',
    visa: 'granted',
    since: 0.12,
    arrival: leg('AT1408', 'TNG', '2027-10-24T10:20'),
    departure: HOME_VIA_CMN,
  },
  {
    name: 'Hélène Martin',
    passportNumber: 'DEMOFR0109',
    passportExpiresOn: '2034-04-19',
    visa: 'not_required',
    since: 0.25,
    arrival: leg('TO4762', 'TNG', '2027-10-24T12:45'),
    departure: leg('TO4763', 'TNG', '2027-10-30T14:25'),
  },
  {
    name: 'Thomas Lefèvre',
    passportNumber: 'DEMOFR0110',
    passportExpiresOn: '2029-08-11',
    visa: 'not_required',
    since: 0.5,
    arrival: leg('3O137', 'TNG', '2027-10-24T13:55'),
    departure: leg('3O138', 'TNG', '2027-10-31T09:30'),
  },
  {
    name: 'Voahangy Rakotomalala',
    passportNumber: 'DEMOMG0111',
    passportExpiresOn: '2031-06-27',
    visa: 'granted',
    since: 0.06,
    arrival: leg('AT1426', 'TNG', '2027-10-24T18:25'),
    departure: HOME_VIA_CMN_LATE,
  },
  {
    name: 'Hery Randriamampionona',
    passportNumber: 'DEMOMG0112',
    passportExpiresOn: '2030-02-03',
    visa: 'letter_issued',
    since: 0.35,
    arrival: leg('AT1400', 'TNG', '2027-10-25T07:35'),
    departure: HOME_VIA_CMN_LATE,
  },
  {
    name: 'Aminata Keïta',
    passportNumber: 'DEMOML0113',
    passportExpiresOn: '2032-10-09',
    visa: 'not_required',
    since: 0.18,
    arrival: OUT_VIA_CMN,
    departure: HOME_VIA_CMN,
  },
  {
    name: 'Boubacar Coulibaly',
    passportNumber: 'DEMOML0114',
    passportExpiresOn: '2029-03-28',
    visa: 'not_required',
    since: 0.4,
    arrival: OUT_VIA_CMN,
    departure: HOME_VIA_CMN,
  },
  {
    name: 'Rosa Huamán',
    passportNumber: 'DEMOPE0115',
    passportExpiresOn: '2033-02-21',
    visa: 'letter_requested',
    since: 0.55,
  },
  {
    // Refused: no flight booked; the organisers are helping with a second application.
    name: 'Espoir Bahati',
    passportNumber: 'DEMOCD0116',
    passportExpiresOn: '2031-11-15',
    visa: 'refused',
    since: 0.04,
  },
  {
    name: 'Mariama Diallo',
    passportNumber: 'DEMOSN0117',
    passportExpiresOn: '2030-07-30',
    visa: 'not_required',
    since: 0.32,
    arrival: leg('AT1400', 'TNG', '2027-10-25T07:35'),
    departure: HOME_VIA_CMN_LATE,
  },
  {
    name: 'Nguyễn Thị Minh Khai-Hằng',
    passportNumber: 'DEMOFR0118',
    passportExpiresOn: '2035-01-12',
    visa: 'not_required',
    since: 0.28,
    arrival: leg('TO4762', 'TNG', '2027-10-24T12:45'),
    departure: leg('TO4763', 'TNG', '2027-10-30T14:25'),
  },
  {
    name: 'Salif Ouédraogo',
    passportNumber: 'DEMOBF0119',
    passportExpiresOn: '2032-05-06',
    visa: 'applied',
    since: 0.22,
    arrival: leg('AT1426', 'TNG', '2027-10-24T18:25'),
    departure: HOME_VIA_CMN,
  },
  {
    name: 'Bénédicte Kabila',
    passportNumber: 'DEMOCD0120',
    passportExpiresOn: '2031-09-18',
    visa: 'letter_issued',
    since: 0.38,
    arrival: leg('AT1430', 'TNG', '2027-10-24T22:40'),
    departure: HOME_VIA_CMN_LATE,
  },
  {
    name: 'Carmen Flores',
    passportNumber: 'DEMOPE0121',
    passportExpiresOn: '2030-10-25',
    visa: 'applied',
    since: 0.2,
    arrival: leg('IB8950', 'TNG', '2027-10-24T17:10'),
    departure: leg('IB8951', 'TNG', '2027-10-31T08:15'),
  },
  {
    name: 'Oumou Sangaré',
    passportNumber: 'DEMOML0122',
    passportExpiresOn: '2033-12-01',
    visa: 'not_required',
    since: 0.42,
    arrival: leg('AT1430', 'TNG', '2027-10-24T22:40'),
    departure: HOME_VIA_CMN_LATE,
  },
  {
    name: 'Jean-Paul Essomba',
    passportNumber: 'DEMOCM0123',
    passportExpiresOn: '2029-06-14',
    visa: 'applied',
    since: 0.14,
    arrival: leg('AT518', 'CMN', '2027-10-24T05:40'),
    departure: leg('AT517', 'CMN', '2027-10-31T02:10'),
  },
];

/** Where the Moroccan embassy takes applications, per passport (for the history notes). */
const EMBASSY_CITY: Record<string, string> = {
  BF: 'Ouagadougou',
  CD: 'Kinshasa',
  CG: 'Brazzaville',
  CM: 'Yaoundé',
  MG: 'Antananarivo',
  PE: 'Lima',
};

interface Step {
  to: VisaStatus;
  /** Added to `since`, as a share of the timeline. */
  after: number;
  /** Local time of day in Tangier. */
  time: string;
  by: 'participant' | 'organiser';
  note: (nationality: string) => string;
}

/** The road of a passport that needs a visa, as the API would have recorded it. */
const VISA_ROAD: Step[] = [
  {
    to: 'letter_requested',
    after: 0,
    time: '21:14',
    by: 'participant',
    note: () => "From the event's visa rules",
  },
  {
    to: 'letter_issued',
    after: 0.06,
    time: '10:30',
    by: 'organiser',
    note: () => 'Invitation letter issued',
  },
  {
    to: 'applied',
    after: 0.18,
    time: '11:45',
    by: 'organiser',
    note: (n) => `Application filed at the Moroccan embassy in ${EMBASSY_CITY[n]}`,
  },
];
const OUTCOME: Record<'granted' | 'refused', Step> = {
  granted: {
    to: 'granted',
    after: 0.32,
    time: '16:20',
    by: 'organiser',
    note: () => 'Visa granted, single entry, valid for the week',
  },
  refused: {
    to: 'refused',
    after: 0.32,
    time: '16:20',
    by: 'organiser',
    note: () =>
      'Refused: the embassy asked for proof of accommodation; we sent the hotel booking for a new application',
  },
};
const NO_VISA: Step = {
  to: 'not_required',
  after: 0,
  time: '20:05',
  by: 'participant',
  note: () => "From the event's visa rules",
};

function stepsTo(status: VisaStatus): Step[] {
  if (status === 'not_required') return [NO_VISA];
  if (status === 'granted' || status === 'refused') return [...VISA_ROAD, OUTCOME[status]];
  return VISA_ROAD.slice(0, VISA_ROAD.findIndex((s) => s.to === status) + 1);
}

const DAY = 86_400_000;
const at = (day: string, time: string) =>
  parseInstant(`${day}T${time}`, DEMO_EVENT.timezone) as Date;

/**
 * The visa histories happen between the opening of registration and the seed run (at
 * the latest three weeks before the event), never in the future: a status an organiser
 * changes while trying the demo comes after them. Returns the instant at a share of it.
 */
function visaTimeline(now: Date): (share: number, time: string) => Date {
  const end = Math.min(now.getTime(), at(DEMO_EVENT.startDate, '00:00').getTime() - 21 * DAY);
  let start = Date.parse(DEMO_EVENT.registrationOpensAt);
  if (end - start < 20 * DAY) start = end - 60 * DAY;
  // Shares stay under 0.9 of at least 20 days, so the day and hour are two days in the past.
  return (share, time) =>
    at(new Date(start + share * (end - start)).toISOString().slice(0, 10), time);
}

/**
 * The visa rules of the Tangier meeting and travel plans for its participants: encrypted
 * passport numbers (the app's cipher and key), visa statuses with their audit trail, and
 * flights into Tangier and Casablanca. Inserts only what is missing: the rules if the
 * event has none, a plan and its history for a confirmed registration that has no plan.
 * No outbox rows: seeding sends nobody an email.
 */
export async function seedTravel(ctx: SeedContext): Promise<void> {
  const { ds, eventId, accountIds, fieldCipher } = ctx;
  const organiserId = accountIds[DEMO_ORGANISER.email];
  const when = visaTimeline(new Date());

  await ds.query(
    `INSERT INTO event_visa_rules (event_id, visa_required_for, updated_by, updated_at)
     VALUES ($1, $2, $3, $4) ON CONFLICT (event_id) DO NOTHING`,
    [eventId, [...DEMO_VISA_REQUIRED_FOR], organiserId, when(0, '09:30')],
  );
  const [event] = (await ds.query(`SELECT personal_data_erased_at FROM events WHERE id = $1`, [
    eventId,
  ])) as Array<{ personal_data_erased_at: Date | null }>;
  if (event.personal_data_erased_at) return;

  for (const t of DEMO_TRAVEL) {
    const person = DEMO_REGISTRANTS.find((p) => p.name === t.name);
    if (!person) throw new Error(`Travel seed: ${t.name} is not a demo registrant`);
    const nationality = DEMO_ORGANISATIONS.find((o) => o.key === person.organisation)!.country;
    const accountId = accountIds[person.email];
    const steps = stepsTo(t.visa).map((s) => ({
      ...s,
      changedAt: when(t.since + s.after, s.time),
      changedBy: s.by === 'organiser' ? organiserId : accountId,
      note: s.note(nationality),
    }));
    const first = steps[0];
    const last = steps[steps.length - 1];
    const issued = steps.find((s) => s.to === 'letter_issued');
    const arrival = t.arrival && { ...t.arrival, at: at(...split(t.arrival.at)) };
    const departure = t.departure && { ...t.departure, at: at(...split(t.departure.at)) };

    await ds.transaction(async (m) => {
      const inserted = (await m.query(
        `INSERT INTO travel_plans (registration_id, event_id, passport_nationality,
           passport_number_encrypted, passport_expires_on, visa_status, visa_status_changed_at,
           letter_issued_at, letter_issued_by, arrival_flight, arrival_airport, arrival_at,
           departure_flight, departure_airport, departure_at, created_at, updated_at)
         SELECT r.id, r.event_id, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $7
           FROM registrations r
          WHERE r.event_id = $1 AND r.account_id = $2 AND r.status = 'confirmed'
         ON CONFLICT (registration_id) DO NOTHING
         RETURNING registration_id`,
        [
          eventId,
          accountId,
          nationality,
          fieldCipher.encrypt(t.passportNumber),
          t.passportExpiresOn,
          last.to,
          last.changedAt,
          issued?.changedAt ?? null,
          issued ? organiserId : null,
          arrival?.flight ?? null,
          arrival?.airport ?? null,
          arrival?.at ?? null,
          departure?.flight ?? null,
          departure?.airport ?? null,
          departure?.at ?? null,
          first.changedAt,
        ],
      )) as Array<{ registration_id: string }>;
      for (const { registration_id: registrationId } of inserted) {
        let from: VisaStatus | null = null;
        for (const s of steps) {
          await m.query(
            `INSERT INTO visa_status_changes
               (registration_id, event_id, from_status, to_status, changed_by, note, changed_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7)`,
            [registrationId, eventId, from, s.to, s.changedBy, s.note, s.changedAt],
          );
          from = s.to;
        }
      }
    });
  }
}

function split(local: string): [string, string] {
  const [day, time] = local.split('T');
  return [day, time];
}
