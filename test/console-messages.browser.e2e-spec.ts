import { sessionBody } from './support/agenda-fixtures.js';
import {
  accessibilityViolations,
  type BrowserWorld,
  LAPTOP,
  snap,
  startBrowserWorld,
} from './support/browser-world.js';
import {
  createEvent,
  createOrganisation,
  loginAdmin,
  type Session,
  signup,
} from './support/factories.js';
import { registrationBody } from './support/registration-fixtures.js';

/*
 * An organiser at a laptop writes one announcement in French, English and Spanish to the
 * confirmed participants, who read those three languages; the real worker sends it to a
 * real SMTP server while the delivery page follows it. The dashboard draws its charts.
 */
describe('console announcements and dashboard, in a real browser', () => {
  let w: BrowserWorld;
  let organiser: Session;
  let event: { id: string; name: string };
  const readers: Array<{ person: Session; locale: 'fr' | 'en' | 'es' }> = [];
  const TEXT = {
    fr: { subject: 'Changement de salle', body: "L'atelier de jeudi a lieu en salle 2." },
    en: { subject: 'Room change', body: "Thursday's workshop is in room 2." },
    es: { subject: 'Cambio de sala', body: 'El taller del jueves es en la sala 2.' },
  };

  beforeAll(async () => {
    w = await startBrowserWorld('console_messages_browser');
    const admin = await loginAdmin(w.t);
    const ma = await createOrganisation(w.t, admin, { name: 'Association Al Amal', country: 'MA' });
    const bf = await createOrganisation(w.t, admin, { name: 'Keoogo', country: 'BF' });
    const vn = await createOrganisation(w.t, admin, {
      name: 'Trung tâm Công tác xã hội Hà Nội',
      country: 'VN',
    });
    organiser = await signup(w.t, { name: 'Claire Organiser', locale: 'fr' });
    const created = await createEvent(w.t, admin, { capacity: 30, languages: ['fr', 'en', 'es'] });
    await w.t
      .http()
      .post(`/api/events/${created.id}/staff`)
      .set(admin.auth)
      .send({ accountId: organiser.id, role: 'organiser' })
      .expect((r) => expect(r.status).toBeLessThan(300));
    const [{ name }] = await w.db.query(`SELECT name FROM events WHERE id = $1`, [created.id]);
    event = { id: created.id, name };
    const plan = [
      ['Awa Traoré', 'fr', bf.id, 'social_worker'],
      ['محمد بن عبد الرحمن الإدريسي', 'en', ma.id, 'psychologist'],
      ['Lucía Quispe Mamani', 'es', ma.id, 'legal_expert'],
      ['Nguyễn Thị Minh Khai-Hằng', 'fr', vn.id, 'social_worker'],
    ] as const;
    for (const [personName, locale, organisationId, profession] of plan) {
      const person = await signup(w.t, { name: personName, locale, organisationId });
      await w.t
        .http()
        .post(`/api/events/${event.id}/registrations`)
        .set(person.auth)
        .send(registrationBody(organisationId, { profession }))
        .expect(201);
      readers.push({ person, locale });
    }
    await w.t
      .http()
      .post(`/api/events/${event.id}/sessions`)
      .set(organiser.auth)
      .send(sessionBody({ title: 'Soutenir les familles autrement', capacity: 12 }))
      .expect(201);
  });
  afterAll(() => w?.close());

  async function signIn(locale: string) {
    const opened = await w.newPage({ viewport: LAPTOP, locale });
    await opened.page.goto(`/signin?lang=${locale.slice(0, 2)}`);
    const form = opened.page.locator('#password-form');
    await form.locator('input[name=email]').fill(organiser.email);
    await form.locator('input[name=password]').fill('a-long-password');
    await form.locator('button[type=submit]').click();
    await opened.page.waitForURL((url) => !url.pathname.startsWith('/signin'));
    return opened;
  }

  it('sends an announcement in fr/en/es and watches every email reach "sent"', async () => {
    const { context, page } = await signIn('en-GB');
    await page.goto(`/console/events/${event.id}/announcements?lang=en`);
    await page
      .getByRole('cell', { name: '2 in French, 1 in English, 1 in Spanish' })
      .first()
      .waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    for (const [locale, language] of [
      ['fr', 'French'],
      ['en', 'English'],
      ['es', 'Spanish'],
    ] as const) {
      const group = page.getByRole('group', { name: `In ${language}` });
      await group.getByLabel('Subject').fill(TEXT[locale].subject);
      await group.getByLabel('Message').fill(TEXT[locale].body);
    }
    await page.getByLabel('Send to').selectOption('confirmed');
    await page.getByRole('button', { name: 'Preview and count the recipients' }).click();
    await page
      .getByText('This announcement will go to 4 people: 2 in French, 1 in English, 1 in Spanish.')
      .waitFor();
    expect(await page.getByText('will not read it in their language').count()).toBe(0);
    expect(await page.locator('.cm-email').count()).toBe(3);
    expect(await accessibilityViolations(page)).toEqual([]);
    await snap(page, 'console-announcement-preview-en-laptop');

    await page.getByRole('button', { name: 'Send to 4 people' }).click();
    await page.waitForURL(/\/announcements\/[0-9a-f-]{36}$/);
    // The page refreshes itself while the worker sends; wait for the last one.
    await page.getByText('4 of 4 emails sent.').waitFor({ timeout: 60_000 });
    await page.getByText('Every email has been handed to the mail server.').waitFor();
    // Nothing left to wait for: the page stops refreshing, so axe sees it still.
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(await page.locator('tr[data-status=sent] td').textContent()).toBe('4');
    expect(await page.locator('tr[data-status=failed] td').textContent()).toBe('0');
    await snap(page, 'console-announcement-progress-en-laptop');

    for (const { person, locale } of readers) {
      const mail = await w.mailTo(person.email, new RegExp(TEXT[locale].subject));
      expect(mail.subject).toBe(`${TEXT[locale].subject} — ${event.name}`);
      expect(mail.text).toContain(TEXT[locale].body);
    }

    await page.goto(`/console/events/${event.id}/announcements`);
    await page.getByRole('cell', { name: '4 of 4 sent' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await snap(page, 'console-announcements-en-laptop');

    await page.goto(`/console/events/${event.id}/messages?template=announcement`);
    await page.getByText('4 emails', { exact: true }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await snap(page, 'console-messages-en-laptop');

    // One email bounced: the log says why in words, and "retry all failed" sends it again.
    const [{ announcement }] = await w.db.query(
      `SELECT payload->>'announcementId' AS announcement FROM messages WHERE template = 'announcement' LIMIT 1`,
    );
    const lucia = readers.find((r) => r.locale === 'es')!.person;
    await w.db.query(
      `UPDATE messages SET status = 'failed', attempts = 4, sent_at = NULL,
              last_error = '450 4.2.0 Mailbox temporarily unavailable'
        WHERE template = 'announcement' AND recipient_email = $1`,
      [lucia.email],
    );
    const before = w.sink.received.length;
    await page.goto(`/console/events/${event.id}/messages?status=failed&lang=es`);
    await page
      .getByText('El servidor de correo del destinatario pidió volver a intentarlo más tarde.')
      .waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await snap(page, 'console-messages-failed-es-laptop');
    await page.goto(`/console/events/${event.id}/announcements/${announcement}?lang=en`);
    expect(await page.locator('tr[data-status=failed] td').textContent()).toBe('1');
    expect(await accessibilityViolations(page)).toEqual([]);
    await snap(page, 'console-announcement-failed-en-laptop');
    // Retried with JavaScript off: the form posts, and the page reloads itself until done.
    const nojs = await w.newPage({ viewport: LAPTOP, javaScriptEnabled: false });
    await nojs.context.addCookies(await context.cookies());
    await nojs.page.goto(`/console/events/${event.id}/announcements/${announcement}?lang=en`);
    await nojs.page.getByRole('button', { name: 'Retry all failed emails' }).click();
    await nojs.page.getByText('The failed emails are queued again.').waitFor();
    await nojs.page.getByText('4 of 4 emails sent.').waitFor({ timeout: 60_000 });
    await nojs.context.close();
    await w.mailTo(lucia.email, /Cambio de sala/);
    expect(w.sink.received.length).toBe(before + 1);
    await context.close();
  });

  it('warns in French about a language left out, and shows the log in Spanish', async () => {
    const { context, page } = await signIn('fr-FR');
    await page.goto(`/console/events/${event.id}/announcements?lang=fr`);
    const group = page.getByRole('group', { name: 'En français' });
    await group.getByLabel('Objet').fill('Horaires du bus');
    await group.getByLabel('Message').fill('Le bus part à 8 h 30 devant l’hôtel.');
    await page.getByRole('button', { name: 'Prévisualiser et compter les destinataires' }).click();
    await page.getByText('1 personne qui lit en anglais recevra la version en français.').waitFor();
    await page
      .getByText('1 personne qui lit en espagnol recevra la version en français.')
      .waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await snap(page, 'console-announcement-warning-fr-laptop');

    await page.goto(`/console/events/${event.id}/messages?lang=es`);
    await page.getByRole('heading', { name: 'Mensajes' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await snap(page, 'console-messages-es-laptop');
    await context.close();
  });

  it('draws the dashboard charts on the server, in each language', async () => {
    const { context, page } = await signIn('fr-FR');
    for (const lang of ['fr', 'es', 'en']) {
      await page.goto(`/console/events/${event.id}?lang=${lang}`);
      expect(await page.locator('svg[role=img]').count()).toBe(6);
      await snap(page, `console-dashboard-${lang}-laptop`);
      expect(await accessibilityViolations(page)).toEqual([]);
    }
    await page.getByText('4 participants from 3 organisations in 3 countries').waitFor();
    // Printable: the charts and tables without the menus.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.console-nav').isVisible()).toBe(false);
    expect(await page.locator('svg[role=img]').first().isVisible()).toBe(true);
    await snap(page, 'console-dashboard-print-en');
    await page.emulateMedia({ media: 'screen' });
    const bars = await page.locator('#by-country-svg-t').textContent();
    expect(bars).toBe('Participants by country');
    // Readable without JavaScript: the same charts come in the HTML itself.
    const nojs = await w.newPage({ viewport: LAPTOP, javaScriptEnabled: false });
    await nojs.context.addCookies(await context.cookies());
    await nojs.page.goto(`/console/events/${event.id}?lang=es`);
    await nojs.page.getByText('4 participantes de 3 organizaciones en 3 países').waitFor();
    expect(await nojs.page.locator('svg[role=img]').count()).toBe(6);
    await nojs.context.close();
    await context.close();
  });
});
