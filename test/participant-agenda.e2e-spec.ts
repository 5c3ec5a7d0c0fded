import { gzipSync } from 'node:zlib';
import { messages } from '#i18n';
import { register, sessionBody } from './support/agenda-fixtures.js';
import {
  createEvent,
  createOrganisation,
  loginAdmin,
  signup,
  type Session,
} from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { WebClient } from './support/web-client.js';

/*
 * The agenda pages through a browser without a browser: filters as a GET form, sign-ups
 * and cancellations as POST forms, clashes named by title, a visit's rules to accept,
 * and host pages that show hosts their bus list and nothing else.
 */
describe('participant agenda pages', () => {
  let t: TestApp;
  let admin: Session;
  let org: { id: string; name: string };
  let event: { id: string; slug: string };
  let other: { id: string; slug: string };
  let host: Session;
  const ids: Record<string, string> = {};
  const password = 'a-long-password';

  const person = async (name: string, locale = 'fr', register_ = true) => {
    const p = await signup(t, { name, locale, password, organisationId: org.id });
    if (register_)
      await register(t, event.id, p, org.id, {
        emergencyContact: { name: `Famille ${name}`, phone: '+226 70 11 22 33' },
        phone: '+226 70 99 88 77',
      });
    const web = new WebClient(t);
    await web.signIn(p.email, password);
    return { p, web };
  };

  const createSession = async (eventId: string, body: Record<string, unknown>) => {
    const res = await t
      .http()
      .post(`/api/events/${eventId}/sessions`)
      .set(admin.auth)
      .send(sessionBody(body));
    if (res.status !== 201) throw new Error(`session: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  };

  beforeAll(async () => {
    t = await startTestApp('participant_agenda');
    admin = await loginAdmin(t);
    org = await createOrganisation(t, admin, {
      name: 'Maison des Familles de Ouagadougou',
      country: 'BF',
    });
    const tanger = await createOrganisation(t, admin, { name: 'Association Tanger Familles' });
    event = await createEvent(t, admin, { name: 'Rencontre de Tanger' });
    other = await createEvent(t, admin, { name: 'Autre rencontre' });
    host = await signup(t, { name: 'Samira El Amrani', locale: 'fr', password });
    await t
      .http()
      .post(`/api/events/${event.id}/staff`)
      .set(admin.auth)
      .send({ accountId: host.id, role: 'host' })
      .expect(201);
    const room = (
      await t
        .http()
        .post(`/api/events/${event.id}/rooms`)
        .set(admin.auth)
        .send({ name: 'Salle Bleue', capacity: 40 })
        .expect(201)
    ).body;
    ids.plenary = await createSession(event.id, {
      kind: 'plenary',
      title: 'Plénière d’ouverture',
      startsAt: '2027-10-25T09:00',
      endsAt: '2027-10-25T10:30',
      roomId: room.id,
      language: 'fr',
      interpretationLanguages: ['en', 'es'],
    });
    ids.lunch = await createSession(event.id, {
      kind: 'meal',
      title: 'Déjeuner',
      startsAt: '2027-10-25T12:30',
      endsAt: '2027-10-25T14:00',
    });
    ids.parenting = await createSession(event.id, {
      title: 'Soutenir les familles autrement',
      theme: 'Parentalité',
      language: 'fr',
      capacity: 10,
      signupRequired: true,
      startsAt: '2027-10-26T10:00',
      endsAt: '2027-10-26T12:00',
    });
    ids.clashing = await createSession(event.id, {
      title: 'Droit des enfants en migration',
      theme: 'Droit',
      language: 'es',
      capacity: 10,
      signupRequired: true,
      startsAt: '2027-10-26T11:00',
      endsAt: '2027-10-26T12:30',
    });
    ids.tiny = await createSession(event.id, {
      title: 'Atelier en petit groupe',
      theme: 'Parentalité',
      language: 'fr',
      capacity: 1,
      signupRequired: true,
      startsAt: '2027-10-27T10:00',
      endsAt: '2027-10-27T12:00',
    });
    ids.visit = await createSession(event.id, {
      kind: 'site_visit',
      title: 'Visite du programme des mères',
      startsAt: '2027-10-28T08:30',
      endsAt: '2027-10-28T13:00',
      siteVisit: {
        hostOrganisationId: tanger.id,
        address: '12 rue de la Kasbah, Tanger',
        meetingPoint: 'Hall de l’hôtel',
        departureAt: '2027-10-28T08:30',
        returnAt: '2027-10-28T13:00',
        transport: 'minibus',
        seats: 12,
        rules: ['Aucune photo des familles', 'Demander avant de parler à une famille'],
      },
    });
    ids.otherVisit = await createSession(other.id, {
      kind: 'site_visit',
      title: 'Visite secrète d’une autre rencontre',
      startsAt: '2027-10-28T08:30',
      endsAt: '2027-10-28T13:00',
      siteVisit: {
        hostOrganisationId: tanger.id,
        address: 'Ailleurs',
        meetingPoint: 'Ailleurs',
        departureAt: '2027-10-28T08:30',
        returnAt: '2027-10-28T13:00',
        transport: 'bus',
        seats: 5,
      },
    });
    for (const e of [event, other]) {
      await t.http().post(`/api/events/${e.id}/agenda/publish`).set(admin.auth).expect(200);
    }
  });
  afterAll(() => t.close());

  it('shows the agenda day by day in the event zone, in French, with filters that work without JS', async () => {
    const web = new WebClient(t);
    const res = await web.get(`/e/${event.slug}/agenda?lang=fr`);
    expect(res.status).toBe(200);
    expect(res.text).toContain('lundi 25 octobre 2027');
    expect(res.text).toContain('09:00–10:30');
    expect(res.text).toContain('Salle Bleue');
    expect(res.text).toContain('En français, interprétation en anglais et en espagnol');
    expect(res.text).toContain('10 places restantes');
    expect(res.text).toContain('<form action="/e/' + event.slug + '/agenda" method="get"');

    const parenting = await web.get(`/e/${event.slug}/agenda?theme=Parentalit%C3%A9`);
    expect(parenting.text).toContain('Soutenir les familles autrement');
    expect(parenting.text).toContain('Atelier en petit groupe');
    expect(parenting.text).not.toContain('Droit des enfants en migration');
    expect(parenting.text).not.toContain('Plénière d’ouverture');

    const spanish = await web.get(`/e/${event.slug}/agenda?language=es`);
    expect(spanish.text).toContain('Droit des enfants en migration');
    expect(spanish.text).toContain('Plénière d’ouverture'); // interpreted into Spanish
    expect(spanish.text).not.toContain('Soutenir les familles autrement');

    const visits = await web.get(`/e/${event.slug}/agenda?kind=site_visit`);
    expect(visits.text).toContain('Visite du programme des mères');
    expect(visits.text).not.toContain('Déjeuner');

    const bad = await web.get(`/e/${event.slug}/agenda?kind=party`);
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('Il y a un problème');
    expect((await web.get('/e/no-such-event/agenda')).status).toBe(404);
  });

  it('signs a confirmed participant up from the page, marks the session, and cancels', async () => {
    const { web } = await person('Awa Traoré');
    const page = await web.get(`/e/${event.slug}/agenda`);
    expect(page.text).toContain(`action="/e/${event.slug}/sessions/${ids.parenting}/signup"`);
    const res = await web.post(`/e/${event.slug}/sessions/${ids.parenting}/signup`, {
      back: `/e/${event.slug}/agenda`,
    });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`/e/${event.slug}/agenda#s-${ids.parenting}`);
    const after = await web.get(`/e/${event.slug}/agenda`);
    expect(after.text).toContain('Vous êtes inscrit·e.');
    expect(after.text).toContain('Inscrit·e');
    expect(after.text).toContain('9 places restantes');

    // A double submit creates nothing twice.
    await web.post(`/e/${event.slug}/sessions/${ids.parenting}/signup`);
    const again = await web.get(`/e/${event.slug}/sessions/${ids.parenting}`);
    expect(again.text).toContain('9 sur 10 encore libres');

    const cancel = await web.post(`/e/${event.slug}/sessions/${ids.parenting}/cancel`);
    expect(cancel.status).toBe(303);
    const gone = await web.get(cancel.headers.location);
    expect(gone.text).toContain('Votre place est annulée.');
    expect(gone.text).toContain('10 sur 10 encore libres');
  });

  it('names the clashing session by its title and time, not by its id', async () => {
    const { web } = await person('Issa Ouédraogo');
    await web.get(`/e/${event.slug}/agenda`);
    expect((await web.post(`/e/${event.slug}/sessions/${ids.parenting}/signup`)).status).toBe(303);
    const clash = await web.post(`/e/${event.slug}/sessions/${ids.clashing}/signup`);
    expect(clash.status).toBe(409);
    expect(clash.text).toContain('« Soutenir les familles autrement »');
    expect(clash.text).toContain('mardi 26 octobre, 10:00–12:00');
    expect(clash.text).not.toMatch(new RegExp(`>[^<]*${ids.parenting}[^<]*<`));
  });

  it('puts the person on the waiting list of a full session with the place shown, in French and Spanish', async () => {
    const first = await person('Fatou Ndiaye');
    await first.web.get(`/e/${event.slug}/agenda`);
    await first.web.post(`/e/${event.slug}/sessions/${ids.tiny}/signup`);
    const second = await person('Lucía Quispe', 'es');
    const page = await second.web.get(`/e/${event.slug}/agenda`);
    expect(page.text).toContain('Completa');
    expect(page.text).toContain('Inscribirme en la lista de espera');
    const res = await second.web.post(`/e/${event.slug}/sessions/${ids.tiny}/signup`);
    expect(res.status).toBe(303);
    const session = await second.web.get(res.headers.location);
    expect(session.text).toContain('La sesión está completa: está en su lista de espera.');
    expect(session.text).toContain('Ocupa el puesto 1.º en la lista de espera.');
    const third = await person('Joseph Mukendi');
    await third.web.get(`/e/${event.slug}/agenda`);
    await third.web.post(`/e/${event.slug}/sessions/${ids.tiny}/signup`);
    const agenda = await third.web.get(`/e/${event.slug}/agenda`);
    expect(agenda.text).toContain("Sur liste d'attente, 2e");
    const mine = await third.web.get('/my/agenda');
    expect(mine.text).toContain('Atelier en petit groupe');
    expect(mine.text).toContain("Sur liste d'attente, 2e");
    expect(mine.text).toContain('Plénière d’ouverture');
    expect(mine.text).toContain('Déjeuner');
    expect(mine.text).toContain('href="/my/calendar"');
  });

  it('refuses a site visit without its rules accepted, next to the checkbox, in French and Spanish', async () => {
    const fr = await person('Aminata Sawadogo');
    const page = await fr.web.get(`/e/${event.slug}/sessions/${ids.visit}`);
    expect(page.text).toContain('Aucune photo des familles');
    expect(page.text).toContain('Hall de l’hôtel');
    expect(page.text).toContain('08:30');
    expect(page.text).toContain('minibus, 12 places');
    const refused = await fr.web.post(`/e/${event.slug}/sessions/${ids.visit}/signup`);
    expect(refused.status).toBe(400);
    expect(refused.text).toMatch(
      /id="f-acceptRules-error">Cochez la case pour accepter les règles de l'hôte/,
    );
    const es = await person('María Fernanda Rojas', 'es');
    await es.web.get(`/e/${event.slug}/sessions/${ids.visit}`);
    const rechazo = await es.web.post(`/e/${event.slug}/sessions/${ids.visit}/signup`);
    expect(rechazo.status).toBe(400);
    expect(rechazo.text).toContain('Marque la casilla para aceptar las normas del anfitrión');

    const ok = await fr.web.post(`/e/${event.slug}/sessions/${ids.visit}/signup`, {
      acceptRules: 'on',
    });
    expect(ok.status).toBe(303);
    const after = await fr.web.get(ok.headers.location);
    expect(after.text).toContain("Vous avez accepté les règles de l'hôte.");
  });

  it('refuses sign-ups from people without a confirmed registration, in words', async () => {
    const { web } = await person('Sans Inscription', 'fr', false);
    // No button that would only be refused (a host, an organiser without a registration).
    const signupForm = `action="/e/${event.slug}/sessions/${ids.parenting}/signup"`;
    const agenda = await web.get(`/e/${event.slug}/agenda`);
    expect(agenda.text).not.toContain(signupForm);
    expect(agenda.text).toContain('Les inscriptions aux sessions sont réservées aux personnes');
    const sessionPage = await web.get(`/e/${event.slug}/sessions/${ids.parenting}`);
    expect(sessionPage.text).not.toContain(signupForm);
    expect(sessionPage.text).toContain(
      'Les inscriptions aux sessions sont réservées aux personnes',
    );
    const registered = await person('Avec Inscription', 'fr');
    expect((await registered.web.get(`/e/${event.slug}/agenda`)).text).toContain(signupForm);
    // The address itself still refuses, in words.
    const res = await web.post(`/e/${event.slug}/sessions/${ids.parenting}/signup`);
    expect(res.status).toBe(403);
    expect(res.text).toContain(
      "Seules les personnes dont l'inscription à la rencontre est confirmée",
    );
  });

  it('refuses a form posted without its CSRF token and sends strangers to sign in', async () => {
    const { web } = await person('Sans Jeton');
    await web.get(`/e/${event.slug}/agenda`);
    const res = await web.post(`/e/${event.slug}/sessions/${ids.parenting}/signup`, { _csrf: '' });
    expect(res.status).toBe(403);
    const page = await web.get(`/e/${event.slug}/sessions/${ids.parenting}`);
    expect(page.text).not.toContain('Inscrit·e');
    const anonymous = new WebClient(t);
    await anonymous.get('/signin');
    const redirected = await anonymous.post(`/e/${event.slug}/sessions/${ids.parenting}/signup`);
    expect(redirected.status).toBe(303);
    expect(redirected.headers.location).toMatch(/^\/signin\?next=/);
    // The address of a refused form, opened again (the language switcher), shows the session.
    const reopened = await web.get(`/e/${event.slug}/sessions/${ids.parenting}/signup?lang=es`);
    expect(reopened.status).toBe(303);
    expect(reopened.headers.location).toBe(`/e/${event.slug}/sessions/${ids.parenting}?lang=es`);
    // A session of another event under this event's address does not exist.
    expect((await web.get(`/e/${event.slug}/sessions/${ids.otherVisit}`)).status).toBe(404);
  });

  it("shows a facilitator the sessions they lead in their week, and a person's week is their own", async () => {
    const lead = await person('Claire Dubois');
    const led = await createSession(event.id, {
      title: 'Atelier animé par Claire',
      capacity: 8,
      signupRequired: true,
      facilitatorIds: [lead.p.id],
      startsAt: '2027-10-29T15:00',
      endsAt: '2027-10-29T16:30',
    });
    await t.http().post(`/api/sessions/${led}/publish`).set(admin.auth).expect(200);
    const mine = await lead.web.get('/my/agenda');
    expect(mine.text).toContain('Atelier animé par Claire');
    expect(mine.text).toContain('Vous animez cette session');
    const page = await lead.web.get(`/e/${event.slug}/sessions/${led}`);
    expect(page.text).toContain('Vous animez cette session');
    const someoneElse = await person('Awa Sawadogo');
    const theirs = await someoneElse.web.get('/my/agenda');
    expect(theirs.text).not.toContain('Atelier animé par Claire');
    expect(theirs.text).toContain('Plénière d’ouverture');
    // Signed out, my agenda sends to sign-in and back.
    const res = await new WebClient(t).get('/my/agenda');
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/signin?next=%2Fmy%2Fagenda');
  });

  it('shows the host of an immersion who comes and when they land, without phones', async () => {
    // The visitors come from Ouagadougou (org); the house in Tangier receives them. Its own
    // staff are the immersion's hosts, so the visitors must not belong to it.
    const receiving = await createOrganisation(t, admin, { name: 'Maison des Familles de Tanger' });
    const immersion = await createEvent(t, admin, {
      name: 'Immersion Ouagadougou → Tanger',
      kind: 'immersion',
      hostOrganisationId: receiving.id,
      capacity: 4,
    });
    await t
      .http()
      .post(`/api/events/${immersion.id}/staff`)
      .set(admin.auth)
      .send({ accountId: host.id, role: 'host' })
      .expect(201);
    const visitor = await signup(t, {
      name: 'Nguyễn Thị Minh Khai-Hằng',
      password,
      organisationId: org.id,
    });
    const reg = await register(t, immersion.id, visitor, org.id, { phone: '+226 70 55 44 33' });
    await t
      .http()
      .put(`/api/registrations/${reg}/travel`)
      .set(visitor.auth)
      .send({ arrival: { flightNumber: 'AT 571', airport: 'TNG', at: '2027-10-24T16:40' } })
      .expect(200);
    const late = await signup(t, { name: 'Issa Ouédraogo', password, organisationId: org.id });
    await register(t, immersion.id, late, org.id);

    const h = new WebClient(t);
    await h.signIn(host.email, password);
    expect((await h.get('/host')).text).toContain('Immersion Ouagadougou → Tanger');
    const page = await h.get(`/host/events/${immersion.id}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Qui vient, et quand : les arrivées');
    expect(page.text).toContain('Nguyễn Thị Minh Khai-Hằng');
    expect(page.text).toContain('dimanche 24 octobre 2027, 16:40');
    expect(page.text).toContain('AT571 · TNG');
    expect(page.text).toContain('Issa Ouédraogo');
    expect(page.text).not.toContain('+226 70 55 44 33');
    // A visitor of the immersion is not its host.
    const v = new WebClient(t);
    await v.signIn(visitor.email, password);
    expect((await v.get(`/host/events/${immersion.id}`)).status).toBe(404);
  });

  it('says waitlist places with the ordinals of each language', () => {
    const en = messages('en').agenda;
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111].map(en.ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '23rd',
      '101st',
      '111th',
    ]);
    expect(en.waitlistPosition(2)).toBe('You are 2nd on the waiting list.');
    expect(messages('fr').agenda.waitlistPosition(1)).toBe(
      "Vous êtes 1er·e sur la liste d'attente.",
    );
    expect(messages('fr').agenda.mark.waitlisted(3)).toBe("Sur liste d'attente, 3e");
    expect(messages('es').agenda.waitlistPosition(3)).toBe(
      'Ocupa el puesto 3.º en la lista de espera.',
    );
  });

  it('answers odd addresses and inputs with 400 or 404, never a 500', async () => {
    const { web } = await person('Curieuse Testeuse');
    await web.get(`/e/${event.slug}/agenda`);
    const statuses = [
      (await web.get(`/e/${event.slug}/sessions/not-a-uuid`)).status,
      (await web.get(`/e/${event.slug}/sessions/00000000-0000-4000-8000-000000000000`)).status,
      (await web.get('/e/UPPER%20case/agenda')).status,
      (await web.get(`/e/${event.slug}/agenda?theme=${'x'.repeat(500)}`)).status,
      (await web.get(`/e/${event.slug}/agenda?language=%22%3E&kind=a&kind=b`)).status,
      (await web.get('/host/events/not-a-uuid')).status,
      (await web.get('/host/sessions/00000000-0000-4000-8000-000000000000')).status,
      (await web.post(`/e/${event.slug}/sessions/not-a-uuid/signup`)).status,
      (
        await web.post(`/e/${event.slug}/sessions/${ids.visit}/signup`, {
          acceptRules: ['on', 'yes'],
          accountId: admin.id,
        })
      ).status,
    ];
    expect(statuses).toEqual([404, 404, 404, 400, 400, 404, 404, 404, 400]);
    // An outside address in `back` is ignored: the redirect stays on the session page.
    const res = await web.post(`/e/${event.slug}/sessions/${ids.lunch}/cancel`, {
      back: '//evil.example/e/x/agenda',
    });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`/e/${event.slug}/sessions/${ids.lunch}`);
  });

  it('keeps a busy week of agenda under 14 KB of compressed HTML for a signed-in participant', async () => {
    const week = await createEvent(t, admin, { name: 'Semaine chargée' });
    const slots = ['09:00', '10:30', '11:30', '14:00', '15:30', '17:00'];
    for (const day of ['25', '26', '27', '28', '29', '30']) {
      for (const [i, from] of slots.entries()) {
        await createSession(week.id, {
          title: `Atelier ${day}-${i} : accompagner les familles en situation de migration`,
          theme: i % 2 ? 'Parentalité' : 'Droit',
          language: 'fr',
          interpretationLanguages: ['en', 'es'],
          capacity: 20,
          signupRequired: true,
          startsAt: `2027-10-${day}T${from}`,
          endsAt: `2027-10-${day}T${from.replace(/:00|:30/, (m) => (m === ':00' ? ':50' : ':59'))}`,
        });
      }
    }
    await t.http().post(`/api/events/${week.id}/agenda/publish`).set(admin.auth).expect(200);
    const p = await signup(t, {
      name: 'Nguyễn Thị Minh Khai-Hằng',
      password,
      organisationId: org.id,
    });
    await register(t, week.id, p, org.id);
    const web = new WebClient(t);
    await web.signIn(p.email, password);
    const res = await web.get(`/e/${week.slug}/agenda`);
    expect(res.status).toBe(200);
    expect((res.text.match(/class="pa-item/g) ?? []).length).toBe(36);
    expect(gzipSync(res.text).length).toBeLessThanOrEqual(14 * 1024);
  });

  it('gives participants a 404 on host pages, and hosts their bus list and nothing of other events', async () => {
    const { web } = await person('Participante Curieuse');
    expect((await web.get('/host')).status).toBe(404);
    expect((await web.get(`/host/events/${event.id}`)).status).toBe(404);
    expect((await web.get(`/host/sessions/${ids.visit}`)).status).toBe(404);
    expect((await web.get(`/host/sessions/${ids.visit}/bus-list.csv`)).status).toBe(404);

    const h = new WebClient(t);
    await h.signIn(host.email, password);
    const index = await h.get('/host');
    expect(index.status).toBe(200);
    expect(index.text).toContain('Visite du programme des mères');
    expect(index.text).not.toContain('Visite secrète d’une autre rencontre');
    const bus = await h.get(`/host/sessions/${ids.visit}`);
    expect(bus.status).toBe(200);
    expect(bus.text).toContain('Aminata Sawadogo');
    expect(bus.text).toContain('Maison des Familles de Ouagadougou');
    expect(bus.text).toContain('Famille Aminata Sawadogo');
    // The participants' own phones stay with the organisers.
    expect(bus.text).not.toContain('+226 70 99 88 77');
    expect((await h.get(`/host/events/${other.id}`)).status).toBe(404);
    expect((await h.get(`/host/sessions/${ids.otherVisit}`)).status).toBe(404);
    // A workshop is not a visit: its list is not a host's to see.
    expect((await h.get(`/host/sessions/${ids.parenting}`)).status).toBe(404);
  });
});
