import { DataSource } from 'typeorm';
import { renderMessage } from '#messaging';
import { parseCsv } from './support/csv.js';
import {
  createEvent,
  createOrganisation,
  loginAdmin,
  type Session,
  signup,
} from './support/factories.js';
import { fastAccounts, registrationBody } from './support/registration-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { WebClient } from './support/web-client.js';

/** The rows' names in the table, in order (the links to each registration). */
function namesIn(html: string): string[] {
  return [...html.matchAll(/<td class="cr-name"><a href="[^"]+" dir="auto">([^<]+)<\/a>/g)].map(
    (m) => m[1].replace(/&#x27;/g, "'").replace(/&amp;/g, '&'),
  );
}

describe('console: registrations pages', () => {
  let t: TestApp;
  let db: DataSource;
  let admin: Session;
  let organiser: Session;
  let orgBF: { id: string; name: string };
  let orgPE: { id: string; name: string };
  let event: { id: string; slug: string };
  const people: Record<string, Session> = {};
  const regs: Record<string, string> = {};
  let web: WebClient;
  const base = () => `/console/events/${event.id}/registrations`;

  const register = async (key: string, name: string, orgId: string, profession: string) => {
    people[key] = await signup(t, { name, locale: key === 'emilie' ? 'fr' : 'en' });
    const res = await t
      .http()
      .post(`/api/events/${event.id}/registrations`)
      .set(people[key].auth)
      .send(registrationBody(orgId, { profession }))
      .expect(201);
    regs[key] = res.body.id;
  };

  /** Only admins and existing organisers may create events: hand the person one first. */
  const makeOrganiser = async (who: Session) => {
    const e = await createEvent(t, admin, {}, { publish: false });
    await t
      .http()
      .post(`/api/events/${e.id}/staff`)
      .set(admin.auth)
      .send({ accountId: who.id, role: 'organiser' })
      .expect(201);
  };

  const statusOf = async (id: string) =>
    (
      (await db.query('SELECT status FROM registrations WHERE id = $1', [id])) as Array<{
        status: string;
      }>
    )[0].status;

  beforeAll(async () => {
    t = await startTestApp('console_registrations');
    db = t.app.get(DataSource);
    admin = await loginAdmin(t);
    orgBF = await createOrganisation(t, admin, {
      name: 'Association Sœurs Unies',
      country: 'BF',
      city: 'Ouagadougou',
    });
    orgPE = await createOrganisation(t, admin, {
      name: 'Cáritas Lima',
      country: 'PE',
      city: 'Lima',
    });
    organiser = await signup(t, { name: 'Claire Organiser' });
    await makeOrganiser(organiser);
    event = await createEvent(t, organiser, { requiresApproval: true, capacity: 10 });
    await register('emilie', 'Émilie Durand', orgBF.id, 'social_worker');
    await register('minh', 'Nguyễn Thị Minh Khai-Hằng', orgPE.id, 'psychologist');
    await register('juan', 'Juan Pérez', orgPE.id, 'manager');
    await register('awa', 'Awa Traoré', orgBF.id, 'social_worker');
    await register('zoe', 'Zoé Bernard', orgBF.id, 'legal_expert');
    web = new WebClient(t);
    await web.signIn(organiser.email, 'a-long-password');
  });
  afterAll(() => t.close());

  it('lists every registration with counts per status, in the event zone and the reader’s words', async () => {
    const french = new WebClient(t);
    await french.signIn(organiser.email, 'a-long-password');
    const res = await french.get(`${base()}?lang=fr`);
    expect(res.status).toBe(200);
    expect(namesIn(res.text)).toHaveLength(5);
    expect(res.text).toContain('À valider : 5');
    expect(res.text).toContain('Burkina Faso');
    expect(res.text).toContain('Pérou');
    expect(res.text).toContain('Psychologue');
    expect(res.text).toContain('Pas encore connu');
  });

  it('searches without accents or capitals, filters and sorts', async () => {
    expect(namesIn((await web.get(`${base()}?q=EMILIE`)).text)).toEqual(['Émilie Durand']);
    expect(namesIn((await web.get(`${base()}?q=nguyen`)).text)).toEqual([
      'Nguyễn Thị Minh Khai-Hằng',
    ]);
    expect(namesIn((await web.get(`${base()}?q=soeurs&sort=name`)).text)).toEqual([
      'Awa Traoré',
      'Émilie Durand',
      'Zoé Bernard',
    ]);
    expect(namesIn((await web.get(`${base()}?organisationId=${orgPE.id}&sort=name`)).text)).toEqual(
      ['Juan Pérez', 'Nguyễn Thị Minh Khai-Hằng'],
    );
    expect(namesIn((await web.get(`${base()}?country=PE&sort=-name`)).text)).toEqual([
      'Nguyễn Thị Minh Khai-Hằng',
      'Juan Pérez',
    ]);
    expect(namesIn((await web.get(`${base()}?profession=psychologist`)).text)).toEqual([
      'Nguyễn Thị Minh Khai-Hằng',
    ]);
    expect(namesIn((await web.get(`${base()}?visaStatus=granted`)).text)).toEqual([]);
    expect(namesIn((await web.get(`${base()}?visaStatus=none`)).text)).toHaveLength(5);
    const sorted = namesIn((await web.get(`${base()}?sort=name`)).text);
    expect(sorted).toEqual([
      'Awa Traoré',
      'Émilie Durand',
      'Juan Pérez',
      'Nguyễn Thị Minh Khai-Hằng',
      'Zoé Bernard',
    ]);
    expect(namesIn((await web.get(`${base()}?sort=-name`)).text)).toEqual([...sorted].reverse());
    // The column header links to the other direction, keeping the filters.
    const page = await web.get(`${base()}?country=PE&sort=name`);
    expect(page.text).toContain(`href="${base()}?country=PE&amp;sort=-name"`);
    // An edited URL with nonsense is shown without it, never a 500.
    const odd = await web.get(`${base()}?status=nope&sort=drop%20table&page=-3&country=ZZZ`);
    expect(odd.status).toBe(200);
    expect(namesIn(odd.text)).toHaveLength(5);
  });

  it('pages 50 rows at a time with previous and next', async () => {
    const other = await createEvent(t, organiser, { capacity: 100 });
    const many = await fastAccounts(t, 55, { organisationId: orgBF.id, prefix: 'paging' });
    await db.query(
      `INSERT INTO registrations (event_id, account_id, organisation_id, status, profession,
         consent_data_processing_at, created_at)
       SELECT $1, a, $3, 'confirmed', 'social_worker', now(), now() - (i || ' minutes')::interval
         FROM unnest($2::uuid[]) WITH ORDINALITY AS x(a, i)`,
      [other.id, many.map((p) => p.id), orgBF.id],
    );
    const url = `/console/events/${other.id}/registrations`;
    const first = await web.get(`${url}?sort=name`);
    expect(namesIn(first.text)).toHaveLength(50);
    expect(first.text).toContain('Page 1 of 2');
    expect(first.text).toContain(`href="${url}?sort=name&amp;page=2"`);
    const second = await web.get(`${url}?sort=name&page=2`);
    expect(namesIn(second.text)).toHaveLength(5);
    expect(second.text).toContain('Page 2 of 2');
    expect(second.text).toContain(`href="${url}?sort=name&amp;page=1"`);
    expect(new Set([...namesIn(first.text), ...namesIn(second.text)]).size).toBe(55);
    const past = await web.get(`${url}?sort=name&page=9`);
    expect(past.status).toBe(303);
    expect(past.headers.location).toBe(`${url}?sort=name&page=2`);
  });

  it('approves one, and rejects one with a reason that reaches the history and the email', async () => {
    const detail = await web.get(`${base()}/${regs.emilie}`);
    expect(detail.status).toBe(200);
    expect(detail.text).toContain('Émilie Durand');
    expect(detail.text).toContain('Awaiting approval');
    const approved = await web.post(`${base()}/${regs.emilie}/approve`);
    expect(approved.status).toBe(303);
    expect(approved.headers.location).toBe(`${base()}/${regs.emilie}`);
    expect((await web.get(approved.headers.location)).text).toContain(
      'Approved: the person has a seat',
    );
    expect(await statusOf(regs.emilie)).toBe('confirmed');

    // The reason is required: the form comes back with the message, nothing changed.
    const empty = await web.post(`${base()}/${regs.juan}/reject`, { reason: '  ' });
    expect(empty.status).toBe(400);
    expect(empty.text).toContain('There is a problem');
    expect(await statusOf(regs.juan)).toBe('pending');

    const reason = 'The immersion is for social workers only';
    const rejected = await web.post(`${base()}/${regs.juan}/reject`, { reason });
    expect(rejected.status).toBe(303);
    expect(await statusOf(regs.juan)).toBe('rejected');
    const page = await web.get(`${base()}/${regs.juan}`);
    expect(page.text).toContain(reason);
    expect(page.text).toContain('Claire Organiser');
    const [mail] = (await db.query(
      `SELECT template, locale, payload FROM messages
        WHERE recipient_email = $1 AND template = 'registration_rejected'`,
      [people.juan.email],
    )) as Array<{ template: string; locale: string; payload: Record<string, unknown> }>;
    expect(mail).toBeDefined();
    expect(renderMessage(mail.template, mail.locale, mail.payload).text).toContain(reason);

    // A second approval of a rejected registration is refused in words.
    const again = await web.post(`${base()}/${regs.juan}/approve`);
    expect(again.status).toBe(409);
    expect(again.text).toContain('This registration cannot be approved: it is already rejected.');
  });

  it('approves three in bulk with one already cancelled, says what happened to each, and does nothing twice', async () => {
    await t
      .http()
      .post(`/api/registrations/${regs.zoe}/cancel`)
      .set(people.zoe.auth)
      .send({})
      .expect(200);
    await web.get(base());
    const ids = [regs.minh, regs.awa, regs.zoe];
    const res = await web.post(`${base()}/bulk`, { action: 'approve', ids, back: base() });
    expect(res.status).toBe(200);
    expect(res.text).toContain('2 approved, 1 not changed: already cancelled');
    expect(await statusOf(regs.minh)).toBe('confirmed');
    expect(await statusOf(regs.awa)).toBe('confirmed');
    expect(await statusOf(regs.zoe)).toBe('cancelled');

    const twice = await web.post(`${base()}/bulk`, { action: 'approve', ids, back: base() });
    expect(twice.text).toContain(
      '2 not changed: already confirmed, 1 not changed: already cancelled',
    );
    const [{ n }] = (await db.query(
      `SELECT count(*)::int AS n FROM registration_status_changes
        WHERE registration_id = ANY($1::uuid[]) AND to_status = 'confirmed'`,
      [ids],
    )) as Array<{ n: number }>;
    expect(n).toBe(2);

    // Reject or cancel in bulk needs the one reason; nothing ticked says so.
    const noReason = await web.post(`${base()}/bulk`, { action: 'cancel', ids: [regs.minh] });
    expect(noReason.status).toBe(400);
    expect(noReason.text).toContain('Give a reason to reject or cancel');
    const none = await web.post(`${base()}/bulk`, { action: 'approve' });
    expect(none.status).toBe(400);
    expect(none.text).toContain('Tick at least one person');
    expect(await statusOf(regs.minh)).toBe('confirmed');
  });

  it('two organisers approving overlapping batches at once fill only the seats left, each person once', async () => {
    // Proved it can fail: with the bulk transition reading the event without
    // ledger.lockEvent, both batches counted the same free seats (more confirmed than seats)
    // or took the same waiting-list numbers.
    const full = await createEvent(t, organiser, { requiresApproval: true, capacity: 5 });
    const pending = await fastAccounts(t, 12, { organisationId: orgBF.id, prefix: 'bulk-race' });
    const ids: string[] = [];
    for (const p of pending) {
      const res = await t
        .http()
        .post(`/api/events/${full.id}/registrations`)
        .set(p.auth)
        .send(registrationBody(orgBF.id))
        .expect(201);
      ids.push(res.body.id);
    }
    const path = `/console/events/${full.id}/registrations`;
    const tabs = [new WebClient(t), new WebClient(t)];
    for (const tab of tabs) {
      await tab.signIn(organiser.email, 'a-long-password');
      await tab.get(path);
    }
    // The first tab ticks people 1-9, the second 5-12: 5-9 are in both.
    const [first, second] = await Promise.all([
      tabs[0].post(`${path}/bulk`, { action: 'approve', ids: ids.slice(0, 9), back: path }),
      tabs[1].post(`${path}/bulk`, { action: 'approve', ids: ids.slice(4), back: path }),
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);

    const rows = (await db.query(
      `SELECT status, waitlist_seq FROM registrations WHERE id = ANY($1::uuid[])`,
      [ids],
    )) as Array<{ status: string; waitlist_seq: number | null }>;
    expect(rows.filter((r) => r.status === 'confirmed')).toHaveLength(5);
    const waiting = rows.filter((r) => r.status === 'waitlisted');
    expect(waiting).toHaveLength(7);
    expect(new Set(waiting.map((r) => r.waitlist_seq)).size).toBe(7);
    const [{ n }] = (await db.query(
      `SELECT count(*)::int AS n FROM registration_status_changes
        WHERE registration_id = ANY($1::uuid[]) AND from_status = 'pending'`,
      [ids],
    )) as Array<{ n: number }>;
    expect(n).toBe(12);
    // The five ticked twice were approved by one tab and reported unchanged by the other.
    expect(
      `${first.text}${second.text}`.match(/not changed: already/g)?.length ?? 0,
    ).toBeGreaterThan(0);
  });

  it('downloads the CSV of the current filter, with a BOM', async () => {
    const res = await web.get(`${base()}/export.csv?country=PE&sort=name`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="[^"]+\.csv"/);
    const text = res.text;
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const [header, ...rows] = parseCsv(text.slice(1));
    expect(header[0]).toBe('Name');
    expect(rows.map((r) => r[0])).toEqual(['Juan Pérez', 'Nguyễn Thị Minh Khai-Hằng']);
    expect(rows.every((r) => r[header.indexOf('Country')] === 'PE')).toBe(true);
  });

  it('is 404 for a participant, a host of the event and an organiser of another event', async () => {
    const host = await signup(t, { name: 'Host Person' });
    await t
      .http()
      .post(`/api/events/${event.id}/staff`)
      .set(organiser.auth)
      .send({ email: host.email, role: 'host' })
      .expect(201);
    const otherOrganiser = await signup(t, { name: 'Other Organiser' });
    await makeOrganiser(otherOrganiser);
    const theirs = await createEvent(t, otherOrganiser);
    const paths = [
      base(),
      `${base()}/${regs.emilie}`,
      `${base()}/export.csv`,
      `${base()}/new`,
      `/console/events/${event.id}/registrations/${regs.emilie}`,
    ];
    for (const person of [people.emilie, host, otherOrganiser]) {
      const client = new WebClient(t);
      await client.signIn(person.email, 'a-long-password');
      for (const path of paths) {
        const res = await client.get(path);
        expect([path, res.status]).toEqual([path, 404]);
        expect(res.text).not.toContain('Nguyễn');
      }
      await client.get('/');
      const post = await client.post(`${base()}/${regs.awa}/cancel`, { reason: 'x' });
      expect(post.status).toBe(404);
      const bulk = await client.post(`${base()}/bulk`, {
        action: 'cancel',
        ids: [regs.awa],
        reason: 'x',
      });
      expect(bulk.status).toBe(404);
    }
    expect(await statusOf(regs.awa)).toBe('confirmed');
    // This event's people ticked on the other organiser's own event: not theirs to change.
    const attacker = new WebClient(t);
    await attacker.signIn(otherOrganiser.email, 'a-long-password');
    const theirBase = `/console/events/${theirs.id}/registrations`;
    await attacker.get(theirBase);
    for (const action of ['approve', 'reject', 'cancel']) {
      const res = await attacker.post(`${theirBase}/bulk`, {
        action,
        ids: [regs.awa, regs.zoe],
        reason: 'x',
        back: theirBase,
      });
      expect(res.status).toBe(200);
      expect(res.text).toContain('not found in this event');
      expect(res.text).not.toContain('Awa');
    }
    expect(await statusOf(regs.awa)).toBe('confirmed');
    expect(await statusOf(regs.zoe)).toBe('cancelled');
    // Another event's registration through this event's URL: 404 too.
    expect((await web.get(`/console/events/${event.id}/registrations/${regs.zoe}x`)).status).toBe(
      404,
    );
  });

  it('refuses a form posted without its CSRF token', async () => {
    await web.get(`${base()}/${regs.awa}`);
    const res = await web.post(`${base()}/${regs.awa}/cancel`, { _csrf: '', reason: 'forged' });
    expect(res.status).toBe(403);
    const bulk = await web.post(`${base()}/bulk`, {
      _csrf: 'not-the-token',
      action: 'cancel',
      ids: [regs.awa],
      reason: 'forged',
    });
    expect(bulk.status).toBe(403);
    expect(await statusOf(regs.awa)).toBe('confirmed');
  });

  it('registers someone on their behalf: an email in their language, counted only once they consent', async () => {
    const form = await web.get(`${base()}/new`);
    expect(form.status).toBe(200);
    // Bad input: the form comes back with messages, keeping what was typed.
    const bad = await web.post(`${base()}/new`, {
      email: 'not-an-email',
      name: 'محمد بن عبد الرحمن الإدريسي',
      locale: 'es',
      organisationId: orgPE.id,
      profession: 'social_worker',
    });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('There is a problem');
    expect(bad.text).toContain('value="محمد بن عبد الرحمن الإدريسي"');

    const email = `mohamed-${Date.now()}@example.org`;
    const fields = {
      email,
      name: 'محمد بن عبد الرحمن الإدريسي',
      locale: 'es',
      organisationId: orgPE.id,
      profession: 'social_worker',
      languages: 'ar es',
      'emergencyContact.name': 'Fatima',
      'emergencyContact.phone': '+212 600 000 111',
    };
    const res = await web.post(`${base()}/new`, fields);
    expect(res.status).toBe(303);
    const regId = /registrations\/([0-9a-f-]{36})$/.exec(res.headers.location)![1];
    expect(await statusOf(regId)).toBe('awaiting_consent');
    const detail = await web.get(res.headers.location);
    expect(detail.text).toContain('Awaiting their consent');
    expect(detail.text).toContain('Not given yet');

    // Sending the same form twice creates nothing twice.
    const twice = await web.post(`${base()}/new`, fields);
    expect(twice.status).toBe(409);
    expect(twice.text).toContain('already has a registration');
    const [{ n }] = (await db.query(
      `SELECT count(*)::int AS n FROM registrations r JOIN accounts a ON a.id = r.account_id
        WHERE lower(a.email) = $1`,
      [email],
    )) as Array<{ n: number }>;
    expect(n).toBe(1);

    // Not counted: the event's numbers are as before.
    const stats = await t.http().get(`/api/events/${event.id}/stats`).set(organiser.auth);
    expect(stats.body.participants).toBe(3);

    const [mail] = (await db.query(
      `SELECT template, locale, payload FROM messages WHERE recipient_email = $1`,
      [email],
    )) as Array<{ template: string; locale: string; payload: Record<string, unknown> }>;
    expect(mail.template).toBe('registration_consent_requested');
    expect(mail.locale).toBe('es');
    const rendered = renderMessage(mail.template, mail.locale, mail.payload, {
      publicUrl: 'https://convene.test',
    });
    expect(rendered.subject).toContain('Le rogamos que confirme su inscripción');
    let link = /https:\/\/convene\.test(\/my\/registrations\/[^\s"<>]+)/.exec(rendered.text)![1];
    expect(link).toContain(`/my/registrations/${regId}/consent?token=`);

    // The organiser sends it again: a new link, and the old one stops working.
    await web.get(`${base()}/${regId}`);
    const resent = await web.post(`${base()}/${regId}/resend-consent`);
    expect(resent.status).toBe(303);
    expect((await web.get(resent.headers.location)).text).toContain(
      'The consent email has been sent again',
    );
    expect((await new WebClient(t).get(link)).status).toBe(404);
    const mails = (await db.query(
      `SELECT template, locale, payload FROM messages WHERE recipient_email = $1
        ORDER BY created_at`,
      [email],
    )) as Array<{ template: string; locale: string; payload: Record<string, unknown> }>;
    expect(mails.map((m) => m.template)).toEqual([
      'registration_consent_requested',
      'registration_consent_requested',
    ]);
    const again = renderMessage(mails[1].template, mails[1].locale, mails[1].payload, {
      publicUrl: 'https://convene.test',
    });
    link = /https:\/\/convene\.test(\/my\/registrations\/[^\s"<>]+)/.exec(again.text)![1];

    // Someone without the token (or with a wrong one) sees nothing.
    const stranger = new WebClient(t);
    expect((await stranger.get(`/my/registrations/${regId}/consent?token=wrong`)).status).toBe(404);

    // The person opens the link (not signed in) and agrees.
    const person = new WebClient(t);
    const page = await person.get(link);
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toContain('no-store');
    // A participant page: small enough for a weak phone connection.
    expect(Buffer.byteLength(page.text)).toBeLessThan(14 * 1024);
    expect(page.text).toContain('Cáritas Lima');
    const token = decodeURIComponent(/token=([^&]+)/.exec(link)![1]);
    const agreed = await person.post(`/my/registrations/${regId}/consent`, {
      token,
      answer: 'agree',
    });
    expect(agreed.status).toBe(200);
    expect(await statusOf(regId)).toBe('confirmed');
    const [row] = (await db.query(
      `SELECT consent_data_processing_at IS NOT NULL AS given, consent_version FROM registrations WHERE id = $1`,
      [regId],
    )) as Array<{ given: boolean; consent_version: string | null }>;
    expect(row.given).toBe(true);
    expect(row.consent_version).not.toBeNull();
    const after = await t.http().get(`/api/events/${event.id}/stats`).set(organiser.auth);
    expect(after.body.participants).toBe(4);

    // A second answer changes nothing.
    const secondAnswer = await person.post(`/my/registrations/${regId}/consent`, {
      token,
      answer: 'decline',
    });
    expect(secondAnswer.status).toBe(409);
    expect(await statusOf(regId)).toBe('confirmed');
    const history = await web.get(`${base()}/${regId}`);
    expect(history.text).toContain('The person gave consent');
    // The reasons Convene writes itself are shown in the reader's language.
    const french = await web.get(`${base()}/${regId}?lang=fr`);
    expect(french.text).toContain('La personne a donné son accord');
    expect(french.text).not.toContain('The person gave consent');
    await web.get(`${base()}?lang=en`);
  });

  it('lets the person decline, or consent signed in without the link; a full event puts them on the waiting list', async () => {
    const small = await createEvent(t, organiser, { capacity: 1 });
    const url = `/console/events/${small.id}/registrations`;
    await web.get(`${url}/new`);
    const onBehalf = async (email: string, name: string) => {
      const res = await web.post(`${url}/new`, {
        email,
        name,
        locale: 'fr',
        organisationId: orgBF.id,
        profession: 'manager',
      });
      expect(res.status).toBe(303);
      return /registrations\/([0-9a-f-]{36})$/.exec(res.headers.location)![1];
    };
    const tokenFor = async (email: string) => {
      const [mail] = (await db.query(
        `SELECT payload FROM messages WHERE recipient_email = $1
          AND template = 'registration_consent_requested'`,
        [email],
      )) as Array<{ payload: { consentToken: string } }>;
      return mail.payload.consentToken;
    };

    // Declining cancels, and the organisers see why.
    const declineEmail = `decline-${Date.now()}@example.org`;
    const declined = await onBehalf(declineEmail, 'Fatou Diop');
    const person = new WebClient(t);
    await person.get(
      `/my/registrations/${declined}/consent?token=${encodeURIComponent(await tokenFor(declineEmail))}`,
    );
    const res = await person.post(`/my/registrations/${declined}/consent`, {
      token: await tokenFor(declineEmail),
      answer: 'decline',
    });
    expect(res.status).toBe(200);
    expect(await statusOf(declined)).toBe('cancelled');
    expect((await web.get(`${url}/${declined}`)).text).toContain('The person declined');

    // The one seat goes to someone else meanwhile; then an existing account consents
    // signed in (no token needed for the registered person themselves).
    await t
      .http()
      .post(`/api/events/${small.id}/registrations`)
      .set(people.awa.auth)
      .send(registrationBody(orgBF.id))
      .expect(201);
    const existing = await onBehalf(people.emilie.email, 'ignored for an existing account');
    const emilie = new WebClient(t);
    // Signed out and without the link: sign in first.
    expect((await emilie.get(`/my/registrations/${existing}/consent`)).status).not.toBe(200);
    await emilie.signIn(people.emilie.email, 'a-long-password');
    const page = await emilie.get(`/my/registrations/${existing}/consent?lang=en`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Émilie Durand');
    const agreed = await emilie.post(`/my/registrations/${existing}/consent`, { answer: 'agree' });
    expect(agreed.status).toBe(200);
    expect(agreed.text).toContain('you are on the waiting list');
    expect(await statusOf(existing)).toBe('waitlisted');
    // Another participant cannot answer for her.
    const juan = new WebClient(t);
    await juan.signIn(people.juan.email, 'a-long-password');
    expect((await juan.get(`/my/registrations/${existing}/consent`)).status).toBe(404);
  });

  it('answers odd input with a page, never a 500', async () => {
    await web.get(base());
    const gets = [
      `${base()}?page=abc&sort[]=x&status[]=pending&q=${'x'.repeat(500)}`,
      `${base()}?organisationId=not-a-uuid&visaStatus=%00`,
      `${base()}/export.csv?status=nope&sort=-waitlist`,
      `${base()}/bulk`,
      `${base()}/not-a-uuid`,
      `${base()}/${regs.emilie}/approve`,
      `/console/events/not-a-uuid/registrations`,
      `/my/registrations/not-a-uuid/consent?token=x`,
      `/my/registrations/${regs.emilie}/consent?token=${'y'.repeat(5000)}`,
    ];
    for (const path of gets) {
      const res = await web.get(path);
      expect([path, res.status < 500]).toEqual([path, true]);
    }
    const posts: Array<[string, Record<string, string | string[]>]> = [
      [`${base()}/bulk`, { action: 'explode', ids: ['x', regs.awa] }],
      [`${base()}/bulk`, { action: 'reject', ids: [regs.awa], reason: 'r'.repeat(5000) }],
      [`${base()}/bulk`, { action: 'approve', ids: [regs.awa], back: 'https://evil.example/' }],
      [`${base()}/${regs.awa}/cancel`, { reason: ['a', 'b'] }],
      [`${base()}/new`, { email: ['a@b.org', 'c@d.org'], languages: 'x'.repeat(300) }],
      [
        `${base()}/new`,
        {
          email: 'other@example.org',
          name: 'N',
          locale: 'fr',
          profession: 'other',
          organisationId: '00000000-0000-4000-8000-000000000000',
        },
      ],
      [`/my/registrations/${regs.awa}/consent`, { token: ['a', 'b'], answer: 'agree' }],
    ];
    for (const [path, form] of posts) {
      const res = await web.post(path, form);
      expect([path, res.status < 500]).toEqual([path, true]);
    }
  });
});
