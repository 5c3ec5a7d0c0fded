import { DataSource } from 'typeorm';
import { confirmMany, register, sessionBody } from './support/agenda-fixtures.js';
import { parseCsv } from './support/csv.js';
import {
  createEvent,
  createOrganisation,
  loginAdmin,
  type Session,
  signup,
} from './support/factories.js';
import { startTestApp, TEST_ADMIN, type TestApp } from './support/test-app.js';
import { WebClient } from './support/web-client.js';

/** The agenda builder's pages through a cookie browser: forms, conflicts, lists and refusals. */
describe('console agenda pages', () => {
  let t: TestApp;
  let ds: DataSource;
  let admin: Session;
  let organiser: Session;
  let org: { id: string; name: string };
  let eventId: string;
  let otherEventId: string;
  let roomA: string;
  let roomB: string;
  let web: WebClient;
  let facilitator: Session;
  const password = 'a-long-password';
  const day = '2027-10-26';

  const base = () => `/console/events/${eventId}/agenda`;
  const sessionByTitle = async (title: string) => {
    const rows: Array<{ id: string; status: string; room_id: string | null }> = await ds.query(
      `SELECT id, status, room_id FROM sessions WHERE event_id = $1 AND title = $2`,
      [eventId, title],
    );
    return rows;
  };
  const form = (overrides: Record<string, string | string[]>) => ({
    kind: 'workshop',
    title: 'Untitled',
    day,
    startsAt: '10:00',
    endsAt: '11:00',
    roomId: '',
    ...overrides,
  });
  const staffAs = async (event: string, who: Session, role: string) =>
    t
      .http()
      .post(`/api/events/${event}/staff`)
      .set(admin.auth)
      .send({ accountId: who.id, role })
      .expect(201);

  beforeAll(async () => {
    t = await startTestApp('console_agenda');
    ds = t.app.get(DataSource);
    admin = await loginAdmin(t);
    org = await createOrganisation(t, admin, {
      name: 'Maison des Familles',
      country: 'MA',
      city: 'Tangier',
    });
    organiser = await signup(t, { name: 'Claire Martin', password });
    eventId = (await createEvent(t, admin, { name: 'Rencontre 2027' })).id;
    otherEventId = (await createEvent(t, admin, { name: 'Another meeting' })).id;
    await staffAs(eventId, organiser, 'organiser');
    facilitator = await signup(t, { name: 'Nguyễn Thị Minh Khai-Hằng' });
    await staffAs(eventId, facilitator, 'facilitator');
    const room = async (name: string, capacity: number) =>
      (
        await t
          .http()
          .post(`/api/events/${eventId}/rooms`)
          .set(admin.auth)
          .send({ name, capacity })
          .expect(201)
      ).body.id as string;
    roomA = await room('Salle Ibn Battuta', 40);
    roomB = await room('Patio', 25);
    web = new WebClient(t);
    await web.signIn(organiser.email, password);
  });
  afterAll(() => t.close());

  it('creates a session through the form, once even when the form is sent twice', async () => {
    const page = await web.get(`${base()}/sessions/new?day=${day}&roomId=${roomA}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('New session');
    const values = form({ title: 'Listening to families', roomId: roomA, capacity: '20' });
    const res = await web.post(`${base()}/sessions/new`, values);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`${base()}?day=${day}`);
    const again = await web.post(`${base()}/sessions/new`, values);
    expect(again.status).toBe(303);
    const rows = await sessionByTitle('Listening to families');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'draft', room_id: roomA });
    const grid = await web.get(`${base()}?day=${day}`);
    expect(grid.text).toContain('Listening to families');
    expect(grid.text).toContain('Workshop · 10:00–11:00');
  });

  it('shows bad input next to its field and keeps what was typed', async () => {
    await web.get(`${base()}/sessions/new`);
    const res = await web.post(
      `${base()}/sessions/new`,
      form({ kind: '', title: 'Kept title', startsAt: '', roomId: roomA }),
    );
    expect(res.status).toBe(400);
    expect(res.text).toContain('There is a problem');
    expect(res.text).toContain('value="Kept title"');
    expect(res.text).toMatch(/Kind of session: Choose one of the options/);
  });

  it('shows the site visit fields a visit lacks, next to each field', async () => {
    await web.get(`${base()}/sessions/new`);
    const res = await web.post(
      `${base()}/sessions/new`,
      form({ kind: 'site_visit', title: 'Visit without details', 'siteVisit.seats': 'many' }),
    );
    expect(res.status).toBe(400);
    for (const label of ['Host organisation', 'Address', 'Meeting point', 'Seats in the vehicle']) {
      expect(res.text).toContain(`${label}: `);
    }
    expect(res.text).toContain('value="many"');
    expect(await sessionByTitle('Visit without details')).toHaveLength(0);
  });

  it('answers a room clash with the conflict in words, and saves it only when kept anyway', async () => {
    await web.get(`${base()}/sessions/new`);
    const values = form({
      title: 'Budget and grants',
      roomId: roomA,
      startsAt: '10:30',
      endsAt: '11:30',
    });
    const res = await web.post(`${base()}/sessions/new`, values);
    expect(res.status).toBe(409);
    expect(res.text).toContain('This session clashes with the agenda');
    expect(res.text).toContain('Room overlap with “Listening to families” in Salle Ibn Battuta');
    expect(res.text).toContain('value="Budget and grants"');
    expect(res.text).toMatch(
      /<button type="submit" class="btn danger" name="force" value="on">Keep anyway/,
    );
    expect(await sessionByTitle('Budget and grants')).toHaveLength(0);

    const kept = await web.post(`${base()}/sessions/new`, { ...values, force: 'on' });
    expect(kept.status).toBe(303);
    expect(await sessionByTitle('Budget and grants')).toHaveLength(1);
  });

  it('shows the conflict on the grid with its reason, and in the list under it', async () => {
    const grid = await web.get(`${base()}?day=${day}`);
    expect(grid.status).toBe(200);
    const [budget] = await sessionByTitle('Budget and grants');
    const block = new RegExp(
      `<article class="ca-block ca-kind-workshop ca-clash[^"]*"[^>]*data-session="${budget.id}"[^>]*>[\\s\\S]*?</article>`,
    ).exec(grid.text);
    expect(block?.[0]).toContain('Room overlap with “Listening to families” in Salle Ibn Battuta');
    expect(grid.text).toContain('1 conflict to look at.');
    expect(grid.text).toContain(`href="${base()}/sessions/${budget.id}"`);
  });

  it('says capacity above the room, and outside the dates, in words', async () => {
    await web.get(`${base()}/sessions/new`);
    const big = form({
      title: 'Big plenary',
      kind: 'plenary',
      roomId: roomB,
      capacity: '60',
      startsAt: '14:00',
      endsAt: '15:00',
    });
    // Refused like a clash, in words, and saved only when kept anyway.
    const refusedBig = await web.post(`${base()}/sessions/new`, big);
    expect(refusedBig.status).toBe(409);
    expect(refusedBig.text).toContain("Capacity 60 is above the room's 25 seats");
    expect(refusedBig.text).toContain('Keep anyway');
    expect(await sessionByTitle('Big plenary')).toHaveLength(0);
    expect((await web.post(`${base()}/sessions/new`, { ...big, force: 'on' })).status).toBe(303);
    const earlyForm = form({
      title: 'Early arrival',
      day: '2027-10-24',
      startsAt: '09:00',
      endsAt: '10:00',
    });
    const refusedEarly = await web.post(`${base()}/sessions/new`, earlyForm);
    expect(refusedEarly.status).toBe(409);
    expect(refusedEarly.text).toContain("Outside the event's dates");
    expect((await web.post(`${base()}/sessions/new`, { ...earlyForm, force: 'on' })).status).toBe(
      303,
    );
    const grid = await web.get(`${base()}?day=${day}`);
    expect(grid.text).toContain("Capacity 60 is above the room's 25 seats");
    expect(grid.text).toContain('?day=2027-10-24');
    // One facilitator in two rooms at once, kept deliberately.
    const first = await web.post(
      `${base()}/sessions/new`,
      form({
        title: 'Peer supervision',
        roomId: roomA,
        startsAt: '16:00',
        endsAt: '17:00',
        facilitatorIds: facilitator.id,
      }),
    );
    expect(first.status).toBe(303);
    const second = await web.post(
      `${base()}/sessions/new`,
      form({
        title: 'Writing case notes',
        roomId: roomB,
        startsAt: '16:30',
        endsAt: '17:30',
        facilitatorIds: facilitator.id,
      }),
    );
    expect(second.status).toBe(409);
    expect(second.text).toContain(
      'Facilitator Nguyễn Thị Minh Khai-Hằng double-booked (also in “Peer supervision”)',
    );
    // The facilitator stays ticked on the form shown again.
    expect(second.text).toMatch(new RegExp(`value="${facilitator.id}" checked`));
    await web.post(`${base()}/sessions/new`, {
      ...form({
        title: 'Writing case notes',
        roomId: roomB,
        startsAt: '16:30',
        endsAt: '17:30',
        facilitatorIds: facilitator.id,
      }),
      force: 'on',
    });
    const withFacilitator = await web.get(`${base()}?day=${day}`);
    expect(withFacilitator.text).toContain(
      'Facilitator Nguyễn Thị Minh Khai-Hằng double-booked (also in “Writing case notes”)',
    );
    // Resolved by moving the second one after the first.
    const [notes] = await sessionByTitle('Writing case notes');
    await web.post(`${base()}/sessions/${notes.id}/move`, {
      day,
      startsAt: '17:00',
      endsAt: '18:00',
      roomId: roomB,
    });
    expect((await web.get(`${base()}?day=${day}`)).text).not.toContain('double-booked');

    const early = await web.get(`${base()}?day=2027-10-24`);
    expect(early.text).toContain("Outside the event's dates");
  });

  it('moves a session to another room with the form, and the conflict is gone', async () => {
    const [budget] = await sessionByTitle('Budget and grants');
    const page = await web.get(`${base()}/sessions/${budget.id}/move`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('value="10:30"');
    const res = await web.post(`${base()}/sessions/${budget.id}/move`, {
      day,
      startsAt: '10:30',
      endsAt: '11:30',
      roomId: roomB,
    });
    expect(res.status).toBe(303);
    expect((await sessionByTitle('Budget and grants'))[0].room_id).toBe(roomB);
    const grid = await web.get(`${base()}?day=${day}`);
    expect(grid.text).not.toContain('Room overlap with');
  });

  it('cancels a session after a confirmation page', async () => {
    const [early] = await sessionByTitle('Early arrival');
    const confirm = await web.get(`${base()}/sessions/${early.id}/cancel`);
    expect(confirm.status).toBe(200);
    expect(confirm.text).toContain('Nobody is signed up for this session.');
    expect((await sessionByTitle('Early arrival'))[0].status).toBe('draft');
    const res = await web.post(`${base()}/sessions/${early.id}/cancel`);
    expect(res.status).toBe(303);
    expect((await sessionByTitle('Early arrival'))[0].status).toBe('cancelled');
  });

  describe('a published site visit with people signed up', () => {
    let visitId: string;
    let amina: Session;
    let carlos: Session;

    beforeAll(async () => {
      await web.get(`${base()}/sessions/new`);
      const res = await web.post(`${base()}/sessions/new`, {
        ...form({
          kind: 'site_visit',
          title: 'Visit to the Maison des Familles',
          startsAt: '14:00',
          endsAt: '17:00',
        }),
        'siteVisit.hostOrganisationId': org.id,
        'siteVisit.address': 'Rue de la Kasbah, Tanger',
        'siteVisit.meetingPoint': 'Hotel lobby',
        'siteVisit.departureAt': '14:00',
        'siteVisit.returnAt': '16:50',
        'siteVisit.transport': 'minibus',
        'siteVisit.seats': '1',
        'siteVisit.rules': 'No photos of beneficiaries',
        'siteVisit.hostContactName': 'Samira El Amrani',
        'siteVisit.hostContactPhone': '+212 600 111 222',
      });
      expect(res.status).toBe(303);
      visitId = (await sessionByTitle('Visit to the Maison des Familles'))[0].id;

      await web.get(`${base()}/review`);
      const published = await web.post(`${base()}/publish`, { reviewed: 'on' });
      expect(published.status).toBe(303);
      const person = (name: string) => signup(t, { name, organisationId: org.id });
      amina = await person('محمد بن عبد الرحمن الإدريسي');
      carlos = await person('Carlos Quispe');
      for (const p of [amina, carlos]) {
        await register(t, eventId, p, org.id, {
          phone: '+212 600 000 001',
          emergencyContact: { name: 'Youssef Alaoui', phone: '+212 661 000 001' },
        });
        await t
          .http()
          .post(`/api/sessions/${visitId}/signups`)
          .set(p.auth)
          .send({ acceptRules: true })
          .expect(201);
      }
    });

    it('lists the sign-ups and the waitlist in order', async () => {
      const page = await web.get(`${base()}/sessions/${visitId}`);
      expect(page.status).toBe(200);
      expect(page.text).toContain('محمد بن عبد الرحمن الإدريسي');
      expect(page.text).toMatch(/Waitlist[\s\S]*<td>1<\/td><td dir="auto">Carlos Quispe/);
    });

    it('edits the visit through its form, keeping the host details', async () => {
      const edit = await web.get(`${base()}/sessions/${visitId}/edit`);
      expect(edit.status).toBe(200);
      expect(edit.text).toContain('value="Samira El Amrani"');
      expect(edit.text).toContain('value="16:50"');
      const values: Record<string, string> = {};
      // What a browser sends: every text field as shown (no unticked box).
      for (const m of edit.text.matchAll(/<input([^>]*)name="([^"_][^"]*)"[^>]*value="([^"]*)"/g)) {
        if (!m[1].includes('checkbox')) values[m[2]] = m[3];
      }
      const res = await web.post(`${base()}/sessions/${visitId}/edit`, {
        ...values,
        kind: 'site_visit',
        day,
        roomId: '',
        signupRequired: 'on',
        title: 'Visit to the Maison des Familles',
        'siteVisit.hostOrganisationId': org.id,
        'siteVisit.rules': 'No photos of beneficiaries',
        'siteVisit.meetingPoint': 'Hotel lobby, by the desk',
      });
      expect(res.status).toBe(303);
      const [visit] = await ds.query(
        `SELECT meeting_point, host_contact_name, host_contact_phone, seats FROM site_visits
          WHERE session_id = $1`,
        [visitId],
      );
      expect(visit).toEqual({
        meeting_point: 'Hotel lobby, by the desk',
        host_contact_name: 'Samira El Amrani',
        host_contact_phone: '+212 600 111 222',
        seats: 1,
      });
    });

    it('serves the bus list as a printable page and as the service CSV', async () => {
      const page = await web.get(`${base()}/sessions/${visitId}/bus-list`);
      expect(page.status).toBe(200);
      expect(page.text).toContain('Hotel lobby, by the desk');
      expect(page.text).toContain('Samira El Amrani, +212 600 111 222');
      expect(page.text).toContain('+212 661 000 001');
      const csv = await web.get(`${base()}/sessions/${visitId}/bus-list.csv`);
      expect(csv.status).toBe(200);
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(csv.headers['content-disposition']).toMatch(/attachment; filename=".*\.csv"/);
      const rows = parseCsv(csv.text);
      const header = rows.findIndex((r) => r[0] === 'status');
      expect(rows.slice(header + 1).map((r) => [r[0], r[2]])).toEqual([
        ['confirmed', 'محمد بن عبد الرحمن الإدريسي'],
        ['waitlisted', 'Carlos Quispe'],
      ]);
    });

    it('marks attendance only once the visit has begun', async () => {
      const list = await t
        .http()
        .get(`/api/sessions/${visitId}/signups`)
        .set(admin.auth)
        .expect(200);
      const signupId = list.body.confirmed[0].signupId as string;
      const action = `${base()}/sessions/${visitId}/signups/${signupId}/attendance`;
      const before = await web.get(`${base()}/sessions/${visitId}`);
      expect(before.text).toContain('Attendance can be marked from the start');
      expect(before.text).not.toContain(action);
      const early = await web.post(action, { attended: 'true' });
      expect(early.status).toBe(303);
      expect((await web.get(early.headers.location)).text).toContain(
        'Attendance can only be marked once the session has started.',
      );
      const [row] = await ds.query(`SELECT attended FROM signups WHERE id = $1`, [signupId]);
      expect(row.attended).toBeNull();

      // The bus left a minute ago.
      await ds.query(
        `UPDATE site_visits SET departure_at = now() - interval '1 minute' WHERE session_id = $1`,
        [visitId],
      );
      const during = await web.get(`${base()}/sessions/${visitId}`);
      expect(during.text).toContain(action);
      const marked = await web.post(action, { attended: 'true' });
      expect(marked.status).toBe(303);
      const [after] = await ds.query(`SELECT attended FROM signups WHERE id = $1`, [signupId]);
      expect(after.attended).toBe(true);
    });

    it('removes a person from the session (the service promotes the waitlist)', async () => {
      const list = await t
        .http()
        .get(`/api/sessions/${visitId}/signups`)
        .set(admin.auth)
        .expect(200);
      const first = list.body.confirmed[0].signupId as string;
      await web.get(`${base()}/sessions/${visitId}`);
      const res = await web.post(`${base()}/sessions/${visitId}/signups/${first}/remove`);
      expect(res.status).toBe(303);
      const after = await t
        .http()
        .get(`/api/sessions/${visitId}/signups`)
        .set(admin.auth)
        .expect(200);
      expect(after.body.confirmed.map((p: { name: string }) => p.name)).toEqual(['Carlos Quispe']);
    });

    it('moves a person to another session that takes sign-ups', async () => {
      const evening = (
        await t
          .http()
          .post(`/api/events/${eventId}/sessions`)
          .set(admin.auth)
          .send({
            kind: 'workshop',
            title: 'Evening circle',
            startsAt: `${day}T19:00`,
            endsAt: `${day}T20:00`,
            status: 'published',
            signupRequired: true,
          })
          .expect(201)
      ).body as { id: string };
      const page = await web.get(`${base()}/sessions/${visitId}`);
      expect(page.text).toContain(`<option value="${evening.id}">Evening circle`);
      const list = await t
        .http()
        .get(`/api/sessions/${visitId}/signups`)
        .set(admin.auth)
        .expect(200);
      const carlosSignup = list.body.confirmed[0].signupId as string;
      const res = await web.post(`${base()}/sessions/${visitId}/signups/${carlosSignup}/move`, {
        toSessionId: evening.id,
      });
      expect(res.status).toBe(303);
      expect((await web.get(res.headers.location)).text).toContain(
        'The person has moved to the other session.',
      );
      const there = await t
        .http()
        .get(`/api/sessions/${evening.id}/signups`)
        .set(admin.auth)
        .expect(200);
      expect(there.body.confirmed.map((p: { name: string }) => p.name)).toEqual(['Carlos Quispe']);
    });
  });

  it('links each person to a move page of their own when the list is too long for a picker in every row', async () => {
    const published = (title: string, startsAt: string, endsAt: string) =>
      t
        .http()
        .post(`/api/events/${eventId}/sessions`)
        .set(admin.auth)
        .send({
          kind: 'workshop',
          title,
          startsAt,
          endsAt,
          status: 'published',
          signupRequired: true,
        })
        .expect(201)
        .then((res) => res.body.id as string);
    const big = await published('Big circle', `${day}T08:00`, `${day}T09:00`);
    const second = await published('Second circle', `${day}T21:00`, `${day}T22:00`);
    const people = await Promise.all(
      Array.from({ length: 21 }, (_, i) => signup(t, { name: `Circle person ${i + 1}` })),
    );
    await confirmMany(t, eventId, people, org.id);
    for (const p of people) {
      await t.http().post(`/api/sessions/${big}/signups`).set(p.auth).send({}).expect(201);
    }

    const page = await web.get(`${base()}/sessions/${big}`);
    expect(page.status).toBe(200);
    // No session picker in the rows: 21 people would each carry every session.
    expect(page.text).not.toContain('name="toSessionId"');
    const links = [...page.text.matchAll(/href="([^"]*\/signups\/([0-9a-f-]{36})\/move)"/g)];
    expect(links).toHaveLength(21);

    const [, href] = links[0];
    const own = await web.get(href);
    expect(own.status).toBe(200);
    expect(own.text.match(/<select/g)).toHaveLength(1);
    expect(own.text).toContain(`<option value="${second}">Second circle`);
    expect(own.text).not.toContain(`<option value="${big}">`);
    const moved = await web.post(href, { toSessionId: second });
    expect(moved.status).toBe(303);
    const there = await t.http().get(`/api/sessions/${second}/signups`).set(admin.auth).expect(200);
    expect(there.body.confirmed.map((p: { signupId: string; name: string }) => p.name)).toEqual([
      'Circle person 1',
    ]);

    // The sign-up moved out, another session's sign-up, an unknown id: not this session's person.
    const secondSignup = there.body.confirmed[0].signupId as string;
    for (const path of [
      href,
      `${base()}/sessions/${big}/signups/${secondSignup}/move`,
      `${base()}/sessions/${big}/signups/00000000-0000-0000-0000-000000000000/move`,
      `${base()}/sessions/${big}/signups/not-a-uuid/move`,
    ]) {
      expect({ path, status: (await web.get(path)).status }).toEqual({ path, status: 404 });
    }
    // An organiser of another event does not see the person's page.
    const stranger = await signup(t, { password });
    await staffAs(otherEventId, stranger, 'organiser');
    const browser = new WebClient(t);
    await browser.signIn(stranger.email, password);
    const [, otherHref] = links[1];
    expect((await browser.get(otherHref)).status).toBe(404);
  });

  it('publishes only after the conflicts were reviewed', async () => {
    await web.get(`${base()}/sessions/new`);
    await web.post(
      `${base()}/sessions/new`,
      form({
        title: 'Clash again',
        roomId: roomB,
        startsAt: '10:45',
        endsAt: '11:15',
        force: 'on',
      }),
    );
    const review = await web.get(`${base()}/review`);
    expect(review.text).toContain('Room overlap with');
    const refused = await web.post(`${base()}/publish`, {});
    expect(refused.status).toBe(400);
    expect((await sessionByTitle('Clash again'))[0].status).toBe('draft');
    const done = await web.post(`${base()}/publish`, { reviewed: 'on' });
    expect(done.status).toBe(303);
    expect((await sessionByTitle('Clash again'))[0].status).toBe('published');
  });

  it('manages rooms, and refuses deleting a room sessions use', async () => {
    await web.get(`${base()}/rooms`);
    const add = await web.post(`${base()}/rooms`, { name: 'Terrasse', capacity: '12' });
    expect(add.status).toBe(303);
    const [terrasse] = await ds.query(`SELECT id, capacity FROM rooms WHERE name = 'Terrasse'`);
    expect(terrasse.capacity).toBe(12);
    const bad = await web.post(`${base()}/rooms/${terrasse.id}`, {
      name: 'Terrasse',
      capacity: '-3',
    });
    expect(bad.status).toBe(400);
    await web.post(`${base()}/rooms/${terrasse.id}`, { name: 'Terrasse', capacity: '30' });
    expect(
      (await ds.query(`SELECT capacity FROM rooms WHERE id = $1`, [terrasse.id]))[0].capacity,
    ).toBe(30);
    const inUse = await web.post(`${base()}/rooms/${roomA}/delete`);
    expect((await web.get(inUse.headers.location)).text).toContain(
      'This room is still used by sessions',
    );
    expect(await ds.query(`SELECT id FROM rooms WHERE id = $1`, [roomA])).toHaveLength(1);
    await web.post(`${base()}/rooms/${terrasse.id}/delete`);
    expect(await ds.query(`SELECT id FROM rooms WHERE id = $1`, [terrasse.id])).toHaveLength(0);
  });

  it('is a 404 for a participant, a host, a facilitator and an organiser of another event', async () => {
    const [listening] = await sessionByTitle('Listening to families');
    const participant = await signup(t, { password });
    await register(t, eventId, participant, org.id);
    const host = await signup(t, { password });
    await staffAs(eventId, host, 'host');
    const facilitator = await signup(t, { password });
    await staffAs(eventId, facilitator, 'facilitator');
    const stranger = await signup(t, { password });
    await staffAs(otherEventId, stranger, 'organiser');
    const before = (await ds.query(`SELECT count(*)::int AS n FROM sessions`))[0].n;
    for (const who of [participant, host, facilitator, stranger]) {
      const browser = new WebClient(t);
      await browser.signIn(who.email, password);
      for (const path of [
        base(),
        `${base()}/review`,
        `${base()}/rooms`,
        `${base()}/sessions/new`,
        `${base()}/sessions/${listening.id}`,
        `${base()}/sessions/${listening.id}/edit`,
        `${base()}/sessions/${listening.id}/bus-list.csv`,
      ]) {
        const res = await browser.get(path);
        expect({ who: who.email, path, status: res.status }).toEqual({
          who: who.email,
          path,
          status: 404,
        });
      }
      const post = await browser.post(`${base()}/sessions/new`, form({ title: 'Intruder' }));
      expect(post.status).toBe(404);
      const cancel = await browser.post(`${base()}/sessions/${listening.id}/cancel`);
      expect(cancel.status).toBe(404);
    }
    // A platform admin does see them.
    const asAdmin = new WebClient(t);
    await asAdmin.signIn(TEST_ADMIN.email, TEST_ADMIN.password);
    expect((await asAdmin.get(base())).status).toBe(200);
    expect((await asAdmin.get(`${base()}/sessions/${listening.id}`)).status).toBe(200);
    // The stranger's own event does not open this event's session either.
    const browser = new WebClient(t);
    await browser.signIn(stranger.email, password);
    const cross = await browser.get(
      `/console/events/${otherEventId}/agenda/sessions/${listening.id}`,
    );
    expect(cross.status).toBe(404);
    expect((await ds.query(`SELECT count(*)::int AS n FROM sessions`))[0].n).toBe(before);
    expect((await sessionByTitle('Listening to families'))[0].status).toBe('published');
  });

  it('answers odd input with a page, never a server error', async () => {
    const [listening] = await sessionByTitle('Listening to families');
    const otherRoom = (
      await t
        .http()
        .post(`/api/events/${otherEventId}/rooms`)
        .set(admin.auth)
        .send({ name: 'Elsewhere' })
        .expect(201)
    ).body.id as string;
    const s = `${base()}/sessions/${listening.id}`;
    const gets = [
      `${base()}?day=not-a-day`,
      `${base()}?day=2027-10-26&day=2027-10-27`,
      `${base()}/sessions/not-a-uuid`,
      `${base()}/sessions/00000000-0000-0000-0000-000000000000/move`,
      `${base()}/sessions/new?day=2027-99-99&roomId=nope`,
      `/console/events/not-an-event/agenda`,
    ];
    for (const path of gets) {
      const res = await web.get(path);
      expect({ path, status: res.status < 500 }).toEqual({ path, status: true });
    }
    await web.get(`${base()}/sessions/new`);
    const posts: Array<[string, Record<string, string | string[]>]> = [
      [`${base()}/sessions/new`, form({ day: '2027-13-45', startsAt: '99:99', title: 'Odd' })],
      [`${base()}/sessions/new`, form({ kind: 'nope', title: ['a', 'b'], capacity: '1e9' })],
      [`${base()}/sessions/new`, form({ title: 'Other room', roomId: otherRoom })],
      [`${base()}/sessions/new`, form({ title: 'Ghost', facilitatorIds: ['x', listening.id] })],
      [`${s}/edit`, form({ title: 'x'.repeat(300), endsAt: '09:00' })],
      [`${s}/move`, { day, startsAt: '10:00', endsAt: '11:00', roomId: 'not-a-uuid' }],
      [`${s}/move`, { day, startsAt: '10:00', endsAt: '11:00', roomId: otherRoom }],
      [`${s}/signups/00000000-0000-0000-0000-000000000000/attendance`, { attended: 'maybe' }],
      [`${s}/signups/not-a-uuid/move`, { toSessionId: 'x' }],
      [`${s}/signups/00000000-0000-0000-0000-000000000000/remove`, {}],
      [`${base()}/rooms`, { name: '', capacity: 'abc' }],
      [`${base()}/rooms/not-a-uuid`, { name: 'x' }],
      [`${base()}/rooms/${otherRoom}/delete`, {}],
    ];
    for (const [path, body] of posts) {
      const res = await web.post(path, body);
      expect({ path, status: res.status < 500 }).toEqual({ path, status: true });
    }
    // Another event's sign-up under this event's address: not found, whatever the action,
    // even for an admin who may act on both events, and the sign-up stays as it was.
    const elsewhere = (
      await t
        .http()
        .post(`/api/events/${otherEventId}/sessions`)
        .set(admin.auth)
        .send(sessionBody({ title: 'Elsewhere', status: 'published', signupRequired: true }))
        .expect(201)
    ).body.id as string;
    const visitor = await signup(t, { name: 'Visitor Elsewhere', organisationId: org.id });
    await register(t, otherEventId, visitor, org.id);
    const theirs = (
      await t
        .http()
        .post(`/api/sessions/${elsewhere}/signups`)
        .set(visitor.auth)
        .send({})
        .expect(201)
    ).body.id as string;
    for (const [action, body] of [
      ['attendance', { attended: 'true' }],
      ['move', { toSessionId: listening.id }],
      ['remove', {}],
    ] as const) {
      const res = await web.post(
        `${base()}/sessions/${elsewhere}/signups/${theirs}/${action}`,
        body,
      );
      expect({ action, status: res.status }).toEqual({ action, status: 404 });
    }
    expect(await ds.query(`SELECT status FROM signups WHERE id = $1`, [theirs])).toEqual([
      { status: 'confirmed' },
    ]);
    expect(await ds.query(`SELECT id FROM rooms WHERE id = $1`, [otherRoom])).toHaveLength(1);
    expect(await sessionByTitle('Other room')).toHaveLength(0);
  });

  it('refuses a form posted without its CSRF token', async () => {
    await web.get(`${base()}/sessions/new`);
    const res = await web.post(`${base()}/sessions/new`, {
      _csrf: '',
      ...form({ title: 'Forged session' }),
    });
    expect(res.status).toBe(403);
    expect(await sessionByTitle('Forged session')).toHaveLength(0);
    const [listening] = await sessionByTitle('Listening to families');
    const cancel = await web.post(`${base()}/sessions/${listening.id}/cancel`, { _csrf: 'forged' });
    expect(cancel.status).toBe(403);
    expect((await sessionByTitle('Listening to families'))[0].status).not.toBe('cancelled');
  });
});
