import { DataSource } from 'typeorm';
import { parseCsv } from './support/csv.js';
import { recordStatements } from './support/plan-reads.js';
import {
  createEvent,
  createOrganisation,
  loginAdmin,
  type Session,
  signup,
} from './support/factories.js';
import { registrationBody } from './support/registration-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/*
 * Tangier 2027 (Africa/Casablanca, UTC+0 since 2026-09-20), 25 to 30 October: hotels,
 * nights from flights, wishes, the suggestion, the rooming list and who may see what.
 */
describe('accommodation', () => {
  let t: TestApp;
  let admin: Session;
  let host: Session;
  let otherOrganiser: Session;
  let eventId: string;
  let hotelId: string;
  const people: Record<string, Session> = {};
  const regs: Record<string, string> = {};
  const api = () => t.http();

  async function join(
    key: string,
    name: string,
    orgId: string,
    extra: Record<string, unknown> = {},
  ) {
    people[key] = await signup(t, { name, email: `${key}@example.org` });
    const res = await api()
      .post(`/api/events/${eventId}/registrations`)
      .set(people[key].auth)
      .send(registrationBody(orgId, extra))
      .expect(201);
    regs[key] = res.body.id;
  }

  const travel = (key: string, body: Record<string, unknown>) =>
    api()
      .put(`/api/registrations/${regs[key]}/travel`)
      .set(people[key].auth)
      .send(body)
      .expect(200);
  const stay = (key: string, who: Session = people[key]) =>
    api().get(`/api/registrations/${regs[key]}/stay`).set(who.auth);
  const wishes = (key: string, body: Record<string, unknown>) =>
    api().put(`/api/registrations/${regs[key]}/stay`).set(people[key].auth).send(body).expect(200);
  const occupancy = () =>
    api().get(`/api/events/${eventId}/accommodation`).set(admin.auth).expect(200);
  const roomingList = () =>
    api()
      .get(`/api/events/${eventId}/accommodation/hotels/${hotelId}/rooming-list`)
      .set(admin.auth)
      .expect(200);

  beforeAll(async () => {
    t = await startTestApp('accommodation');
    admin = await loginAdmin(t);
    host = await signup(t, { name: 'Host Person' });
    otherOrganiser = await signup(t, { name: 'Other Organiser' });
    const ouaga = await createOrganisation(t, admin, {
      name: 'Maison des Familles',
      country: 'BF',
    });
    const lima = await createOrganisation(t, admin, {
      name: 'Casa de las Familias',
      country: 'PE',
    });
    const hanoi = await createOrganisation(t, admin, { name: 'Nhà Gia Đình', country: 'VN' });
    eventId = (await createEvent(t, admin, { slug: 'tangier-2027' })).id;
    const otherEvent = await createEvent(t, admin);
    await api()
      .post(`/api/events/${otherEvent.id}/staff`)
      .set(admin.auth)
      .send({ accountId: otherOrganiser.id, role: 'organiser' })
      .expect(201);
    await api()
      .post(`/api/events/${eventId}/staff`)
      .set(admin.auth)
      .send({ accountId: host.id, role: 'host' })
      .expect(201);
    await join('awa', 'Awa Traoré', ouaga.id, { phone: '+226 76 00 11 22', languages: ['fr'] });
    await join('fatou', 'Fatou Ouédraogo', ouaga.id, {
      phone: '+226 70 99 88 77',
      languages: ['fr'],
    });
    await join('lucia', 'Lucía Fernández', lima.id, {
      phone: '+51 987 654 321',
      languages: ['es'],
    });
    await join('rosa', 'Rosa Quispe', lima.id, { languages: ['es'] });
    await join('minh', 'Nguyễn Thị Minh Khai', hanoi.id, { languages: ['en'] });
    await travel('awa', {
      passport: { nationality: 'BF', number: 'B7654321', expiresOn: '2031-01-31' },
      arrival: { flightNumber: 'AT571', airport: 'TNG', at: '2027-10-24T13:00' },
      departure: { flightNumber: 'AT570', airport: 'TNG', at: '2027-10-30T10:00' },
    });
    // Lands at 01:30 on the 25th: she needs the bed of the night of the 24th.
    await travel('lucia', {
      passport: { nationality: 'PE', number: 'PE1234567', expiresOn: '2030-05-01' },
      arrival: { flightNumber: 'IB3350', airport: 'TNG', at: '2027-10-25T01:30' },
    });
    const hotel = await api()
      .post(`/api/events/${eventId}/accommodation/hotels`)
      .set(admin.auth)
      .send({
        name: 'Hôtel Continental',
        address: '36 Rue Dar El Baroud',
        city: 'Tanger',
        phone: '+212 539 93 10 24',
      })
      .expect(201);
    hotelId = hotel.body.id;
    const nights = [
      '2027-10-24',
      '2027-10-25',
      '2027-10-26',
      '2027-10-27',
      '2027-10-28',
      '2027-10-29',
    ];
    await api()
      .put(`/api/events/${eventId}/accommodation/hotels/${hotelId}/inventory`)
      .set(admin.auth)
      .send({
        cells: nights.flatMap((night) => [
          { roomType: 'single', night, rooms: 1 },
          { roomType: 'twin', night, rooms: 2 },
          { roomType: 'double', night, rooms: 1 },
        ]),
      })
      .expect(200);
  });

  afterAll(() => t?.close());

  it('derives nights from flights (arrival night to departure morning), else the event dates', async () => {
    expect((await stay('awa').expect(200)).body).toMatchObject({
      checkIn: '2027-10-24',
      checkOut: '2027-10-30',
      nightsSource: 'flights',
    });
    expect((await stay('lucia').expect(200)).body).toMatchObject({
      checkIn: '2027-10-24',
      checkOut: '2027-10-30',
    });
    const minh = (await stay('minh').expect(200)).body;
    expect(minh).toMatchObject({
      checkIn: '2027-10-25',
      checkOut: '2027-10-30',
      nightsSource: 'event',
    });
    expect(minh.nights).toHaveLength(5);
    expect(minh.hotel).toEqual({
      name: 'Hôtel Continental',
      address: '36 Rue Dar El Baroud',
      city: 'Tanger',
    });
  });

  it('takes room wishes from the participant, with a field-named 400 for bad input', async () => {
    await wishes('awa', { roomPreference: 'shared', shareWith: 'lucia fernandez' });
    await wishes('lucia', {
      roomPreference: 'shared',
      roomNeeds: 'Ground floor: I use a wheelchair',
      shareNeedsWithHotel: true,
    });
    await wishes('fatou', { roomPreference: 'single', roomNeeds: 'Quiet room, please' });
    await wishes('rosa', { roomPreference: 'shared' });
    const bad = await api()
      .put(`/api/registrations/${regs.minh}/stay`)
      .set(people.minh.auth)
      .send({ roomPreference: 'suite' })
      .expect(400);
    expect(JSON.stringify(bad.body)).toContain('roomPreference');
  });

  it('suggests rooms: single wish alone, named roommates together, nobody beyond capacity', async () => {
    const res = await api()
      .post(`/api/events/${eventId}/accommodation/suggestion`)
      .set(admin.auth)
      .expect(200);
    expect(res.body).toMatchObject({ placed: 5, unassigned: 0 });
    const occ = (await occupancy()).body;
    const roomOf = (key: string) =>
      occ.guests.find((g: { registrationId: string }) => g.registrationId === regs[key]).nights[0]
        .roomLabel;
    expect(roomOf('fatou')).toBe('Single 1');
    expect(roomOf('awa')).toBe(roomOf('lucia'));
    expect(roomOf('rosa')).not.toBe(roomOf('awa'));
    for (const hotel of occ.hotels) {
      for (const room of hotel.rooms) {
        for (const n of room.nights) expect(n.occupants.length).toBeLessThanOrEqual(room.capacity);
      }
    }
    expect(occ.unassigned).toEqual([]);
    // The participant sees her hotel and her roommate's name, nothing else about her.
    const awa = (await stay('awa').expect(200)).body;
    expect(awa.roommates).toEqual(['Lucía Fernández']);
    expect(JSON.stringify(awa)).not.toMatch(/lucia@|\+51|PE1234567/);
  });

  it('writes the rooming list per night and room: names, dates, shared needs; never passports, phones or emails', async () => {
    const list = (await roomingList()).body;
    const lucia = list.lines.find((l: { name: string }) => l.name === 'Lucía Fernández');
    expect(lucia).toMatchObject({ checkIn: '2027-10-24', checkOut: '2027-10-30' });
    expect(lucia.specialNeeds).toBe('Ground floor: I use a wheelchair');
    const fatou = list.lines.find((l: { name: string }) => l.name === 'Fatou Ouédraogo');
    expect(fatou.specialNeeds).toBeNull(); // she did not agree to share it
    expect(list.nights[0].night).toBe('2027-10-24');
    const text = JSON.stringify(list);
    const csv = await api()
      .get(
        `/api/events/${eventId}/accommodation/hotels/${hotelId}/rooming-list?format=csv&separator=semicolon`,
      )
      .set(admin.auth)
      .expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('attachment');
    const rows = parseCsv(csv.text.replace(/^\uFEFF/, ''), ';');
    expect(rows[0]).toEqual([
      'Room',
      'Room type',
      'Guest',
      'Check-in',
      'Check-out',
      'Sharing with',
      'Special needs',
    ]);
    expect(rows.some((r) => r[2] === 'Nguyễn Thị Minh Khai')).toBe(true);
    for (const body of [text, csv.text]) {
      for (const secret of [
        'B7654321',
        'PE1234567',
        '+226',
        '+51',
        '76 00 11 22',
        '@example.org',
        'Quiet room',
      ]) {
        expect(body).not.toContain(secret);
      }
    }
  });

  it('after the list is sent, a flight change, a move and a removal show as changes', async () => {
    const sent = await api()
      .post(`/api/events/${eventId}/accommodation/hotels/${hotelId}/rooming-list/sent`)
      .set(admin.auth)
      .expect(200);
    expect(sent.body.sentAt).toMatch(/^\d{4}-\d{2}-\d{2}T.*\+00:00$/);
    expect(sent.body.changes).toEqual([]);

    // Awa now leaves a day early: her nights follow the flight and the list says so.
    await travel('awa', {
      departure: { flightNumber: 'AT570', airport: 'TNG', at: '2027-10-29T10:00' },
    });
    const awa = (await stay('awa').expect(200)).body;
    expect(awa.checkOut).toBe('2027-10-29');
    expect(awa.nights.map((n: { night: string }) => n.night)).not.toContain('2027-10-29');
    expect(awa.unassignedNights).toEqual([]);

    // Rosa moves to the double; Minh is taken out.
    const double = (await occupancy()).body.hotels[0].rooms.find(
      (r: { roomType: string }) => r.roomType === 'double',
    );
    await api()
      .put(`/api/events/${eventId}/accommodation/assignments/${regs.rosa}`)
      .set(admin.auth)
      .send({ roomId: double.id })
      .expect(200);
    await api()
      .delete(`/api/events/${eventId}/accommodation/assignments/${regs.minh}`)
      .set(admin.auth)
      .expect(200);

    const changes = (await roomingList()).body.changes as Array<{
      kind: string;
      name: string;
      before: unknown;
      after: unknown;
    }>;
    expect(changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'dates',
          name: 'Awa Traoré',
          before: expect.objectContaining({ checkOut: '2027-10-30' }),
          after: expect.objectContaining({ checkOut: '2027-10-29' }),
        }),
        expect.objectContaining({ kind: 'room', name: 'Rosa Quispe' }),
        expect.objectContaining({ kind: 'removed', name: 'Nguyễn Thị Minh Khai' }),
      ]),
    );
    expect((await occupancy()).body.unassigned).toEqual([
      expect.objectContaining({ registrationId: regs.minh, nights: expect.any(Array) }),
    ]);
  });

  it('an earlier arrival adds the night in the same room when it has space', async () => {
    await travel('rosa', {
      arrival: { flightNumber: 'IB3350', airport: 'TNG', at: '2027-10-24T18:00' },
    });
    const rosa = (await stay('rosa').expect(200)).body;
    expect(rosa.checkIn).toBe('2027-10-24');
    expect(rosa.unassignedNights).toEqual([]);
    expect(rosa.nights[0]).toMatchObject({ night: '2027-10-24', roomType: 'double' });
  });

  it("keeps the organiser's dates over the flights until cleared", async () => {
    const set = await api()
      .put(`/api/registrations/${regs.awa}/stay/nights`)
      .set(admin.auth)
      .send({ checkIn: '2027-10-25', checkOut: '2027-10-31' })
      .expect(200);
    expect(set.body).toMatchObject({
      checkIn: '2027-10-25',
      checkOut: '2027-10-31',
      nightsSource: 'organiser',
    });
    await travel('awa', {
      departure: { flightNumber: 'AT570', airport: 'TNG', at: '2027-10-28T10:00' },
    });
    expect((await stay('awa').expect(200)).body).toMatchObject({ checkOut: '2027-10-31' });
    await api()
      .put(`/api/registrations/${regs.awa}/stay/nights`)
      .set(admin.auth)
      .send({ checkIn: '2027-10-25', checkOut: '2027-10-25' })
      .expect(400);
    const cleared = await api()
      .delete(`/api/registrations/${regs.awa}/stay/nights`)
      .set(admin.auth)
      .expect(200);
    expect(cleared.body).toMatchObject({ checkOut: '2027-10-28', nightsSource: 'flights' });
    // The participant may not change her own dates.
    await api()
      .put(`/api/registrations/${regs.awa}/stay/nights`)
      .set(people.awa.auth)
      .send({ checkIn: '2027-10-20', checkOut: '2027-10-31' })
      .expect(403);
  });

  it('refuses a full room with 409 naming the night, and an unknown room with 404', async () => {
    const single = (await occupancy()).body.hotels[0].rooms.find(
      (r: { roomType: string }) => r.roomType === 'single',
    );
    const full = await api()
      .put(`/api/events/${eventId}/accommodation/assignments/${regs.minh}`)
      .set(admin.auth)
      .send({ roomId: single.id })
      .expect(409);
    expect(full.body.details).toMatchObject({ reason: 'room_full', night: '2027-10-25' });
    await api()
      .put(`/api/events/${eventId}/accommodation/assignments/${regs.minh}`)
      .set(admin.auth)
      .send({ roomId: '00000000-0000-4000-8000-000000000000' })
      .expect(404);
    const bad = await api()
      .put(`/api/events/${eventId}/accommodation/hotels/${hotelId}/inventory`)
      .set(admin.auth)
      .send({ cells: [{ roomType: 'suite', night: '2027-10-25', rooms: -1 }] })
      .expect(400);
    expect(JSON.stringify(bad.body)).toContain('cells');
  });

  it('shows rooms to no one but the organisers: participants, hosts and other organisers get 404', async () => {
    const outsiders = [people.awa, host, otherOrganiser];
    for (const who of outsiders) {
      await api().get(`/api/events/${eventId}/accommodation`).set(who.auth).expect(404);
      await api().get(`/api/events/${eventId}/accommodation/hotels`).set(who.auth).expect(404);
      await api()
        .get(`/api/events/${eventId}/accommodation/hotels/${hotelId}/rooming-list?format=csv`)
        .set(who.auth)
        .expect(404);
      await api().post(`/api/events/${eventId}/accommodation/suggestion`).set(who.auth).expect(404);
      await api()
        .put(`/api/events/${eventId}/accommodation/assignments/${regs.minh}`)
        .set(who.auth)
        .send({ roomId: hotelId })
        .expect(404);
      await api()
        .post(`/api/events/${eventId}/accommodation/hotels/${hotelId}/rooming-list/sent`)
        .set(who.auth)
        .expect(404);
    }
    // Another participant, a host and another event's organiser cannot read or change a stay.
    for (const who of [people.fatou, host, otherOrganiser]) {
      await stay('awa', who).expect(404);
      await api()
        .put(`/api/registrations/${regs.awa}/stay`)
        .set(who.auth)
        .send({ roomPreference: 'single' })
        .expect(404);
    }
    await api().get(`/api/registrations/${regs.awa}/stay`).expect(401);
  });

  it("settles a participant's own nights on their own view, and everyone's on the organisers'", async () => {
    const heldNights = async (key: string) =>
      (
        (await t.app
          .get(DataSource)
          .query(
            `SELECT night::text FROM room_assignments WHERE registration_id = $1 ORDER BY night`,
            [regs[key]],
          )) as Array<{ night: string }>
      ).map((r) => r.night);
    expect(await heldNights('fatou')).toContain('2027-10-29');
    expect(await heldNights('lucia')).toContain('2027-10-29');
    // Both now leave on the morning of the 29th: the night of the 29th is no longer theirs.
    for (const key of ['fatou', 'lucia'])
      await travel(key, {
        departure: { flightNumber: 'AT570', airport: 'TNG', at: '2027-10-29T10:00' },
      });

    const fatou = (await stay('fatou').expect(200)).body;
    expect(fatou.checkOut).toBe('2027-10-29');
    expect(await heldNights('fatou')).not.toContain('2027-10-29');
    // Fatou's page read and wrote her rooms only, not the whole event's.
    expect(await heldNights('lucia')).toContain('2027-10-29');

    await occupancy();
    expect(await heldNights('lucia')).not.toContain('2027-10-29');
  });
  it('tries only the new nights a room can take: an unbooked night costs a view nothing', async () => {
    // Rosa now lands on the 22nd: the hotel has no double booked on the 22nd or the 23rd.
    await travel('rosa', {
      arrival: { flightNumber: 'IB3350', airport: 'TNG', at: '2027-10-22T18:00' },
    });
    const ds = t.app.get(DataSource);
    const viewed = async () => {
      const rec = recordStatements(ds);
      try {
        const res = await occupancy();
        return { body: res.body, statements: rec.statements.map((s) => s.sql) };
      } finally {
        rec.stop();
      }
    };
    const rosaOf = (body: { guests: Array<{ registrationId: string }> }) =>
      body.guests.find((g) => g.registrationId === regs.rosa) as unknown as {
        unassignedNights: string[];
      };

    for (let view = 0; view < 2; view++) {
      const { body, statements } = await viewed();
      expect(rosaOf(body).unassignedNights).toEqual(['2027-10-22', '2027-10-23']);
      expect(statements.filter((s) => s.includes('INSERT INTO room_assignments'))).toEqual([]);
    }

    // The hotel books a double for the 23rd: the next view gives it to her, in her room.
    await api()
      .put(`/api/events/${eventId}/accommodation/hotels/${hotelId}/inventory`)
      .set(admin.auth)
      .send({ cells: [{ roomType: 'double', night: '2027-10-23', rooms: 1 }] })
      .expect(200);
    const { body, statements } = await viewed();
    expect(rosaOf(body).unassignedNights).toEqual(['2027-10-22']);
    expect(statements.filter((s) => s.includes('INSERT INTO room_assignments'))).toHaveLength(1);
    const rosa = (await stay('rosa').expect(200)).body;
    expect(rosa.nights.slice(0, 3)).toMatchObject([
      { night: '2027-10-22' },
      { night: '2027-10-23', roomType: 'double' },
      { night: '2027-10-24', roomType: 'double' },
    ]);
  });
});
