import { DataSource } from 'typeorm';
import { EventsService } from '#events';
import { createEvent, loginAdmin, type Session, signup } from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { WebClient } from './support/web-client.js';

const UUID = '[0-9a-f-]{36}';

/** A complete event form, as a browser posts it. */
function eventForm(overrides: Record<string, string | string[]> = {}) {
  return {
    kind: 'meeting',
    hostOrganisationId: '',
    languages: ['fr', 'en', 'es'],
    'names.fr': 'Rencontre de Tanger 2027',
    'names.en': 'Tangier meeting 2027',
    'names.es': 'Encuentro de Tánger 2027',
    'descriptions.fr': 'Trois jours pour partager nos pratiques.',
    'descriptions.en': 'Three days to share our practice.',
    'descriptions.es': 'Tres días para compartir nuestras prácticas.',
    'practicalInfo.fr': 'Navette depuis l’aéroport Ibn Battouta.',
    'practicalInfo.en': '',
    'practicalInfo.es': 'Traslado desde el aeropuerto Ibn Battuta.',
    timezone: 'Africa/Casablanca',
    startDate: '2027-10-25',
    endDate: '2027-10-30',
    'venue.name': 'Hôtel Continental',
    'venue.city': 'Tangier',
    'venue.country': 'MA',
    capacity: '30',
    requiresApproval: 'on',
    registrationOpensAt: '2027-05-01T09:00',
    registrationClosesAt: '2027-09-15T18:00',
    ...overrides,
  };
}

describe('console: events, their settings, publication and staff', () => {
  let t: TestApp;
  let admin: Session;
  let db: DataSource;

  beforeAll(async () => {
    t = await startTestApp('console_events');
    admin = await loginAdmin(t);
    db = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  async function addStaff(eventId: string, accountId: string, role: string) {
    await t
      .http()
      .post(`/api/events/${eventId}/staff`)
      .set(admin.auth)
      .send({ accountId, role })
      .expect(201);
  }

  /** A person who organises an event (created by the admin) and is signed in on the web. */
  async function organiser(locale = 'en') {
    const person = await signup(t, { locale, name: 'Claire Martin' });
    const event = await createEvent(t, admin, {}, { publish: false });
    await addStaff(event.id, person.id, 'organiser');
    const web = new WebClient(t);
    await web.signIn(person.email, 'a-long-password');
    return { person, event, web };
  }

  const apiEvent = async (id: string) =>
    (await t.http().get(`/api/events/${id}`).set(admin.auth).expect(200)).body;

  it('lets an organiser create an event with its texts in fr, en and es, then edit it', async () => {
    const { web, event: first } = await organiser();
    const list = await web.get('/console');
    expect(list.status).toBe(200);
    expect(list.text).toContain(`/console/events/${first.id}/settings`);
    expect(list.text).toContain('Create an event');

    const form = await web.get('/console/events/new');
    expect(form.status).toBe(200);
    const creationKey = /name="creationKey" value="([^"]+)"/.exec(form.text)?.[1] as string;
    expect(creationKey).toMatch(new RegExp(`^${UUID}$`));
    const created = await web.post('/console/events/new', eventForm({ creationKey }));
    expect(created.status).toBe(303);
    const location = created.headers.location as string;
    // The same form sent twice (a double click with JavaScript off) makes one event.
    const again = await web.post('/console/events/new', eventForm({ creationKey }));
    expect(again.headers.location).toBe(location);
    const [{ count }] = await db.query(
      `SELECT count(*)::int AS count FROM events WHERE name = 'Rencontre de Tanger 2027'`,
    );
    expect(count).toBe(1);
    expect(location).toMatch(new RegExp(`^/console/events/${UUID}/settings$`));
    const id = location.split('/')[3];

    const stored = await apiEvent(id);
    expect(stored).toMatchObject({
      name: 'Rencontre de Tanger 2027',
      status: 'draft',
      kind: 'meeting',
      timezone: 'Africa/Casablanca',
      capacity: 30,
      requiresApproval: true,
      languages: ['fr', 'en', 'es'],
      venue: { name: 'Hôtel Continental', city: 'Tangier', country: 'MA' },
      names: {
        fr: 'Rencontre de Tanger 2027',
        en: 'Tangier meeting 2027',
        es: 'Encuentro de Tánger 2027',
      },
      descriptions: { es: 'Tres días para compartir nuestras prácticas.' },
      practicalInfo: {
        fr: 'Navette depuis l’aéroport Ibn Battouta.',
        es: 'Traslado desde el aeropuerto Ibn Battuta.',
      },
    });
    expect(stored.practicalInfo).not.toHaveProperty('en');
    // Morocco is on UTC+0 all year since 2026-09-20: 09:00 local is 09:00Z.
    expect(stored.registrationOpensAt).toBe('2027-05-01T09:00:00+00:00');

    const settings = await web.get(location);
    expect(settings.status).toBe(200);
    expect(settings.text).toContain('The event is created, as a draft.');
    expect(settings.text).toContain('value="Encuentro de Tánger 2027"');
    expect(settings.text).toContain('value="2027-09-15T18:00"');

    // The new event is on the organiser's list, in their language.
    expect((await web.get('/console')).text).toContain('Tangier meeting 2027');

    const saved = await web.post(
      location,
      eventForm({
        'names.es': 'Encuentro de Tánger, edición 2027',
        capacity: '45',
        requiresApproval: [],
        registrationClosesAt: '',
        'descriptions.en': '',
      }),
    );
    expect(saved.status).toBe(303);
    const edited = await apiEvent(id);
    expect(edited.names.es).toBe('Encuentro de Tánger, edición 2027');
    expect(edited.capacity).toBe(45);
    expect(edited.requiresApproval).toBe(false);
    expect(edited.registrationClosesAt).toBeNull();
    expect(edited.descriptions).not.toHaveProperty('en');
    expect((await web.get(location)).text).toContain('The changes are saved.');
  });

  it('says what is wrong next to each field in the organiser language, keeping what was typed', async () => {
    const { web, event } = await organiser('fr');
    await web.get('/console/events/new');
    const bad = await web.post(
      '/console/events/new',
      eventForm({
        'names.fr': '',
        'names.en': 'Tangier <meeting>',
        languages: [],
        capacity: 'beaucoup',
        startDate: '25/10/2027',
      }),
    );
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('Il y a un problème');
    expect(bad.text).toMatch(/id="f-capacity-error">[^<]+</);
    expect(bad.text).toMatch(/id="f-languages-error">[^<]+</);
    expect(bad.text).toMatch(/id="f-startDate-error">[^<]+</);
    expect(bad.text).toContain('value="beaucoup"');
    expect(bad.text).toContain('value="Tangier &lt;meeting>"');
    expect(bad.text).toContain('Hôtel Continental');

    // A rule of the service (the last day before the first), said next to its field.
    const dates = await web.post(
      '/console/events/new',
      eventForm({
        'names.fr': 'Rencontre refusée',
        startDate: '2027-10-30',
        endDate: '2027-10-25',
      }),
    );
    expect(dates.status).toBe(400);
    expect(dates.text).toMatch(
      /id="f-endDate-error">Le dernier jour doit être le premier jour ou après.</,
    );
    expect(dates.text).toContain('value="Rencontre refusée"');

    // An immersion without its host organisation.
    const immersion = await web.post(
      `/console/events/${event.id}/settings`,
      eventForm({ kind: 'immersion' }),
    );
    expect(immersion.status).toBe(400);
    expect(immersion.text).toMatch(/id="f-hostOrganisationId-error">Une immersion/);

    // Nothing was created by the refused forms.
    const [{ count }] = await db.query(
      `SELECT count(*)::int AS count FROM events WHERE name = 'Rencontre refusée' OR name LIKE 'Tangier <%'`,
    );
    expect(count).toBe(0);
  });

  it('shows 404 to participants, facilitators, hosts and the organisers of another event', async () => {
    const { event: a, web: organiserA } = await organiser();
    const b = await createEvent(t, admin, {}, { publish: true });
    const participant = await signup(t);
    const facilitator = await signup(t);
    const host = await signup(t);
    await addStaff(b.id, facilitator.id, 'facilitator');
    await addStaff(b.id, host.id, 'host');

    for (const person of [participant, facilitator, host]) {
      const web = new WebClient(t);
      await web.signIn(person.email, 'a-long-password');
      for (const path of [
        '/console',
        '/console/events/new',
        `/console/events/${b.id}/settings`,
        `/console/events/${b.id}/staff`,
      ]) {
        const res = await web.get(path);
        expect([path, res.status]).toEqual([path, 404]);
        expect(res.text).toContain('Page not found');
      }
      // Their forms are refused too, and change nothing.
      await web.get('/');
      expect((await web.post(`/console/events/${b.id}/settings/archive`)).status).toBe(404);
      expect(
        (
          await web.post(`/console/events/${b.id}/staff`, {
            email: 'me@example.org',
            role: 'organiser',
            locale: 'en',
          })
        ).status,
      ).toBe(404);
    }

    for (const path of [`/console/events/${b.id}/settings`, `/console/events/${b.id}/staff`]) {
      expect((await organiserA.get(path)).status).toBe(404);
    }
    await organiserA.get(`/console/events/${a.id}/settings`);
    expect((await organiserA.post(`/console/events/${b.id}/settings/close`)).status).toBe(404);
    expect((await organiserA.post(`/console/events/${b.id}/settings`, eventForm())).status).toBe(
      404,
    );
    expect((await apiEvent(b.id)).status).toBe('published');
    expect((await organiserA.get('/console/events/not-a-uuid/settings')).status).toBe(404);

    // Signed out: sign in first (never the page).
    const anonymous = await new WebClient(t).get(`/console/events/${a.id}/settings`);
    expect(anonymous.text).not.toContain('name="names.fr"');
  });

  it('refuses a form posted without its CSRF token', async () => {
    const { web, event } = await organiser();
    await web.get(`/console/events/${event.id}/settings`);
    const res = await web.post(`/console/events/${event.id}/settings/publish`, { _csrf: '' });
    expect(res.status).toBe(403);
    const created = await web.post('/console/events/new', { ...eventForm(), _csrf: 'forged' });
    expect(created.status).toBe(403);
    expect((await apiEvent(event.id)).status).toBe('draft');
  });

  it('publishes, closes, reopens and archives, and says in words when a change is refused', async () => {
    const { web, event } = await organiser();
    const path = `/console/events/${event.id}/settings`;
    const page = await web.get(path);
    expect(page.text).toContain('Publish');
    expect(page.text).toContain('The event page becomes public');
    for (const [action, status] of [
      ['publish', 'published'],
      ['close', 'closed'],
      ['reopen', 'published'],
      ['close', 'closed'],
    ]) {
      const res = await web.post(`${path}/${action}`);
      expect(res.status).toBe(303);
      expect((await apiEvent(event.id)).status).toBe(status);
    }
    // A stale "publish" button (another tab): refused, in words, nothing changes.
    const refused = await web.post(`${path}/publish`);
    expect(refused.status).toBe(409);
    expect(refused.text).toContain(
      '“Publish” was not done: the event is now “Registration closed”',
    );
    expect((await apiEvent(event.id)).status).toBe('closed');
    expect((await web.post(`${path}/delete-everything`)).status).toBe(404);

    expect((await web.post(`${path}/archive`)).status).toBe(303);
    expect((await apiEvent(event.id)).status).toBe('archived');
    const archived = await web.get(path);
    expect(archived.text).toContain('This event is archived');
    expect(archived.text).toContain('An archived event cannot change status any more.');
  });

  it('adds staff by email: an unknown address gets an account and an invitation email', async () => {
    const { web, event } = await organiser();
    const path = `/console/events/${event.id}/staff`;
    await web.get(path);
    const email = `Fatou.Diop-${Date.now()}@Example.org`;
    const bad = await web.post(path, { email: 'not an email', role: 'boss', locale: 'xx' });
    expect(bad.status).toBe(400);
    expect(bad.text).toMatch(/id="f-email-error">[^<]+</);
    expect(bad.text).toMatch(/id="f-role-error">[^<]+</);
    expect(bad.text).toContain('value="not an email"');

    const form = { email, name: 'Fatou Diop', role: 'facilitator', locale: 'es' };
    const added = await web.post(path, form);
    expect(added.status).toBe(303);
    expect((await web.get(path)).text).toContain('an invitation is on its way');
    // A double submit adds nobody twice and sends one invitation.
    expect((await web.post(path, form)).status).toBe(303);

    const rows = await db.query(
      `SELECT template, locale, recipient_email, payload FROM messages WHERE recipient_email = $1`,
      [email.toLowerCase()],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ template: 'staff_invitation', locale: 'es' });
    expect(rows[0].payload).toMatchObject({
      role: 'facilitator',
      recipientName: 'Fatou Diop',
      inviterName: 'Claire Martin',
    });
    expect(rows[0].payload.link).toMatch(/\/login\/magic\?token=/);

    const page = await web.get(path);
    expect(page.text).toContain('Fatou Diop');
    expect(page.text).toContain('Invited, has not signed in yet');
    const staff = await t.http().get(`/api/events/${event.id}/staff`).set(admin.auth).expect(200);
    expect(staff.body).toContainEqual(
      expect.objectContaining({ email: email.toLowerCase(), role: 'facilitator', invited: true }),
    );

    // The link in the invitation signs the person in and lands on the event.
    const token = new URL(rows[0].payload.link).searchParams.get('token') as string;
    const invitee = new WebClient(t);
    await invitee.get(`/login/magic?token=${encodeURIComponent(token)}`);
    const signedIn = await invitee.post('/login/magic', { token });
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.location).toBe(`/e/${event.slug}`);

    // An existing account is added without an invitation.
    const known = await signup(t, { name: 'Nguyễn Thị Minh Khai-Hằng' });
    expect((await web.post(path, { email: known.email, role: 'host', locale: 'fr' })).status).toBe(
      303,
    );
    const [{ count }] = await db.query(
      `SELECT count(*)::int AS count FROM messages WHERE recipient_email = $1`,
      [known.email],
    );
    expect(count).toBe(0);
    expect((await web.get(path)).text).toContain('Nguyễn Thị Minh Khai-Hằng');
  });

  it('makes one account and sends one invitation when the same address is added twice at once', async () => {
    const { event, person } = await organiser();
    const events = t.app.get(EventsService);
    const actor = { accountId: person.id, platformRole: 'member' as const };
    const email = `twice-${Date.now()}@example.org`;
    const results = await Promise.all(
      (['facilitator', 'facilitator', 'host'] as const).map((role) =>
        events.addStaffByEmail(actor, event.id, { email, role, locale: 'fr' }),
      ),
    );
    expect(new Set(results.map((r) => r.accountId)).size).toBe(1);
    expect(results.filter((r) => r.invited)).toHaveLength(1);
    const [{ accounts }] = await db.query(
      `SELECT count(*)::int AS accounts FROM accounts WHERE email = $1`,
      [email],
    );
    expect(accounts).toBe(1);
    const roles = await db.query(
      `SELECT role FROM event_staff WHERE event_id = $1 AND account_id = $2 ORDER BY role`,
      [event.id, results[0].accountId],
    );
    expect(roles.map((r: { role: string }) => r.role)).toEqual(['facilitator', 'host']);
    const [{ mails }] = await db.query(
      `SELECT count(*)::int AS mails FROM messages WHERE recipient_email = $1`,
      [email],
    );
    expect(mails).toBe(1);
    // A person who is not an organiser of the event is refused by the service itself.
    const stranger = await signup(t);
    await expect(
      events.addStaffByEmail({ accountId: stranger.id, platformRole: 'member' }, event.id, {
        email: `x-${Date.now()}@example.org`,
        role: 'organiser',
        locale: 'en',
      }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });

  it('removes staff, but never the last organiser', async () => {
    const { web, event, person } = await organiser();
    const path = `/console/events/${event.id}/staff`;
    await web.get(path);
    // The admin who created the event is an organiser too: remove them, then try oneself.
    const gone = await web.post(`${path}/remove`, { accountId: admin.id, role: 'organiser' });
    expect(gone.status).toBe(303);
    const last = await web.post(`${path}/remove`, { accountId: person.id, role: 'organiser' });
    expect(last.status).toBe(409);
    expect(last.text).toContain('An event must keep at least one organiser');
    const staff = await t.http().get(`/api/events/${event.id}/staff`).set(admin.auth).expect(200);
    expect(staff.body).toEqual([expect.objectContaining({ accountId: person.id })]);
    expect((await web.post(`${path}/remove`, { accountId: 'x', role: 'organiser' })).status).toBe(
      404,
    );
  });
});
