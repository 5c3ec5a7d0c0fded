import {
  createEvent,
  createOrganisation,
  loginAdmin,
  type Session,
  signup,
} from './support/factories.js';
import { DataSource } from 'typeorm';
import { REGISTRATION_SORTS } from '#registrations';
import { parseCsv } from './support/csv.js';
import { registrationBody } from './support/registration-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('registration lists, CSV export and stats', () => {
  let t: TestApp;
  let admin: Session;
  let eventId: string;
  const orgs: Record<string, { id: string; name: string; country: string }> = {};
  const people: Record<string, Session> = {};
  const regs: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp('reg_export');
    admin = await loginAdmin(t);
    orgs.paris = await createOrganisation(t, admin, {
      name: 'Solidarité, Familles & Co',
      country: 'FR',
      city: 'Paris',
    });
    orgs.lyon = await createOrganisation(t, admin, {
      name: 'Fondation Côte Solidaire',
      country: 'FR',
      city: 'Lyon',
    });
    orgs.lima = await createOrganisation(t, admin, {
      name: 'Casa de las Familias del Perú',
      country: 'PE',
      city: 'Lima',
    });
    orgs.ouaga = await createOrganisation(t, admin, {
      name: 'Maison des Familles de Ouagadougou',
      country: 'BF',
      city: 'Ouagadougou',
    });
    eventId = (await createEvent(t, admin, { capacity: 4, slug: 'export-meeting-2027' })).id;

    const plan: Array<[string, string, string, Record<string, unknown>]> = [
      [
        'jean',
        'Dupont, Jean "JJ"',
        'paris',
        { profession: 'head_of_service', dietary: 'Sans gluten, sans lactose' },
      ],
      ['ines', 'Inès Côté', 'lyon', { profession: 'psychologist', languages: ['fr', 'es'] }],
      [
        'lucia',
        'Lucía Quispe',
        'lima',
        { profession: 'other', professionOther: 'Mediadora, familias' },
      ],
      [
        'awa',
        'Awa Traoré',
        'ouaga',
        {
          profession: 'social_worker',
          phone: '+226 76 00 11 22',
          emergencyContact: { name: 'Moussa Traoré', phone: '+226 70 12 34 56', relation: 'frère' },
        },
      ],
      ['zoe', 'Zoé Waiting', 'lima', { profession: 'social_worker' }],
      ['yann', 'Yann Waiting', 'paris', { profession: 'manager' }],
    ];
    for (const [key, name, org, overrides] of plan) {
      people[key] = await signup(t, { name, locale: 'fr', organisationId: orgs[org].id });
      const res = await t
        .http()
        .post(`/api/events/${eventId}/registrations`)
        .set(people[key].auth)
        .send(registrationBody(orgs[org].id, overrides))
        .expect(201);
      regs[key] = res.body.id;
    }
  });
  afterAll(() => t.close());

  const list = (query = '') =>
    t.http().get(`/api/events/${eventId}/registrations${query}`).set(admin.auth).expect(200);
  const names = (body: { items: Array<{ account: { name: string } }> }) =>
    body.items.map((i) => i.account.name);

  it('lists with filters', async () => {
    expect((await list()).body.total).toBe(6);
    expect(names((await list('?status=waitlisted')).body)).toEqual(['Zoé Waiting', 'Yann Waiting']);
    expect(names((await list('?country=fr&sort=name')).body)).toEqual([
      'Dupont, Jean "JJ"',
      'Inès Côté',
      'Yann Waiting',
    ]);
    expect(names((await list(`?organisationId=${orgs.lima.id}`)).body)).toEqual([
      'Lucía Quispe',
      'Zoé Waiting',
    ]);
    expect(names((await list('?profession=psychologist')).body)).toEqual(['Inès Côté']);
    expect(names((await list('?q=côte')).body)).toEqual(['Inès Côté']); // organisation name
    expect(names((await list('?q=TRAOR')).body)).toEqual(['Awa Traoré']);
    // Typed without accents on a phone keyboard: still found.
    expect(names((await list('?q=traore')).body)).toEqual(['Awa Traoré']);
    expect(names((await list('?q=cote%20solidaire')).body)).toEqual(['Inès Côté']);
    expect(names((await list('?q=100%25')).body)).toEqual([]); // % is literal, not a wildcard
  });

  it('sorts and paginates', async () => {
    expect(names((await list('?sort=-name')).body)).toEqual([
      'Zoé Waiting',
      'Yann Waiting',
      'Lucía Quispe',
      'Inès Côté',
      'Dupont, Jean "JJ"',
      'Awa Traoré',
    ]);
    const page2 = (await list('?sort=name&page=2&pageSize=4')).body;
    expect(page2).toMatchObject({ total: 6, page: 2, pageSize: 4 });
    expect(names(page2)).toEqual(['Yann Waiting', 'Zoé Waiting']);
    const bad = await t
      .http()
      .get(`/api/events/${eventId}/registrations?sort=shoeSize&status=maybe`)
      .set(admin.auth)
      .expect(400);
    expect(bad.body.details.fields.map((f: { field: string }) => f.field).sort()).toEqual([
      'sort',
      'status',
    ]);
  });

  it('gives each list item the person, organisation and waitlist place', async () => {
    const waiting = (await list('?status=waitlisted')).body.items;
    expect(waiting[1]).toMatchObject({
      id: regs.yann,
      status: 'waitlisted',
      account: { id: people.yann.id, name: 'Yann Waiting', email: people.yann.email },
      organisation: { id: orgs.paris.id, name: 'Solidarité, Familles & Co', country: 'FR' },
      profession: 'manager',
      waitlistPosition: 2,
      otherEditions: 0,
    });
  });

  it('exports CSV in UTF-8 with a BOM, quoting commas and quotes, accents intact', async () => {
    const res = await t
      .http()
      .get(`/api/events/${eventId}/registrations?format=csv&sort=name`)
      .set(admin.auth)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="export-meeting-2027-registrations.csv"',
    );
    const bytes = res.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    // The awkward row, byte for byte: commas and quotes inside fields are quoted.
    expect(text).toContain('"Dupont, Jean ""JJ"""');
    expect(text).toContain('"Solidarité, Familles & Co"');

    const [header, ...rows] = parseCsv(text);
    expect(header).toEqual([
      'Name',
      'Email',
      'Phone',
      'Organisation',
      'Country',
      'Profession',
      'Profession (other)',
      'Languages',
      'Dietary needs',
      'Accessibility needs',
      'Emergency contact',
      'Emergency phone',
      'Emergency relation',
      'Status',
      'Waitlist position',
      'Registered at',
      'Consent given at',
    ]);
    expect(rows).toHaveLength(6);
    const byName = Object.fromEntries(rows.map((r) => [r[0], r]));
    const stamp = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/;

    const jean = byName['Dupont, Jean "JJ"'];
    expect(jean.slice(0, 15)).toEqual([
      'Dupont, Jean "JJ"',
      people.jean.email,
      '',
      'Solidarité, Familles & Co',
      'FR',
      'head_of_service',
      '',
      'fr en',
      'Sans gluten, sans lactose',
      '',
      '',
      '',
      '',
      'confirmed',
      '',
    ]);
    expect(jean[15]).toMatch(stamp);
    expect(jean[16]).toMatch(stamp);

    expect(byName['Inès Côté'].slice(3, 8)).toEqual([
      'Fondation Côte Solidaire',
      'FR',
      'psychologist',
      '',
      'fr es',
    ]);
    expect(byName['Lucía Quispe'].slice(3, 7)).toEqual([
      'Casa de las Familias del Perú',
      'PE',
      'other',
      'Mediadora, familias',
    ]);
    // Phones start with +: quoted as text so spreadsheets keep them (and run no formula).
    expect(byName['Awa Traoré'].slice(1, 3)).toEqual([people.awa.email, "'+226 76 00 11 22"]);
    expect(byName['Awa Traoré'].slice(10, 14)).toEqual([
      'Moussa Traoré',
      "'+226 70 12 34 56",
      'frère',
      'confirmed',
    ]);
    expect(byName['Zoé Waiting'].slice(13, 15)).toEqual(['waitlisted', '1']);
    expect(byName['Yann Waiting'].slice(13, 15)).toEqual(['waitlisted', '2']);
    expect(rows.map((r) => r[0])).toEqual([
      'Awa Traoré',
      'Dupont, Jean "JJ"',
      'Inès Côté',
      'Lucía Quispe',
      'Yann Waiting',
      'Zoé Waiting',
    ]);
  });

  it('the CSV follows the filters', async () => {
    const res = await t
      .http()
      .get(`/api/events/${eventId}/registrations?format=csv&country=PE`)
      .set(admin.auth)
      .expect(200);
    const rows = parseCsv(res.text.replace(/^\uFEFF/, '')).slice(1);
    expect(rows.map((r) => r[0])).toEqual(['Lucía Quispe', 'Zoé Waiting']);
  });

  it('the CSV says what the list says, row for row, in every sort and with each filter', async () => {
    // The CSV reads its own narrow columns (times as epoch seconds, languages joined in
    // SQL) and each statement joins only the tables its filters and sort read: every sort
    // and filter must still give the list's rows, order and values.
    const csv = async (query: string) => {
      const res = await list(`?format=csv&${query}`);
      return parseCsv(res.text.replace(/^\uFEFF/, '')).slice(1);
    };
    const queries = [
      ...REGISTRATION_SORTS.map((sort) => `sort=${sort}`),
      'visaStatus=none',
      'visaStatus=granted',
      'country=FR&sort=organisation',
      'q=traore',
      'status=waitlisted&sort=-waitlist',
    ];
    for (const query of queries) {
      const items = (await list(`?pageSize=100&${query}`)).body.items as Array<{
        account: { name: string; email: string };
        organisation: { name: string; country: string };
        languages: string[];
        emergencyContact: { name: string; relation: string | null } | null;
        status: string;
        waitlistPosition: number | null;
        createdAt: string;
        consentAt: string | null;
      }>;
      const rows = await csv(query);
      expect({ query, rows: rows.length }).toEqual({ query, rows: items.length });
      rows.forEach((row, i) => {
        const item = items[i];
        expect({ query, cells: [row[0], row[1], row[3], row[4], row[7]] }).toEqual({
          query,
          cells: [
            item.account.name,
            item.account.email,
            item.organisation.name,
            item.organisation.country,
            item.languages.join(' '),
          ],
        });
        expect({ query, cells: [row[10], row[12], row[13], row[14], row[15], row[16]] }).toEqual({
          query,
          cells: [
            item.emergencyContact?.name ?? '',
            item.emergencyContact?.relation ?? '',
            item.status,
            item.waitlistPosition === null ? '' : String(item.waitlistPosition),
            item.createdAt,
            item.consentAt ?? '',
          ],
        });
      });
    }
    expect((await csv('visaStatus=granted')).length).toBe(0);
    expect((await csv('sort=-name')).map((r) => r[0])[0]).toBe('Zoé Waiting');
  });

  it('stats count confirmed people only, with the status breakdown and waitlist', async () => {
    const res = await t.http().get(`/api/events/${eventId}/stats`).set(admin.auth).expect(200);
    expect(res.body).toEqual({
      eventId,
      capacity: 4,
      seatsLeft: 0,
      participants: 4,
      organisations: 4,
      countries: 3,
      summary: '4 participants from 4 organisations in 3 countries',
      byCountry: [
        { country: 'FR', participants: 2, organisations: 2 },
        { country: 'BF', participants: 1, organisations: 1 },
        { country: 'PE', participants: 1, organisations: 1 },
      ],
      byProfession: [
        { profession: 'social_worker', participants: 1 },
        { profession: 'head_of_service', participants: 1 },
        { profession: 'psychologist', participants: 1 },
        { profession: 'legal_expert', participants: 0 },
        { profession: 'manager', participants: 0 },
        { profession: 'other', participants: 1 },
      ],
      byStatus: { pending: 0, confirmed: 4, waitlisted: 2, cancelled: 0, rejected: 0 },
      waitlist: 2,
    });
  });

  it('stats follow a cancellation and the promotion it causes', async () => {
    await t.http().post(`/api/registrations/${regs.ines}/cancel`).set(people.ines.auth).expect(200);
    const res = await t.http().get(`/api/events/${eventId}/stats`).set(admin.auth).expect(200);
    // Inès (Lyon, FR) out; Zoé (Lima, PE) in from the waitlist.
    expect(res.body).toMatchObject({
      participants: 4,
      organisations: 3,
      countries: 3,
      byCountry: [
        { country: 'PE', participants: 2, organisations: 1 },
        { country: 'BF', participants: 1, organisations: 1 },
        { country: 'FR', participants: 1, organisations: 1 },
      ],
      byStatus: { pending: 0, confirmed: 4, waitlisted: 1, cancelled: 1, rejected: 0 },
      waitlist: 1,
    });
  });

  it('exports an event larger than one read batch: every row once, in order, positions right', async () => {
    // The export reads 1,000 rows at a time through a cursor: the batches must join
    // without a row lost, doubled or out of order, and the waitlist numbered across them.
    const ds = t.app.get(DataSource);
    const COUNT = 2_345;
    const CONFIRMED = 1_600;
    const [event] = (await ds.query(
      `INSERT INTO events (slug, name, kind, timezone, start_date, end_date, capacity, status)
       VALUES ('export-batches-2027', 'Batches', 'meeting', 'Africa/Casablanca',
               '2027-10-25', '2027-10-30', $1, 'published') RETURNING id`,
      [CONFIRMED],
    )) as Array<{ id: string }>;
    await ds.query(
      `INSERT INTO accounts (email, name)
       SELECT 'batch-' || lpad(i::text, 5, '0') || '@example.org',
              (ARRAY['Émilie','Nguyễn Thị','Aïcha','Youssef'])[1 + i % 4] || ' ' || lpad(i::text, 5, '0')
         FROM generate_series(1, $1::int) i`,
      [COUNT],
    );
    // Waitlisted in the reverse order of their names, so no order comes free from another.
    await ds.query(
      `INSERT INTO registrations (event_id, account_id, organisation_id, status, profession,
                                  languages, waitlist_seq, consent_data_processing_at)
       SELECT $1, a.id, $2, CASE WHEN n <= $3 THEN 'confirmed' ELSE 'waitlisted' END,
              'social_worker', '{fr}', CASE WHEN n > $3 THEN $4 - n END, now()
         FROM (SELECT id, row_number() OVER (ORDER BY email) AS n FROM accounts
                WHERE email LIKE 'batch-%') a`,
      [event.id, orgs.lima.id, CONFIRMED, COUNT + 1],
    );
    const byName = await t
      .http()
      .get(`/api/events/${event.id}/registrations?format=csv&sort=name`)
      .set(admin.auth)
      .expect(200);
    const rows = parseCsv(byName.text.replace(/^\uFEFF/, '')).slice(1);
    const expected = (await ds.query(
      `SELECT a.email FROM registrations r JOIN accounts a ON a.id = r.account_id
        WHERE r.event_id = $1 ORDER BY a.name_folded, r.waitlist_seq NULLS FIRST, r.created_at, r.id`,
      [event.id],
    )) as Array<{ email: string }>;
    expect(rows).toHaveLength(COUNT);
    expect(rows.map((r) => r[1])).toEqual(expected.map((e) => e.email));
    const positions = rows
      .filter((r) => r[13] === 'waitlisted')
      .map((r) => [Number(r[1].slice(6, 11)), Number(r[14])]);
    expect(positions).toHaveLength(COUNT - CONFIRMED);
    // The last registered was first in the queue.
    for (const [n, position] of positions) expect(position).toBe(COUNT + 1 - n);

    // Organisers exporting at the same moment: each export has its own connection and
    // cursor, and each gets the whole file, the same bytes as the one above.
    const together = await Promise.all(
      Array.from({ length: 4 }, () =>
        t.http().get(`/api/events/${event.id}/registrations?format=csv&sort=name`).set(admin.auth),
      ),
    );
    expect(together.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    for (const r of together) expect(r.text).toBe(byName.text);
  });
});
