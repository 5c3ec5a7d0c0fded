import { readIcs, type ReadCalendar } from '../libs/ics/src/testing/read-ics.js';
import { register, sessionBody } from './support/agenda-fixtures.js';
import {
  createEvent,
  createOrganisation,
  loginAdmin,
  type Session,
  signup,
} from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/*
 * Calendar files through the real API, read back with ical.js (which resolves every
 * time through the file's own VTIMEZONE): the published agenda, one session, a
 * person's own agenda by login and by secret subscription URL.
 */

let t: TestApp;
let admin: Session;
let participant: Session;
let other: Session;
let stranger: Session;
let organisationId: string;
let event: { id: string; slug: string };
const ids: Record<'plenary' | 'workshop' | 'other' | 'visit' | 'draft' | 'meal', string> = {
  plenary: '',
  workshop: '',
  other: '',
  visit: '',
  draft: '',
  meal: '',
};

const ics = async (path: string, who?: Session, status = 200) => {
  const req = t.http().get(path);
  if (who) req.set(who.auth);
  const res = await req.expect(status);
  return res;
};
const read = async (path: string, who?: Session): Promise<ReadCalendar> =>
  readIcs((await ics(path, who)).text);
const byUid = (cal: ReadCalendar, sessionId: string) => {
  const found = cal.events.find((e) => e.uid === `${sessionId}@convene`);
  if (!found) throw new Error(`No VEVENT for ${sessionId}`);
  return found;
};

async function createSession(body: Record<string, unknown>, eventId = event.id): Promise<string> {
  const res = await t
    .http()
    .post(`/api/events/${eventId}/sessions`)
    .set(admin.auth)
    .send(sessionBody({ status: 'published', ...body }));
  if (res.status !== 201) throw new Error(`session: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

beforeAll(async () => {
  t = await startTestApp('calendar');
  admin = await loginAdmin(t);
  organisationId = (await createOrganisation(t, admin)).id;
  event = await createEvent(t, admin, { name: 'Tangier 2027' });
  const room = await t
    .http()
    .post(`/api/events/${event.id}/rooms`)
    .set(admin.auth)
    .send({ name: 'Salle Ibn Battuta', capacity: 40 })
    .expect(201);
  ids.plenary = await createSession({
    kind: 'plenary',
    title: 'Opening plenary',
    startsAt: '2027-10-25T09:00',
    endsAt: '2027-10-25T10:30',
    roomId: room.body.id,
  });
  ids.workshop = await createSession({
    title: 'How can we support families differently?',
    description: 'Bring one case from your practice.',
    startsAt: '2027-10-26T10:00',
    endsAt: '2027-10-26T12:00',
    roomId: room.body.id,
    signupRequired: true,
    capacity: 20,
  });
  ids.other = await createSession({
    title: 'Legal aid for migrant families',
    startsAt: '2027-10-26T14:00',
    endsAt: '2027-10-26T16:00',
    signupRequired: true,
  });
  ids.visit = await createSession({
    kind: 'site_visit',
    title: "Visit of the mothers' programme",
    startsAt: '2027-10-27T08:30',
    endsAt: '2027-10-27T13:00',
    signupRequired: true,
    siteVisit: {
      hostOrganisationId: organisationId,
      address: 'Rue de la Kasbah, Tangier',
      meetingPoint: 'Hotel lobby',
      departureAt: '2027-10-27T08:45',
      returnAt: '2027-10-27T12:30',
      transport: 'bus',
      seats: 12,
    },
  });
  ids.meal = await createSession({
    kind: 'meal',
    title: 'Lunch',
    startsAt: '2027-10-26T12:30',
    endsAt: '2027-10-26T13:30',
  });
  ids.draft = await createSession({
    title: 'Not announced yet',
    status: 'draft',
    startsAt: '2027-10-28T10:00',
    endsAt: '2027-10-28T11:00',
  });

  participant = await signup(t, { name: 'Awa Traoré', locale: 'en' });
  other = await signup(t, { name: 'Lucía Pérez', locale: 'es' });
  stranger = await signup(t);
  await register(t, event.id, participant, organisationId);
  await register(t, event.id, other, organisationId);
  for (const [who, session, body] of [
    [participant, ids.workshop, {}],
    [participant, ids.visit, { acceptRules: true }],
    [other, ids.other, {}],
  ] as const) {
    await t.http().post(`/api/sessions/${session}/signups`).set(who.auth).send(body).expect(201);
  }
});

afterAll(() => t?.close());

describe('the event calendar', () => {
  it('serves the published agenda to anyone, without a login, as text/calendar', async () => {
    const res = await ics(`/api/events/${event.id}/calendar.ics`);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="${event.slug}.ics"`);
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    const cal = readIcs(res.text);
    expect(cal.name).toBe('Tangier 2027');
    expect(cal.events.map((e) => e.uid).sort()).toEqual(
      [ids.plenary, ids.workshop, ids.other, ids.visit, ids.meal]
        .map((id) => `${id}@convene`)
        .sort(),
    );
  });

  it('writes wall-clock times in Africa/Casablanca, which is UTC+0 in 2027', async () => {
    const cal = await read(`/api/events/${event.id}/calendar.ics`);
    const workshop = byUid(cal, ids.workshop);
    expect(workshop.tzid).toBe('Africa/Casablanca');
    expect(workshop.localStart).toBe('2027-10-26T10:00:00');
    expect(workshop.localEnd).toBe('2027-10-26T12:00:00');
    expect(workshop.start.toISOString()).toBe('2027-10-26T10:00:00.000Z');
    expect(workshop.status).toBe('CONFIRMED');
    expect(workshop.sequence).toBe(0);
    expect(workshop.location).toBe('Salle Ibn Battuta, Hôtel Continental, Tangier');
    expect(workshop.description).toContain('Bring one case from your practice.');
    expect(workshop.url).toBe(`${t.config.publicUrl}/e/${event.slug}/sessions/${ids.workshop}`);
    const zone = cal.timezones.get('Africa/Casablanca')!;
    expect(zone.offsetAt('2027-10-26T10:00:00')).toBe(0);
    expect(zone.offsetAt('2027-10-30T18:00:00')).toBe(0);
  });

  it('gives the site visit its address, meeting point and departure time', async () => {
    // Awa reads English; without a login the file is in the event's first language.
    const visit = byUid(await read(`/api/events/${event.id}/calendar.ics`, participant), ids.visit);
    expect(visit.localStart).toBe('2027-10-27T08:30:00');
    expect(visit.location).toBe('Rue de la Kasbah, Tangier — meeting point: Hotel lobby');
    expect(visit.description).toContain('Departure: 08:45, Tangier time, from Hotel lobby (bus)');
    expect(visit.description).toContain('Return: 12:30');
    const french = byUid(await read(`/api/events/${event.id}/calendar.ics`), ids.visit);
    expect(french.description).toContain(
      'Départ: 08:45, heure de Tanger, depuis Hotel lobby (bus)',
    );
  });

  it('answers a refresh of an unchanged agenda with 304', async () => {
    const first = await ics(`/api/events/${event.id}/calendar.ics`);
    expect(first.headers.etag).toBeTruthy();
    await t
      .http()
      .get(`/api/events/${event.id}/calendar.ics`)
      .set('If-None-Match', first.headers.etag)
      .expect(304);
  });

  it('follows Casablanca through Ramadan 2026: +01 before, +00 during, +01 after', async () => {
    const ramadan = await createEvent(t, admin, {
      name: 'Immersion Casablanca 2026',
      kind: 'immersion',
      hostOrganisationId: organisationId,
      startDate: '2026-02-10',
      endDate: '2026-03-25',
      venue: { name: 'Maison des familles', city: 'Casablanca', country: 'MA' },
    });
    const before = await createSession(
      { title: 'Team meeting', startsAt: '2026-02-12T10:00', endsAt: '2026-02-12T11:00' },
      ramadan.id,
    );
    const during = await createSession(
      { title: 'Families workshop', startsAt: '2026-03-01T10:00', endsAt: '2026-03-01T11:00' },
      ramadan.id,
    );
    const after = await createSession(
      { title: 'Observation day', startsAt: '2026-03-24T10:00', endsAt: '2026-03-24T11:00' },
      ramadan.id,
    );
    const cal = await read(`/api/events/${ramadan.id}/calendar.ics`);
    const instants = [before, during, after].map((id) => byUid(cal, id).start.toISOString());
    expect(instants).toEqual([
      '2026-02-12T09:00:00.000Z',
      '2026-03-01T10:00:00.000Z',
      '2026-03-24T09:00:00.000Z',
    ]);
    for (const id of [before, during, after]) {
      expect(byUid(cal, id).tzid).toBe('Africa/Casablanca');
      expect(byUid(cal, id).localStart).toMatch(/T10:00:00$/);
    }
    const zone = cal.timezones.get('Africa/Casablanca')!;
    expect(zone.offsetAt('2026-02-12T10:00:00')).toBe(60);
    expect(zone.offsetAt('2026-03-01T10:00:00')).toBe(0);
    expect(zone.offsetAt('2026-03-24T10:00:00')).toBe(60);
  });

  it('is a 404 for an event nobody may see', async () => {
    const draft = await createEvent(t, admin, {}, { publish: false });
    await ics(`/api/events/${draft.id}/calendar.ics`, stranger, 404);
    await ics(`/api/events/00000000-0000-4000-8000-000000000000/calendar.ics`, undefined, 404);
  });
});

describe('one session', () => {
  it('has the same UID in every file it appears in', async () => {
    const alone = await ics(`/api/sessions/${ids.workshop}/calendar.ics`);
    expect(alone.headers['content-disposition']).toBe(
      'attachment; filename="how-can-we-support-families-differently.ics"',
    );
    const [single] = readIcs(alone.text).events;
    expect(single.uid).toBe(`${ids.workshop}@convene`);
    const again = readIcs((await ics(`/api/sessions/${ids.workshop}/calendar.ics`)).text);
    expect(again.events[0].uid).toBe(single.uid);
    expect(byUid(await read('/api/me/calendar.ics', participant), ids.workshop).uid).toBe(
      single.uid,
    );
  });

  it("keeps a draft session's file from everyone but the event's staff", async () => {
    await ics(`/api/sessions/${ids.draft}/calendar.ics`, stranger, 404);
    await ics(`/api/sessions/${ids.draft}/calendar.ics`, participant, 404);
    await ics(`/api/sessions/${ids.draft}/calendar.ics`, undefined, 404);
    const staff = await read(`/api/sessions/${ids.draft}/calendar.ics`, admin);
    expect(staff.events[0].status).toBe('TENTATIVE');
  });
});

describe("a person's own calendar", () => {
  it('holds exactly their confirmed sessions and the plenaries', async () => {
    const res = await ics('/api/me/calendar.ics', participant);
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(
      readIcs(res.text)
        .events.map((e) => e.uid)
        .sort(),
    ).toEqual([ids.plenary, ids.workshop, ids.visit].map((id) => `${id}@convene`).sort());
    const theirs = await read('/api/me/calendar.ics', other);
    expect(theirs.events.map((e) => e.uid).sort()).toEqual(
      [ids.plenary, ids.other].map((id) => `${id}@convene`).sort(),
    );
    // Lucía reads Spanish.
    expect(theirs.name).toBe('Mi agenda de Convene');
    expect((await read('/api/me/calendar.ics', stranger)).events).toEqual([]);
  });

  it('needs a login', async () => {
    await ics('/api/me/calendar.ics', undefined, 401);
  });
});

describe('changes', () => {
  it('bumps SEQUENCE and moves DTSTART when a session moves', async () => {
    await t
      .http()
      .patch(`/api/sessions/${ids.workshop}`)
      .set(admin.auth)
      .send({ startsAt: '2027-10-26T15:00', endsAt: '2027-10-26T17:00' })
      .expect(200);
    const moved = byUid(await read(`/api/sessions/${ids.workshop}/calendar.ics`), ids.workshop);
    expect(moved.sequence).toBe(1);
    expect(moved.localStart).toBe('2027-10-26T15:00:00');
    expect(moved.start.toISOString()).toBe('2027-10-26T15:00:00.000Z');
    expect(byUid(await read('/api/me/calendar.ics', participant), ids.workshop).sequence).toBe(1);
  });

  it('keeps a cancelled session in the agenda, CANCELLED, with the next SEQUENCE', async () => {
    await t.http().post(`/api/sessions/${ids.meal}/cancel`).set(admin.auth).expect(200);
    const meal = byUid(await read(`/api/events/${event.id}/calendar.ics`, participant), ids.meal);
    expect(meal.status).toBe('CANCELLED');
    expect(meal.sequence).toBe(1);
    expect(meal.summary).toBe('Cancelled: Lunch');

    // Back on the agenda: a newer version again, so calendars take it.
    await t.http().post(`/api/sessions/${ids.meal}/publish`).set(admin.auth).expect(200);
    const back = byUid(await read(`/api/events/${event.id}/calendar.ics`), ids.meal);
    expect(back.status).toBe('CONFIRMED');
    expect(back.sequence).toBe(2);
  });
});

describe('the subscription URL', () => {
  const pathOf = (url: string) => new URL(url).pathname;

  it('works without a bearer token and shows the same sessions as /me', async () => {
    const created = await t.http().post('/api/me/calendar-token').set(participant.auth).expect(201);
    expect(created.body.url).toMatch(
      new RegExp(`^${t.config.publicUrl}/api/calendar/[A-Za-z0-9_-]{43}\\.ics$`),
    );
    expect(created.body.webcalUrl).toBe(created.body.url.replace(/^https?:/, 'webcal:'));
    const res = await ics(pathOf(created.body.url));
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.headers['cache-control']).toBe('private, no-store');
    const feed = readIcs(res.text);
    const mine = await read('/api/me/calendar.ics', participant);
    expect(feed.events.map((e) => e.uid).sort()).toEqual(mine.events.map((e) => e.uid).sort());
    expect(feed.name).toBe('My Convene agenda');
  });

  it('stops the old URL when rotated, and every URL when revoked', async () => {
    const first = (await t.http().post('/api/me/calendar-token').set(other.auth).expect(201)).body
      .url as string;
    await ics(pathOf(first));
    const second = (await t.http().post('/api/me/calendar-token').set(other.auth).expect(201)).body
      .url as string;
    expect(second).not.toBe(first);
    await ics(pathOf(first), undefined, 404);
    expect(byUid(readIcs((await ics(pathOf(second))).text), ids.other).uid).toBe(
      `${ids.other}@convene`,
    );

    await t.http().delete('/api/me/calendar-token').set(other.auth).expect(204);
    await ics(pathOf(second), undefined, 404);
    // Revoking again is harmless.
    await t.http().delete('/api/me/calendar-token').set(other.auth).expect(204);
  });

  it('keeps exactly one working URL when two rotations race, and it shows only its owner', async () => {
    const rotate = () => t.http().post('/api/me/calendar-token').set(participant.auth).expect(201);
    const [a, b] = await Promise.all([rotate(), rotate()]);
    const urls = [a.body.url as string, b.body.url as string];
    expect(urls[0]).not.toBe(urls[1]);
    const statuses = await Promise.all(
      urls.map(async (url) => (await t.http().get(pathOf(url))).status),
    );
    expect([...statuses].sort()).toEqual([200, 404]);
    const { DataSource } = await import('typeorm');
    const [{ feeds }] = await t.app
      .get(DataSource)
      .query(`SELECT count(*)::int AS feeds FROM calendar_feeds WHERE account_id = $1`, [
        participant.id,
      ]);
    expect(feeds).toBe(1);
    const working = urls[statuses.indexOf(200)];
    const feed = readIcs((await ics(pathOf(working))).text);
    expect(feed.events.map((e) => e.uid)).not.toContain(`${ids.other}@convene`);
    expect(feed.events.map((e) => e.uid)).toContain(`${ids.visit}@convene`);
  });

  it('is a 404 for unknown or malformed tokens, and stores only a hash', async () => {
    await ics(`/api/calendar/${'A'.repeat(43)}.ics`, undefined, 404);
    await ics('/api/calendar/not-a-token.ics', undefined, 404);
    const { url } = (await t.http().post('/api/me/calendar-token').set(stranger.auth).expect(201))
      .body as { url: string };
    const token = /\/calendar\/(.+)\.ics$/.exec(url)![1];
    const { DataSource } = await import('typeorm');
    const rows = await t.app
      .get(DataSource)
      .query(`SELECT token_hash FROM calendar_feeds WHERE account_id = $1`, [stranger.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0].token_hash).not.toContain(token);
    expect(rows[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('needs a login to create or revoke one', async () => {
    await t.http().post('/api/me/calendar-token').expect(401);
    await t.http().delete('/api/me/calendar-token').expect(401);
  });
});

describe('the API document', () => {
  it('lists the calendar routes as producing text/calendar', async () => {
    const doc = (await t.http().get('/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, { responses: Record<string, { content?: object }> }>>;
    };
    for (const path of [
      '/api/events/{id}/calendar.ics',
      '/api/sessions/{id}/calendar.ics',
      '/api/me/calendar.ics',
      '/api/calendar/{token}.ics',
    ]) {
      expect(Object.keys(doc.paths[path]?.get.responses['200'].content ?? {})).toEqual([
        'text/calendar',
      ]);
    }
    expect(doc.paths['/api/me/calendar-token']).toEqual(
      expect.objectContaining({ post: expect.anything(), delete: expect.anything() }),
    );
  });
});
