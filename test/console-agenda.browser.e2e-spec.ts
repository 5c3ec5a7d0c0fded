import type { Page } from 'playwright-core';
import { register } from './support/agenda-fixtures.js';
import {
  accessibilityViolations,
  LAPTOP,
  snap,
  startBrowserWorld,
  type BrowserWorld,
} from './support/browser-world.js';
import { createEvent, createOrganisation, loginAdmin, signup } from './support/factories.js';

/** An organiser builds a day of the agenda on a laptop, with a clash kept and then resolved. */
describe('the agenda builder in a real browser (1280x800)', () => {
  let w: BrowserWorld;

  beforeAll(async () => {
    w = await startBrowserWorld('console_agenda_browser');
  }, 120_000);
  afterAll(() => w.close());

  const noViolations = async (page: Page, where: string) =>
    expect({ where, violations: await accessibilityViolations(page) }).toEqual({
      where,
      violations: [],
    });

  it('builds a day with a plenary, two workshops and a site visit, keeps then resolves a clash, publishes, opens the bus list', async () => {
    const { t } = w;
    const admin = await loginAdmin(t);
    const org = await createOrganisation(t, admin, {
      name: 'Association Darna',
      country: 'MA',
      city: 'Tangier',
    });
    const password = 'a-long-password';
    const organiser = await signup(t, { name: 'Claire Martin', password });
    const facilitator = await signup(t, { name: 'Nguyễn Thị Minh Khai-Hằng' });
    const event = await createEvent(t, admin, { name: 'Rencontre des partenaires 2027' });
    for (const [who, role] of [
      [organiser, 'organiser'],
      [facilitator, 'facilitator'],
    ] as const) {
      await t
        .http()
        .post(`/api/events/${event.id}/staff`)
        .set(admin.auth)
        .send({ accountId: who.id, role })
        .expect(201);
    }
    for (const [name, capacity] of [
      ['Salle Ibn Battuta', 80],
      ['Salle Averroès', 20],
    ] as const) {
      await t
        .http()
        .post(`/api/events/${event.id}/rooms`)
        .set(admin.auth)
        .send({ name, capacity })
        .expect(201);
    }

    const { context, page } = await w.newPage({ viewport: LAPTOP, locale: 'en-GB' });
    await page.goto(`/signin?next=/console/events/${event.id}/agenda`);
    await page.locator('#password-form').getByLabel('Email').fill(organiser.email);
    await page.locator('#password-form').getByLabel('Password').fill(password);
    await page.locator('#password-form').getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Agenda', level: 1 }).waitFor();
    await noViolations(page, 'empty grid');

    const day = '2027-10-26';
    const addSession = async (fields: {
      kind: string;
      title: string;
      start: string;
      end: string;
      room?: string;
      facilitator?: string;
      visit?: boolean;
      titleEs?: string;
    }) => {
      await page.goto(`/console/events/${event.id}/agenda?day=${day}`);
      await page.getByRole('link', { name: 'Add a session', exact: true }).click();
      await page.getByRole('heading', { name: 'New session' }).waitFor();
      await page.getByLabel('Kind of session').selectOption(fields.kind);
      // The event writes in French first: the plain title is the French one.
      await page.getByLabel('Title (French)', { exact: true }).fill(fields.title);
      if (fields.titleEs) await page.getByLabel('Title (Spanish)').fill(fields.titleEs);
      await page.getByLabel('Day', { exact: true }).selectOption(day);
      await page.getByLabel('Starts at').fill(fields.start);
      await page.getByLabel('Ends at').fill(fields.end);
      if (fields.room) {
        await page.getByLabel('Room', { exact: true }).selectOption({ label: fields.room });
      }
      if (fields.facilitator) await page.getByLabel(fields.facilitator).check();
      if (fields.visit) {
        await page
          .getByLabel('Host organisation')
          .selectOption({ label: 'Association Darna (Tangier)' });
        await page.getByLabel('Address').fill('12 rue de la Kasbah, Tanger');
        await page.getByLabel('Meeting point').fill('Hotel lobby');
        await page.getByLabel('Departure').fill(fields.start);
        await page.getByLabel('Return').fill(fields.end);
        await page.getByLabel('Seats in the vehicle').fill('12');
        await page.getByLabel('Transport', { exact: true }).fill('minibus');
        await page
          .getByLabel('Rules for visitors (French)')
          .fill('Pas de photos des bénéficiaires');
        await page
          .getByLabel('Rules for visitors (Spanish)')
          .fill('Sin fotos de los beneficiarios');
      }
      await page.getByRole('button', { name: 'Create the session' }).click();
    };

    await page.goto(`/console/events/${event.id}/agenda/sessions/new?day=${day}`);
    await noViolations(page, 'new session form');
    await snap(page, 'console-agenda-new-session-en-laptop');

    await addSession({
      kind: 'plenary',
      title: 'Opening plenary',
      start: '09:00',
      end: '10:30',
      room: 'Salle Ibn Battuta (80)',
    });
    await page.getByText('The session is saved as a draft.').waitFor();
    await addSession({
      kind: 'workshop',
      title: 'Listening to families',
      start: '11:00',
      end: '12:30',
      room: 'Salle Averroès (20)',
      facilitator: 'Nguyễn Thị Minh Khai-Hằng',
    });
    await page.getByText('The session is saved as a draft.').waitFor();

    // The second workshop takes the same room at the same time: refused, in words.
    await addSession({
      kind: 'workshop',
      title: 'Budgets and small grants',
      start: '11:30',
      end: '13:00',
      room: 'Salle Averroès (20)',
    });
    await page.getByRole('heading', { name: 'This session clashes with the agenda' }).waitFor();
    await page
      .getByText('Room overlap with “Listening to families” in Salle Averroès')
      .first()
      .waitFor();
    expect(await page.getByLabel('Title (French)', { exact: true }).inputValue()).toBe(
      'Budgets and small grants',
    );
    await noViolations(page, 'clash refused');
    await snap(page, 'console-agenda-clash-en-laptop');
    await page.getByRole('button', { name: 'Keep anyway' }).click();
    await page.getByText('The session is saved as a draft.').waitFor();

    await addSession({
      kind: 'site_visit',
      title: 'Visit to Association Darna',
      titleEs: 'Visita a la Asociación Darna',
      start: '14:00',
      end: '17:00',
      visit: true,
    });
    await page.getByText('The session is saved as a draft.').waitFor();

    // The clash is on the grid, on both blocks, with its reason.
    const budgets = page.locator('article.ca-block').filter({
      has: page.getByRole('heading', { name: 'Budgets and small grants' }),
    });
    await budgets
      .getByText('Room overlap with “Listening to families” in Salle Averroès')
      .waitFor();
    expect(await budgets.getAttribute('class')).toContain('ca-clash');
    await page.getByText('1 conflict to look at.').waitFor();
    await noViolations(page, 'grid with a conflict');
    await snap(page, 'console-agenda-grid-conflict-en-laptop');

    // Resolve it with the move form: the workshop goes to the other room.
    await budgets.getByRole('link', { name: 'Budgets and small grants' }).click();
    await page.getByRole('heading', { name: 'Budgets and small grants', level: 1 }).waitFor();
    await noViolations(page, 'session page');
    await page.getByRole('link', { name: 'Edit', exact: true }).click();
    await page.getByRole('heading', { name: 'Edit “Budgets and small grants”' }).waitFor();
    await noViolations(page, 'edit form');
    await page.goBack();
    await page.getByRole('link', { name: 'Cancel this session' }).click();
    await page.getByText('Nobody is signed up for this session.').waitFor();
    await noViolations(page, 'cancel confirmation');
    await page.getByRole('link', { name: 'Keep the session' }).click();
    await page.getByRole('link', { name: 'Move', exact: true }).click();
    await page.getByRole('heading', { name: 'Move “Budgets and small grants”' }).waitFor();
    await noViolations(page, 'move form');
    await page
      .getByLabel('Room', { exact: true })
      .selectOption({ label: 'Salle Ibn Battuta (80)' });
    await page.getByRole('button', { name: 'Move the session' }).click();
    await page.getByText('The session has moved.').waitFor();
    await page
      .getByText(
        "No conflicts: no room or facilitator is booked twice, every session fits its room and the event's dates.",
      )
      .waitFor();
    expect(await page.locator('article.ca-clash').count()).toBe(0);
    await snap(page, 'console-agenda-grid-en-laptop');

    // Dragging a block (script on) sends the same move form: to "No room", same time.
    const listening = page.locator('article.ca-block').filter({
      has: page.getByRole('heading', { name: 'Listening to families' }),
    });
    const from = await listening.boundingBox();
    const noRoom = await page.locator('.ca-room-none').boundingBox();
    const grid = await page.locator('.ca-grid').boundingBox();
    if (!from || !noRoom || !grid) throw new Error('grid not laid out');
    await listening.dragTo(page.locator('.ca-grid'), {
      sourcePosition: { x: 30, y: 6 },
      targetPosition: { x: noRoom.x + 30 - grid.x, y: from.y + 6 - grid.y },
    });
    await page.getByText('The session has moved.').waitFor();
    const [moved] = await w.db.query(
      `SELECT room_id, to_char(starts_at AT TIME ZONE 'UTC', 'HH24:MI') AS at FROM sessions
        WHERE event_id = $1 AND title = 'Listening to families'`,
      [event.id],
    );
    expect(moved).toEqual({ room_id: null, at: '11:00' });

    // Review, then publish.
    await page.getByRole('link', { name: 'Review conflicts and publish' }).click();
    await page.getByRole('heading', { name: 'Review and publish the agenda' }).waitFor();
    await noViolations(page, 'review');
    await snap(page, 'console-agenda-review-en-laptop');
    await page.getByRole('button', { name: 'Publish 4 draft sessions' }).click();
    await page.getByText('The agenda is published').waitFor();
    await page.getByText('Every session is published.').waitFor();

    // People sign up for the visit; the bus list has them.
    for (const name of ['محمد بن عبد الرحمن الإدريسي', 'Nguyễn Văn An']) {
      const person = await signup(t, { name, organisationId: org.id });
      await register(t, event.id, person, org.id, {
        phone: '+212 600 000 001',
        emergencyContact: { name: 'Youssef Alaoui', phone: '+212 661 000 001' },
      });
      const visitId = (
        await w.db.query(`SELECT id FROM sessions WHERE event_id = $1 AND kind = 'site_visit'`, [
          event.id,
        ])
      )[0].id;
      await t
        .http()
        .post(`/api/sessions/${visitId}/signups`)
        .set(person.auth)
        .send({ acceptRules: true })
        .expect(201);
    }
    await page.reload();
    await page.getByRole('link', { name: 'Visit to Association Darna' }).click();
    await page.getByRole('cell', { name: 'محمد بن عبد الرحمن الإدريسي', exact: true }).waitFor();
    await noViolations(page, 'site visit sign-ups');
    await snap(page, 'console-agenda-session-en-laptop');
    // One person's move page, which a list too long for a picker per row links to.
    const sessionUrl = new URL(page.url()).pathname;
    const [arabic] = await w.db.query(
      `SELECT g.id FROM signups g JOIN accounts a ON a.id = g.account_id WHERE a.name = $1`,
      ['محمد بن عبد الرحمن الإدريسي'],
    );
    await page.goto(`${sessionUrl}/signups/${arabic.id}/move`);
    await page.getByRole('heading', { name: 'Move محمد بن عبد الرحمن الإدريسي' }).waitFor();
    await noViolations(page, 'move one person');
    // The bus has left: attendance opens. Present and absent are the two buttons of one
    // form, and the button pressed is the answer the browser sends.
    await w.db.query(
      `UPDATE site_visits SET departure_at = now() - interval '1 minute'
        WHERE session_id = (SELECT session_id FROM signups WHERE id = $1)`,
      [arabic.id],
    );
    await page.goto(sessionUrl);
    await Promise.all([
      page.waitForEvent('framenavigated'),
      page.getByRole('button', { name: 'Mark محمد بن عبد الرحمن الإدريسي absent' }).click(),
    ]);
    const [marked] = await w.db.query(`SELECT attended FROM signups WHERE id = $1`, [arabic.id]);
    expect(marked.attended).toBe(false);
    await Promise.all([
      page.waitForEvent('framenavigated'),
      page.getByRole('button', { name: 'Mark محمد بن عبد الرحمن الإدريسي present' }).click(),
    ]);
    const [again] = await w.db.query(`SELECT attended FROM signups WHERE id = $1`, [arabic.id]);
    expect(again.attended).toBe(true);
    await page.getByRole('link', { name: 'Bus list' }).click();
    await page.getByRole('heading', { name: 'Bus list: Visit to Association Darna' }).waitFor();
    await page.getByRole('cell', { name: 'Nguyễn Văn An', exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Print' }).isVisible()).toBe(true);
    await noViolations(page, 'bus list');
    await snap(page, 'console-agenda-bus-list-en-laptop');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download the list (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);

    await page.goto(`/console/events/${event.id}/agenda/rooms`);
    await noViolations(page, 'rooms');
    await snap(page, 'console-agenda-rooms-en-laptop');

    // The same pages in French and Spanish, for a person to look at.
    await page.goto(`/console/events/${event.id}/agenda?day=${day}&lang=fr`);
    await page.getByRole('heading', { name: 'Programme', level: 1 }).waitFor();
    await noViolations(page, 'grid in French');
    await snap(page, 'console-agenda-grid-fr-laptop');
    await page.getByRole('link', { name: 'Visit to Association Darna' }).click();
    await snap(page, 'console-agenda-session-fr-laptop');
    await page.getByRole('link', { name: 'Liste du bus' }).click();
    await snap(page, 'console-agenda-bus-list-fr-laptop');
    await page.goto(`/console/events/${event.id}/agenda/sessions/new?day=${day}&lang=es`);
    await snap(page, 'console-agenda-new-session-es-laptop');
    await page.goto(`/console/events/${event.id}/agenda?day=${day}&lang=es`);
    await snap(page, 'console-agenda-grid-es-laptop');
    // The session form with its translations, on a phone, in French and Spanish.
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto(`/console/events/${event.id}/agenda?day=${day}&lang=es`);
    await page.getByRole('link', { name: 'Visit to Association Darna' }).click();
    await page.getByRole('link', { name: 'Modificar', exact: true }).click();
    await page.getByLabel('Título (español)').waitFor();
    await noViolations(page, 'edit form with translations, Spanish, phone');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );
    await snap(page, 'console-agenda-edit-translations-es-phone');
    await page.goto(`/console/events/${event.id}/agenda/sessions/new?day=${day}&lang=fr`);
    await snap(page, 'console-agenda-new-session-fr-phone');
    await context.close();
  }, 300_000);
});
