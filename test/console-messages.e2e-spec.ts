import { DataSource } from 'typeorm';
import { sessionBody } from './support/agenda-fixtures.js';
import {
  createEvent,
  createOrganisation,
  loginAdmin,
  type Session,
  signup,
} from './support/factories.js';
import { registrationBody } from './support/registration-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { WebClient } from './support/web-client.js';

/*
 * The organisers' dashboard, announcements and message log, through the pages: five
 * confirmed participants from three organisations in two countries (Morocco and Burkina
 * Faso) reading French, English and Spanish, and one more on the waitlist.
 */
describe('console: dashboard, announcements and messages', () => {
  let t: TestApp;
  let ds: DataSource;
  let organiser: Session;
  let event: { id: string };
  let otherEvent: { id: string };
  const people: Record<string, Session> = {};
  const PASSWORD = 'a-long-password';

  // One signed-in browser per person (sign-ins are rate limited), switched to a language.
  const clients = new Map<string, WebClient>();
  const web = async (who: Session, lang = 'en') => {
    let client = clients.get(who.email);
    if (!client) {
      client = new WebClient(t);
      await client.signIn(who.email, PASSWORD);
      clients.set(who.email, client);
    }
    await client.get(`/?lang=${lang}`);
    return client;
  };
  const base = () => `/console/events/${event.id}`;
  /** A table row: its header cell then the number cells, as the page writes them. */
  const row = (label: string, ...cells: Array<number | string>) =>
    new RegExp(
      `<th scope="row"[^>]*>${label}</th>${cells
        .map((c) => (typeof c === 'number' ? `<td class="num">${c}</td>` : `<td>${c}</td>`))
        .join('')}`,
    );

  beforeAll(async () => {
    t = await startTestApp('console_messages');
    ds = t.app.get(DataSource);
    const admin = await loginAdmin(t);
    const ma1 = await createOrganisation(t, admin, { name: 'Association Al Amal', country: 'MA' });
    const ma2 = await createOrganisation(t, admin, { name: 'Bayti Tanger', country: 'MA' });
    const bf = await createOrganisation(t, admin, { name: 'Keoogo', country: 'BF' });
    organiser = await signup(t, { name: 'Claire Organiser', locale: 'fr', organisationId: ma1.id });
    event = await createEvent(t, admin, { capacity: 5, languages: ['fr', 'en', 'es'] });
    const addStaff = (eventId: string, accountId: string, role: string) =>
      t
        .http()
        .post(`/api/events/${eventId}/staff`)
        .set(admin.auth)
        .send({ accountId, role })
        .expect((r) => expect(r.status).toBeLessThan(300));
    await addStaff(event.id, organiser.id, 'organiser');
    const plan: Array<[string, string, string, string]> = [
      ['awa', 'fr', ma1.id, 'social_worker'],
      ['ben', 'en', ma1.id, 'psychologist'],
      ['carmen', 'es', ma2.id, 'social_worker'],
      ['dieudonne', 'fr', bf.id, 'legal_expert'],
      ['emma', 'en', bf.id, 'social_worker'],
      ['fernando', 'es', bf.id, 'manager'],
    ];
    for (const [name, locale, organisationId, profession] of plan) {
      people[name] = await signup(t, { name: `Person ${name}`, locale, organisationId });
      const res = await t
        .http()
        .post(`/api/events/${event.id}/registrations`)
        .set(people[name].auth)
        .send(registrationBody(organisationId, { profession }))
        .expect(201);
      expect(res.body.status).toBe(name === 'fernando' ? 'waitlisted' : 'confirmed');
    }
    await t
      .http()
      .post(`/api/events/${event.id}/sessions`)
      .set(organiser.auth)
      .send(sessionBody({ title: 'Family support workshop', capacity: 20, signupRequired: true }))
      .expect(201);
    people.host = await signup(t, { name: 'Harun Host', organisationId: ma2.id });
    await addStaff(event.id, people.host.id, 'host');
    people.otherOrganiser = await signup(t, { name: 'Olga Other' });
    otherEvent = await createEvent(t, admin);
    await addStaff(otherEvent.id, people.otherOrganiser.id, 'organiser');
  });
  afterAll(() => t.close());

  describe('dashboard', () => {
    it('gives the headline and each chart with its numbers, counting confirmed people only', async () => {
      const client = await web(organiser);
      const res = await client.get(base());
      expect(res.status).toBe(200);
      expect(res.text).toContain('5 participants from 3 organisations in 2 countries');
      expect(res.text).toContain('1 person on the waitlist');
      // Server-drawn SVG charts, named for screen readers, no script needed to read them.
      expect(res.text.match(/<svg[^>]*role="img"/g)?.length).toBe(6);
      expect(res.text).toContain('<title id="by-country-svg-t">Participants by country</title>');
      expect(res.text).not.toMatch(/<script(?![^>]*src="\/assets\/)/);
      // By country, in the reader's language, and the other tables.
      expect(res.text).toMatch(row('Morocco', 3));
      expect(res.text).toMatch(row('Burkina Faso', 2));
      expect(res.text).toMatch(row('Association Al Amal', 2, 'Morocco'));
      expect(res.text).toMatch(row('Keoogo', 2, 'Burkina Faso'));
      expect(res.text).toMatch(row('Bayti Tanger', 1, 'Morocco'));
      expect(res.text).toMatch(row('Social worker', 3));
      expect(res.text).toMatch(row('Psychologist', 1));
      expect(res.text).toMatch(row('Legal expert', 1));
      expect(res.text).not.toMatch(row('Manager', 1)); // the waitlisted manager
      // Every registration received (waitlisted too) on one day, added up.
      expect(res.text).toMatch(/<td class="num">6<\/td><td class="num">6<\/td>/);
      expect(res.text).toMatch(row('Not known yet', 6));
      expect(res.text).toMatch(
        /Family support workshop · [^<]+<\/th><td class="num">20<\/td><td class="num">20<\/td><td class="num">0<\/td>/,
      );
    });

    it('speaks French and Spanish, plurals and country names included', async () => {
      const fr = await (await web(organiser, 'fr')).get(base());
      expect(fr.text).toContain('5 participants de 3 organisations dans 2 pays');
      expect(fr.text).toMatch(row('Maroc', 3));
      const es = await (await web(organiser, 'es')).get(base());
      expect(es.text).toContain('5 participantes de 3 organizaciones en 2 países');
      expect(es.text).toMatch(row('Marruecos', 3));
    });
  });

  describe('announcements', () => {
    const texts = {
      'subject.fr': 'Changement de salle',
      'body.fr': "L'atelier de jeudi a lieu en salle 2.",
      'subject.en': 'Room change',
      'body.en': "Thursday's workshop is in room 2.",
    };

    it('counts each audience and its languages before anything is written', async () => {
      const client = await web(organiser);
      const res = await client.get(`${base()}/announcements`);
      expect(res.status).toBe(200);
      expect(res.text).toMatch(
        /Confirmed participants<\/th><td class="num">5<\/td><td>2 in French, 2 in English, 1 in Spanish<\/td>/,
      );
      expect(res.text).toMatch(
        /People on the waitlist<\/th><td class="num">1<\/td><td>1 in Spanish<\/td>/,
      );
      expect(res.text).toContain('No announcement has been sent for this event yet.');
    });

    it('previews each language, counts the recipients and warns who falls back', async () => {
      const client = await web(organiser);
      await client.get(`${base()}/announcements`);
      const res = await client.post(`${base()}/announcements`, {
        ...texts,
        audience: 'confirmed',
        action: 'preview',
      });
      expect(res.status).toBe(200);
      expect(res.text).toContain(
        'This announcement will go to 5 people: 3 in French, 2 in English.',
      );
      expect(res.text).toContain('1 person who reads Spanish will receive the French version.');
      expect(res.text).toContain('Send to 5 people');
      expect(res.text).toContain(
        `Room change — ${(await ds.query(`SELECT name FROM events WHERE id = $1`, [event.id]))[0].name}`,
      );
      expect(res.text).toContain("Thursday's workshop is in room 2.");
      expect(res.text).toContain('Bonjour [nom],');
      expect(res.text).toContain('Hello [name],');
      // Nothing is sent by a preview.
      const [{ n }] = await ds.query(
        `SELECT count(*)::int AS n FROM messages WHERE template = 'announcement'`,
      );
      expect(n).toBe(0);
    });

    it('refuses a subject without its message, next to the field, keeping the text', async () => {
      const client = await web(organiser);
      await client.get(`${base()}/announcements`);
      const res = await client.post(`${base()}/announcements`, {
        'subject.es': 'Cambio de sala',
        audience: 'confirmed',
        action: 'preview',
      });
      expect(res.status).toBe(400);
      expect(res.text).toContain('There is a problem');
      expect(res.text).toContain('Write the message for this subject too.');
      expect(res.text).toContain('value="Cambio de sala"');
    });

    it('asks which organisation, then counts the people registered from it', async () => {
      const client = await web(organiser);
      await client.get(`${base()}/announcements`);
      const missing = await client.post(`${base()}/announcements`, {
        ...texts,
        audience: 'organisation',
        action: 'preview',
      });
      expect(missing.status).toBe(400);
      expect(missing.text).toMatch(
        /<span class="error" id="f-organisationId-error">Choose one of the options.<\/span>/,
      );
      const keoogo = /<option value="([^"]+)">Keoogo \(Burkina Faso\) · 3 people<\/option>/.exec(
        missing.text,
      )![1];
      const chosen = await client.post(`${base()}/announcements`, {
        ...texts,
        audience: 'organisation',
        organisationId: keoogo,
        action: 'preview',
      });
      // Two confirmed and one on the waitlist: "everyone registered" from Keoogo.
      expect(chosen.text).toContain(
        'This announcement will go to 3 people: 2 in French, 1 in English.',
      );
      expect(chosen.text).toContain('1 person who reads Spanish will receive the French version.');
    });

    it('sends once even when the form is posted twice, then shows its delivery', async () => {
      const client = await web(organiser);
      await client.get(`${base()}/announcements`);
      const preview = await client.post(`${base()}/announcements`, {
        ...texts,
        audience: 'confirmed',
        action: 'preview',
      });
      const checked = /name="checked" value="([^"]+)"/.exec(preview.text)![1];
      const announcementId = /name="announcementId" value="([^"]+)"/.exec(preview.text)![1];
      const form: Record<string, string> = {
        ...texts,
        audience: 'confirmed',
        action: 'send',
        checked,
        announcementId,
      };
      // Two readers of Spanish get another language: refused until the organiser ticks it.
      const unconfirmed = await client.post(`${base()}/announcements`, form);
      expect(unconfirmed.status).toBe(400);
      expect(unconfirmed.text).toMatch(/name="allowFallback" value="on" aria-invalid="true"/);
      expect(await ds.query(`SELECT 1 FROM messages WHERE template = 'announcement'`)).toEqual([]);
      form.allowFallback = 'on';
      const [first, second] = [
        await client.post(`${base()}/announcements`, form),
        await client.post(`${base()}/announcements`, form),
      ];
      expect(first.status).toBe(303);
      expect(second.status).toBe(303);
      expect(first.headers.location).toBe(`${base()}/announcements/${announcementId}`);
      expect(second.headers.location).toBe(first.headers.location);
      const rows: Array<{ id: string; n: number }> = await ds.query(
        `SELECT payload->>'announcementId' AS id, count(*)::int AS n FROM messages
          WHERE template = 'announcement' GROUP BY 1`,
      );
      expect(rows).toEqual([{ id: announcementId, n: 5 }]);
      const locales = await ds.query(
        `SELECT locale, count(*)::int AS n FROM messages WHERE template = 'announcement' GROUP BY 1 ORDER BY 1`,
      );
      expect(locales).toEqual([
        { locale: 'en', n: 2 },
        { locale: 'fr', n: 3 },
      ]);

      const progress = await client.get(first.headers.location);
      expect(progress.status).toBe(200);
      expect(progress.text).toContain('The announcement is on its way.');
      expect(progress.text).toContain('0 of 5 emails sent.');
      expect(progress.text).toMatch(/Waiting to be sent<\/th><td class="num">5<\/td>/);
      // Nothing sends in this test app: without script the page keeps reloading itself,
      // with script it polls (the live region carries data-poll).
      expect(progress.text).toContain(
        '<noscript><meta http-equiv="refresh" content="3"/></noscript>',
      );
      expect(progress.text).toContain('data-poll="3"');
      const list = await client.get(`${base()}/announcements`);
      expect(list.text).toContain('Room change');
      expect(list.text).toContain('0 of 5 sent');

      // Back to the form and other words: that is a new announcement, checked again first.
      const reopened = await client.post(`${base()}/announcements`, {
        ...form,
        'subject.en': 'Room change (corrected)',
      });
      expect(reopened.status).toBe(200);
      expect(reopened.text).toContain('This form had already been sent with other words.');
      expect(reopened.text).not.toContain(`value="${announcementId}"`);
      const [{ corrected }] = await ds.query(
        `SELECT count(*)::int AS corrected FROM messages WHERE payload->>'subject' = 'Room change (corrected)'`,
      );
      expect(corrected).toBe(0);
    });

    it('sends nothing again when the text changed after the preview, and shows it again', async () => {
      const client = await web(organiser);
      await client.get(`${base()}/announcements`);
      const preview = await client.post(`${base()}/announcements`, {
        'subject.en': 'Bus times',
        'body.en': 'The bus leaves at 8.',
        audience: 'confirmed',
        action: 'preview',
      });
      const checked = /name="checked" value="([^"]+)"/.exec(preview.text)![1];
      const res = await client.post(`${base()}/announcements`, {
        'subject.en': 'Bus times',
        'body.en': 'The bus leaves at 8.',
        'subject.es': 'Horario del autobús',
        'body.es': 'El autobús sale a las 8.',
        audience: 'confirmed',
        action: 'send',
        checked,
      });
      expect(res.status).toBe(200);
      expect(res.text).toContain('The text or the audience changed since the preview');
      const [{ n }] = await ds.query(
        `SELECT count(*)::int AS n FROM messages WHERE payload->>'subject' = 'Bus times'`,
      );
      expect(n).toBe(0);
    });

    it('retries every failed email of an announcement, and one from the message log', async () => {
      const [{ id }] = await ds.query(
        `SELECT DISTINCT payload->>'announcementId' AS id FROM messages WHERE template = 'announcement'`,
      );
      await ds.query(
        `UPDATE messages SET status = 'failed', attempts = 4,
                last_error = '550 5.1.1 <x@example.org>: Recipient address rejected: mailbox unavailable'
          WHERE template = 'announcement' AND locale = 'en'`,
      );
      const client = await web(organiser);
      const progress = await client.get(`${base()}/announcements/${id}`);
      expect(progress.text).toMatch(/Failed<\/th><td class="num">2<\/td>/);
      expect(progress.text).toContain('Retry all failed emails');

      const log = await client.get(`${base()}/messages?status=failed`);
      expect(log.text).toContain('2 emails');
      expect(log.text).toContain('The recipient’s mail server refused this address.');
      const one = /action="([^"]+\/retry)"/.exec(log.text)![1];
      const retried = await client.post(one, { back: `${base()}/messages?status=failed` });
      expect(retried.status).toBe(303);
      expect(retried.headers.location).toBe(`${base()}/messages?status=failed`);
      expect((await client.get(retried.headers.location)).text).toContain('1 email');

      await client.get(`${base()}/announcements/${id}`);
      const all = await client.post(`${base()}/announcements/${id}/retry-failed`);
      expect(all.status).toBe(303);
      const statuses = await ds.query(
        `SELECT status, count(*)::int AS n FROM messages WHERE template = 'announcement' GROUP BY 1`,
      );
      expect(statuses).toEqual([{ status: 'queued', n: 5 }]);
      expect((await client.get(all.headers.location)).text).toContain(
        'The failed emails are queued again.',
      );
    });

    it('filters the message log by status, kind and recipient', async () => {
      const client = await web(organiser);
      // Carmen's confirmation and the announcement.
      const byName = await client.get(`${base()}/messages?q=person%20carmen`);
      expect(byName.text).toContain('2 emails');
      expect(byName.text).not.toContain('Person emma');
      const kinds = await client.get(`${base()}/messages?template=registration_waitlisted`);
      expect(kinds.text).toContain('1 email');
      expect(kinds.text).toContain('Placed on the waitlist');
      const junk = await client.get(`${base()}/messages?status=nope&page=-3&template[]=x`);
      expect(junk.status).toBe(200);
    });
  });

  describe('bad input', () => {
    it('never answers a 500, whatever is posted', async () => {
      const client = await web(organiser);
      await client.get(`${base()}/announcements`);
      const forms: Array<Record<string, string | string[]>> = [
        { audience: 'everyone', 'subject.en': 'x', 'body.en': 'y' },
        {
          audience: 'organisation',
          organisationId: 'not-a-uuid',
          'subject.en': 'x',
          'body.en': 'y',
        },
        { audience: 'country', country: 'ZZZ', 'subject.en': 'x', 'body.en': 'y' },
        { audience: 'confirmed', 'subject.en': 'x'.repeat(201), 'body.en': 'y' },
        { audience: 'confirmed', 'subject.en': 'nul \u0000', 'body.en': 'y' },
        {
          audience: ['confirmed', 'all'],
          'subject.en': ['a', 'b'],
          'body.en': 'y',
          action: 'send',
        },
        { audience: 'confirmed', announcementId: '../../etc', action: 'send', checked: 'x' },
        {},
      ];
      for (const form of forms) {
        const res = await client.post(`${base()}/announcements`, form);
        expect([JSON.stringify(form).slice(0, 60), res.status < 500]).toEqual([
          JSON.stringify(form).slice(0, 60),
          true,
        ]);
      }
      // A subject too long is shown next to its field, typed text kept.
      const long = await client.post(`${base()}/announcements`, forms[3]);
      expect(long.status).toBe(400);
      expect(long.text).toContain(
        '<span class="error" id="f-subject-en-error">This text is too short or too long.</span>',
      );
      expect(long.text).toContain(`value="${'x'.repeat(201)}"`);
      for (const path of [
        `${base()}/announcements/not-an-id`,
        `${base()}/announcements/not-an-id/retry-failed`,
        `${base()}/messages/not-an-id/retry`,
        `${base()}/messages/00000000-0000-4000-8000-000000000000/retry`,
      ]) {
        const res =
          path.endsWith('retry') || path.endsWith('failed')
            ? await client.post(path)
            : await client.get(path);
        expect([path, res.status < 500]).toEqual([path, true]);
      }
    });
  });

  describe('who may see these pages', () => {
    const pages = () => [
      base(),
      `${base()}/announcements`,
      `${base()}/messages`,
      `${base()}/announcements/00000000-0000-4000-8000-000000000000`,
    ];

    it('is 404 for a participant, a host and the organiser of another event', async () => {
      for (const who of [people.awa, people.host, people.otherOrganiser]) {
        const client = await web(who);
        for (const path of pages()) {
          const res = await client.get(path);
          expect([path, res.status]).toEqual([path, 404]);
        }
        const post = await client.post(`${base()}/announcements`, {
          'subject.en': 'Hijacked',
          'body.en': 'Not yours',
          audience: 'confirmed',
          action: 'send',
        });
        expect(post.status).toBe(404);
      }
      // The other organiser has their own dashboard, though.
      const other = await web(people.otherOrganiser);
      expect((await other.get(`/console/events/${otherEvent.id}`)).status).toBe(200);
      const [{ n }] = await ds.query(
        `SELECT count(*)::int AS n FROM messages WHERE payload->>'subject' = 'Hijacked'`,
      );
      expect(n).toBe(0);
    });

    it('sends people who are not signed in to sign in', async () => {
      const res = await new WebClient(t).get(`${base()}/announcements`);
      expect(res.status).toBe(303);
      expect(res.headers.location).toMatch(/^\/signin\?next=/);
    });

    it('refuses a form posted without its CSRF token', async () => {
      const client = await web(organiser);
      await client.get(`${base()}/announcements`);
      const res = await client.post(`${base()}/announcements`, {
        _csrf: '',
        'subject.en': 'Forged',
        'body.en': 'Forged',
        audience: 'confirmed',
        action: 'send',
      });
      expect(res.status).toBe(403);
      const [{ n }] = await ds.query(
        `SELECT count(*)::int AS n FROM messages WHERE payload->>'subject' = 'Forged'`,
      );
      expect(n).toBe(0);
      const [{ id }] = await ds.query(
        `SELECT DISTINCT payload->>'announcementId' AS id FROM messages WHERE template = 'announcement'`,
      );
      const retry = await client.post(`${base()}/announcements/${id}/retry-failed`, { _csrf: 'x' });
      expect(retry.status).toBe(403);
    });
  });
});
