import { gzipSync } from 'node:zlib';
import { DataSource } from 'typeorm';
import {
  createEvent,
  createOrganisation,
  loginAdmin,
  type Session,
  signup,
} from './support/factories.js';
import { recordStatements } from './support/plan-reads.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { WebClient } from './support/web-client.js';

/** Page text with the entities Preact writes turned back into characters. */
const text = (html: string) =>
  html
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** The field's own error message, as rendered next to it. */
const fieldError = (html: string, id: string) =>
  text(new RegExp(`id="${id}-error"[^>]*>([^<]*)<`).exec(html)?.[1] ?? '');

describe('participant access pages', () => {
  let t: TestApp;
  let ds: DataSource;
  let admin: Session;
  let org: { id: string; name: string };
  let event: { id: string; slug: string };

  beforeAll(async () => {
    t = await startTestApp('participant_access', { LOGIN_MAX_PER_IP: '1000' });
    ds = t.app.get(DataSource);
    admin = await loginAdmin(t);
    org = await createOrganisation(t, admin, { name: 'Association Kasbah', country: 'MA' });
    event = await createEvent(t, admin, { name: 'Rencontre de Tanger', capacity: 1 });
  });
  afterAll(() => t.close());

  /** The newest link of this kind emailed to this address, read from the outbox. */
  async function emailedLink(template: string, email: string): Promise<string> {
    const [row] = (await ds.query(
      `SELECT payload->>'link' AS link FROM messages
        WHERE template = $1 AND recipient_email = $2 ORDER BY created_at DESC LIMIT 1`,
      [template, email],
    )) as Array<{ link: string }>;
    if (!row) throw new Error(`no ${template} email to ${email}`);
    const url = new URL(row.link);
    return `${url.pathname}${url.search}`;
  }

  function registerForm(overrides: Record<string, string | string[]> = {}) {
    return {
      organisationId: org.id,
      profession: 'social_worker',
      languages: ['fr', 'wo'],
      'consent.dataProcessing': 'on',
      consentVersion: '2026-12-01',
      ...overrides,
    };
  }

  /** A session the admin adds to the event already published (the API takes the status). */
  async function publishedSession(eventId: string, body: Record<string, unknown>) {
    await t
      .http()
      .post(`/api/events/${eventId}/sessions`)
      .set(admin.auth)
      .send({ ...body, status: 'published' })
      .expect(201);
  }

  async function signedIn(person: Session, password = 'a-long-password'): Promise<WebClient> {
    const web = new WebClient(t);
    await web.signIn(person.email, password);
    return web;
  }

  it('makes a new account confirm its address before registering, on the pages and the API', async () => {
    const web = new WebClient(t);
    const form = await web.get(`/signup?lang=fr&next=/e/${event.slug}/register`);
    expect(form.status).toBe(200);
    expect(form.text).toContain(org.name);
    const email = `awa-${Date.now()}@example.org`;
    const sent = await web.post(`/signup?next=/e/${event.slug}/register`, {
      name: 'Awa Traoré',
      email,
      locale: 'fr',
      organisationId: org.id,
      password: 'a-long-password',
    });
    expect(sent.status).toBe(200);
    expect(text(sent.text)).toContain(`Nous avons envoyé un lien à ${email}`);
    expect(web.cookie('cv_session')).toBeUndefined();

    // Signed in with the password, the form is replaced by "confirm first", and a forged
    // post is refused by the service: nothing is created.
    await web.signIn(email, 'a-long-password');
    const page = await web.get(`/e/${event.slug}/register`);
    expect(text(page.text)).toContain('Confirmez d’abord votre adresse e-mail');
    expect(page.text).not.toContain('id="pa-register"');
    await web.post(`/e/${event.slug}/register`, registerForm());
    const [{ n }] = await ds.query(
      `SELECT count(*)::int AS n FROM registrations r JOIN accounts a ON a.id = r.account_id WHERE a.email = $1`,
      [email],
    );
    expect(n).toBe(0);

    const login = await t
      .http()
      .post('/api/auth/login')
      .send({ email, password: 'a-long-password' })
      .expect(200);
    const api = await t
      .http()
      .post(`/api/events/${event.id}/registrations`)
      .set('Authorization', `Bearer ${login.body.accessToken}`)
      .send({
        organisationId: org.id,
        profession: 'social_worker',
        consent: { dataProcessing: true },
      })
      .expect(403);
    expect(api.body.details).toEqual({ reason: 'email_not_verified' });

    // The emailed link: opening it spends nothing, its button confirms and signs in.
    const link = await emailedLink('email_verification', email);
    expect(link).toMatch(/^\/verify-email\?token=/);
    const fresh = new WebClient(t);
    const landing = await fresh.get(link);
    expect(landing.headers['cache-control']).toBe('no-store');
    const token = new URLSearchParams(link.split('?')[1]).get('token')!;
    const next = new URLSearchParams(link.split('?')[1]).get('next')!;
    const confirmed = await fresh.post(`/verify-email?next=${encodeURIComponent(next)}`, { token });
    expect(confirmed.status).toBe(303);
    expect(confirmed.headers.location).toBe(`/e/${event.slug}/register`);
    expect(fresh.cookie('cv_session')).toBeDefined();
    const reused = await new WebClient(t).post('/verify-email', { token });
    expect(reused.status).toBe(403); // no CSRF token: this browser never loaded the page
    const again = new WebClient(t);
    await again.get(link);
    expect((await again.post('/verify-email', { token })).status).toBe(400);

    const form2 = await fresh.get(`/e/${event.slug}/register`);
    expect(form2.text).toContain('id="pa-register"');
    await t
      .http()
      .post(`/api/events/${event.id}/registrations`)
      .set('Authorization', `Bearer ${login.body.accessToken}`)
      .send({
        organisationId: org.id,
        profession: 'social_worker',
        consent: { dataProcessing: true },
      })
      .expect(201);
  });

  it('resets a forgotten password by an emailed link, ending every other session', async () => {
    const person = await signup(t, { locale: 'en' });
    const phone = await signedIn(person);
    const laptop = await signedIn(person);
    expect((await phone.get('/my/registrations')).status).toBe(200);

    const visitor = new WebClient(t);
    await visitor.get('/password/forgot');
    const known = await visitor.post('/password/forgot', { email: person.email });
    const unknown = await visitor.post('/password/forgot', { email: 'nobody-here@example.org' });
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    expect(text(known.text).replace(person.email, 'X')).toBe(
      text(unknown.text).replace('nobody-here@example.org', 'X'),
    );

    const link = await emailedLink('password_reset', person.email);
    const token = new URLSearchParams(link.split('?')[1]).get('token')!;
    const [stored] = await ds.query(
      `SELECT token_hash, extract(epoch FROM expires_at - created_at)::float AS ttl FROM account_tokens WHERE purpose = 'password_reset' AND account_id = $1`,
      [person.id],
    );
    expect(stored.token_hash).not.toContain(token);
    // One hour (the app's clock sets the end, the database's the start).
    expect(Math.abs(stored.ttl - 3600)).toBeLessThan(60);

    const page = await visitor.get(link);
    expect(page.text).toContain('name="token"');
    const differ = await visitor.post('/password/reset', {
      token,
      password: 'brand-new-password',
      passwordAgain: 'brand-new-passw0rd',
    });
    expect(differ.status).toBe(400);
    expect(fieldError(differ.text, 'f-passwordAgain')).toBe('The two passwords differ.');
    const done = await visitor.post('/password/reset', {
      token,
      password: 'brand-new-password',
      passwordAgain: 'brand-new-password',
    });
    expect(done.status).toBe(303);
    expect((await visitor.get('/my/registrations')).status).toBe(200);

    // The phone and the laptop were signed in before: both are out now.
    for (const old of [phone, laptop]) {
      const res = await old.get('/my/registrations');
      expect(res.status).toBe(303);
      expect(res.headers.location).toMatch(/^\/signin\?next=/);
    }
    await t
      .http()
      .post('/api/auth/login')
      .send({ email: person.email, password: 'a-long-password' })
      .expect(401);
    await t
      .http()
      .post('/api/auth/login')
      .send({ email: person.email, password: 'brand-new-password' })
      .expect(200);
    // The link was single use.
    await visitor.get('/password/forgot');
    const reused = await visitor.post('/password/reset', {
      token,
      password: 'another-password-1',
      passwordAgain: 'another-password-1',
    });
    expect(reused.status).toBe(400);
  });

  it("gives 404 for another participant's registration, and leaves it alone", async () => {
    const owner = await signup(t);
    const other = await signup(t);
    const ownerWeb = await signedIn(owner);
    await ownerWeb.get(`/e/${event.slug}/register`);
    const created = await ownerWeb.post(`/e/${event.slug}/register`, registerForm());
    expect(created.status).toBe(303);
    const id = created.headers.location.split('/').pop()!;

    const stranger = await signedIn(other);
    expect((await stranger.get(`/my/registrations/${id}`)).status).toBe(404);
    expect((await stranger.get(`/my/registrations/${id}/cancel`)).status).toBe(404);
    await stranger.get('/my/registrations');
    expect((await stranger.post(`/my/registrations/${id}/cancel`)).status).toBe(404);
    expect((await stranger.get('/my/registrations/not-a-uuid')).status).toBe(404);
    const [row] = await ds.query(`SELECT status FROM registrations WHERE id = $1`, [id]);
    expect(row.status).not.toBe('cancelled');
    expect((await ownerWeb.get(`/my/registrations/${id}`)).status).toBe(200);
  });

  it('refuses a registration form posted without its CSRF token', async () => {
    const person = await signup(t);
    const web = await signedIn(person);
    await web.get(`/e/${event.slug}/register`);
    const res = await web.post(`/e/${event.slug}/register`, { ...registerForm(), _csrf: '' });
    expect(res.status).toBe(403);
    const forged = await web.post(`/e/${event.slug}/register`, {
      ...registerForm(),
      _csrf: 'made-up-by-another-site',
    });
    expect(forged.status).toBe(403);
    const [{ n }] = await ds.query(
      `SELECT count(*)::int AS n FROM registrations WHERE account_id = $1`,
      [person.id],
    );
    expect(n).toBe(0);
  });

  it('creates one registration from a double submit, and shows the waitlist place in words', async () => {
    const small = await createEvent(t, admin, { name: 'Atelier de Lima', capacity: 1 });
    for (let i = 0; i < 2; i++) {
      const ahead = await signup(t);
      await t
        .http()
        .post(`/api/events/${small.id}/registrations`)
        .set(ahead.auth)
        .send({
          organisationId: org.id,
          profession: 'psychologist',
          consent: { dataProcessing: true },
        })
        .expect(201);
    }
    const person = await signup(t, { locale: 'fr' });
    const web = await signedIn(person);
    const formPage = await web.get(`/e/${small.slug}/register`);
    // Weak phones on slow links: the longest participant page stays within 14 KB of HTML.
    expect(formPage.text.length).toBeLessThan(14 * 1024);
    expect(gzipSync(formPage.text).length).toBeLessThan(5 * 1024);
    const [a, b] = await Promise.all([
      web.post(`/e/${small.slug}/register`, registerForm()),
      web.post(`/e/${small.slug}/register`, registerForm()),
    ]);
    const third = await web.post(`/e/${small.slug}/register`, registerForm());
    expect([a.status, b.status, third.status]).toEqual([303, 303, 303]);
    const rows = await ds.query(`SELECT id, status FROM registrations WHERE account_id = $1`, [
      person.id,
    ]);
    expect(rows).toHaveLength(1);
    for (const res of [a, b, third]) {
      expect(res.headers.location).toBe(`/my/registrations/${rows[0].id}`);
    }
    // One seat, taken; one person already waiting: this one is second on the list.
    expect(rows[0].status).toBe('waitlisted');
    const mine = text((await web.get('/my/registrations')).text);
    expect(mine).toContain('Vous êtes 2e sur la liste d’attente.');
    const detail = text((await web.get(`/my/registrations/${rows[0].id}`)).text);
    expect(detail).toContain('Et maintenant ?');
    expect(detail).toContain('Version du texte : 2026-12-01');
    const [consent] = await ds.query(
      `SELECT consent_version, consent_locale, consent_data_processing_at FROM registrations WHERE id = $1`,
      [rows[0].id],
    );
    expect(consent).toMatchObject({ consent_version: '2026-12-01', consent_locale: 'fr' });
    expect(consent.consent_data_processing_at).toBeInstanceOf(Date);
  });

  it('says what is wrong next to each field in French and Spanish, keeping what was typed', async () => {
    const awa = await signup(t, { locale: 'fr' });
    const web = await signedIn(awa);
    await web.get(`/e/${event.slug}/register`);
    const res = await web.post(`/e/${event.slug}/register`, {
      organisationId: org.id,
      profession: 'other',
      phone: '70 12 34',
      dietary: 'Sans gluten, merci',
      'emergencyContact.name': 'Moussa Traoré',
    });
    expect(res.status).toBe(400);
    expect(text(res.text)).toContain('Il y a un problème');
    expect(fieldError(res.text, 'f-phone')).toBe(
      'Cette valeur n’a pas le format attendu.'.replace('’', "'"),
    );
    expect(fieldError(res.text, 'f-consent-dataProcessing')).toBe(
      'Cochez cette case pour continuer.',
    );
    expect(fieldError(res.text, 'f-emergencyContact-phone')).not.toBe('');
    expect(res.text).toMatch(/id="f-phone"[^>]*value="70 12 34"|value="70 12 34"[^>]*id="f-phone"/);
    expect(text(res.text)).toContain('Sans gluten, merci');
    expect(text(res.text)).toContain('value="Moussa Traoré"');

    const web2 = new WebClient(t);
    await web2.get('/signup?lang=es');
    const es = await web2.post('/signup', {
      name: 'Lucía Quispe',
      email: 'no es un correo',
      locale: 'es',
    });
    expect(es.status).toBe(400);
    expect(text(es.text)).toContain('Hay un problema');
    expect(fieldError(es.text, 'f-email')).toBe(
      'Escriba una dirección de correo, como nombre@ejemplo.org.',
    );
    expect(text(es.text)).toContain('value="Lucía Quispe"');
    expect(text(es.text)).toContain('value="no es un correo"');
  });

  it('summarises the programme by day in the event zone, and explains a closed registration', async () => {
    const meeting = await createEvent(t, admin, { name: 'Semaine de Tanger', capacity: 5 });
    const sessions = [
      {
        kind: 'plenary',
        title: 'Ouverture et accueil',
        startsAt: '2027-10-26T09:00',
        endsAt: '2027-10-26T10:00',
      },
      { kind: 'meal', title: 'Déjeuner', startsAt: '2027-10-26T12:30', endsAt: '2027-10-26T13:30' },
      {
        kind: 'workshop',
        title: 'Soutenir les familles',
        startsAt: '2027-10-26T14:00',
        endsAt: '2027-10-26T15:30',
      },
      // A day of breaks and meals only still says what it holds.
      {
        kind: 'break',
        title: 'Pause café',
        startsAt: '2027-10-27T10:30',
        endsAt: '2027-10-27T11:00',
      },
      {
        kind: 'meal',
        title: 'Repas libre',
        startsAt: '2027-10-27T12:30',
        endsAt: '2027-10-27T13:30',
      },
    ];
    for (const body of sessions) await publishedSession(meeting.id, body);
    const page = text((await new WebClient(t).get(`/e/${meeting.slug}?lang=fr`)).text);
    expect(page).toContain('mardi 26 octobre 2027');
    expect(page).toMatch(
      /09:00<\/span> <span dir="auto">Ouverture et accueil<\/span> <span class="muted">\(Plénière\)/,
    );
    expect(page).toContain('Soutenir les familles');
    expect(page).not.toContain('Déjeuner');
    expect(page).toContain('et 1 autre session');
    expect(page).toContain('mercredi 27 octobre 2027');
    expect(page).toMatch(/10:30<\/span> <span dir="auto">Pause café<\/span>/);
    expect(page).toContain('Repas libre');
    expect(page.match(/autres? sessions?/g)).toHaveLength(1);
    expect(page).toContain('Il reste 5 places');
    expect(page).toContain(`href="/e/${meeting.slug}/register"`);

    await t.http().post(`/api/events/${meeting.id}/close`).set(admin.auth).expect(200);
    const closed = text((await new WebClient(t).get(`/e/${meeting.slug}?lang=en`)).text);
    expect(closed).toContain('Registration is closed for this event.');
    expect(closed).not.toContain(`href="/e/${meeting.slug}/register"`);
  });

  it("gives the programme in the reader's language, reading the event once a page", async () => {
    const meeting = await createEvent(t, admin, { name: 'Semaine trilingue', capacity: 5 });
    await publishedSession(meeting.id, {
      kind: 'workshop',
      titles: {
        fr: 'Soutenir les familles',
        en: 'Supporting families',
        es: 'Apoyar a las familias',
      },
      startsAt: '2027-10-26T14:00',
      endsAt: '2027-10-26T15:30',
    });
    await publishedSession(meeting.id, {
      kind: 'plenary',
      title: 'Clôture',
      startsAt: '2027-10-26T17:00',
      endsAt: '2027-10-26T18:00',
    });

    const recording = recordStatements(ds);
    const eventReads = () =>
      recording.statements.filter((s) => /FROM events e WHERE e\.(id|slug) = \$1/.test(s.sql))
        .length;
    try {
      const es = text((await new WebClient(t).get(`/e/${meeting.slug}?lang=es`)).text);
      expect(es).toContain('<span dir="auto">Apoyar a las familias</span>');
      expect(es).not.toContain('Soutenir les familles');
      // Written only in French: said so, and marked for screen readers.
      expect(es).toContain('<span lang="fr">Clôture</span>');
      expect(eventReads()).toBe(1);

      recording.statements.length = 0;
      const en = text((await new WebClient(t).get(`/e/${meeting.slug}/agenda?lang=en`)).text);
      expect(en).toContain('Supporting families');
      expect(eventReads()).toBe(1);

      recording.statements.length = 0;
      const fr = text(
        (await new WebClient(t).get(`/e/${meeting.slug}/agenda?lang=fr&kind=workshop`)).text,
      );
      expect(fr).toContain('Soutenir les familles');
      expect(eventReads()).toBe(1);
    } finally {
      recording.stop();
    }
  });

  it('shows a declined registration on the event page instead of a register button', async () => {
    const vetted = await createEvent(t, admin, {
      name: 'Immersion sur dossier',
      requiresApproval: true,
    });
    const person = await signup(t, { locale: 'en' });
    const web = await signedIn(person);
    await web.get(`/e/${vetted.slug}/register`);
    const sent = await web.post(`/e/${vetted.slug}/register`, registerForm());
    const id = sent.headers.location.split('/').pop()!;
    expect(text((await web.get(`/my/registrations/${id}`)).text)).toContain('Waiting for approval');
    await t
      .http()
      .post(`/api/registrations/${id}/reject`)
      .set(admin.auth)
      .send({ reason: 'Places kept for host organisations' })
      .expect(200);
    const page = text((await web.get(`/e/${vetted.slug}`)).text);
    expect(page).toContain('Not accepted');
    expect(page).not.toContain(`href="/e/${vetted.slug}/register"`);
    const again = await web.get(`/e/${vetted.slug}/register`);
    expect(again.status).toBe(303);
    expect(again.headers.location).toBe(`/my/registrations/${id}`);
  });

  it('answers odd input with a page, never a 500', async () => {
    const web = new WebClient(t);
    for (const path of [
      '/verify-email?token[a]=b',
      '/verify-email?token=a&token=b&next=//evil.example',
      '/password/reset?token[]=x',
      '/e/NOT a slug',
      `/e/${'x'.repeat(300)}`,
    ]) {
      const res = await web.get(path);
      expect([200, 404]).toContain(res.status);
    }
    const person = await signup(t);
    const signed = await signedIn(person);
    await signed.get(`/e/${event.slug}/register`);
    const odd = await signed.post(`/e/${event.slug}/register`, {
      organisationId: '00000000-0000-4000-8000-000000000000',
      profession: ['social_worker', 'other'],
      languages: ['fr', 'not a language', 'fr'],
      'consent.dataProcessing': 'on',
      consentVersion: '1999-01-01',
      'emergencyContact.phone': '+226 70 00 00 00',
    });
    expect(odd.status).toBe(400);
    expect(text(odd.text)).toContain('There is a problem');
    await signed.get('/signup');
    expect(
      (
        await signed.post('/password/reset', {
          token: 'x'.repeat(5000),
          password: 'a',
          passwordAgain: 'a',
        })
      ).status,
    ).toBe(400);
    expect((await signed.post('/verify-email', { token: ['a', 'b'] })).status).toBe(400);
  });

  it('shows a draft event to nobody but its staff', async () => {
    const draft = await createEvent(t, admin, { name: 'Brouillon secret' }, { publish: false });
    const person = await signup(t);
    const web = await signedIn(person);
    expect((await web.get(`/e/${draft.slug}`)).status).toBe(404);
    expect((await new WebClient(t).get(`/e/${draft.slug}`)).status).toBe(404);
    expect((await web.get(`/e/${draft.slug}/register`)).status).toBe(404);
    const staff = new WebClient(t);
    await staff.signIn('admin@convene.test', 'admin-password-123');
    expect((await staff.get(`/e/${draft.slug}`)).status).toBe(200);
    const published = await new WebClient(t).get(`/e/${event.slug}?lang=es`);
    expect(published.status).toBe(200);
    expect(text(published.text)).toContain('Rencontre de Tanger');
    expect(text(published.text)).toContain('Tánger');
  });
});
