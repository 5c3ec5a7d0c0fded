import { seed } from '../scripts/seed.js';
import { DEMO_EVENT, DEMO_ORGANISER, DEMO_PASSWORD } from '../scripts/seed/demo-data.js';
import {
  accessibilityViolations,
  type BrowserWorld,
  LAPTOP,
  snap,
  startBrowserWorld,
} from './support/browser-world.js';

/*
 * The console-messages pages on the seeded demo meeting, at its real size: dozens of
 * participants from many organisations and countries, visas in every state, sessions
 * with seats. What an organiser sees first; axe on each page.
 */
describe('console dashboard and messages on the demo meeting', () => {
  let w: BrowserWorld;
  let eventId: string;

  beforeAll(async () => {
    w = await startBrowserWorld('console_messages_demo');
    await seed(w.t.config);
    [{ id: eventId }] = await w.db.query(`SELECT id FROM events WHERE slug = $1`, [
      DEMO_EVENT.slug,
    ]);
  });
  afterAll(() => w?.close());

  it('draws every chart readably, and the headline matches the confirmed registrations', async () => {
    const [head] = await w.db.query(
      `SELECT count(*)::int AS p, count(DISTINCT r.organisation_id)::int AS o,
              count(DISTINCT org.country)::int AS c
         FROM registrations r JOIN organisations org ON org.id = r.organisation_id
        WHERE r.event_id = $1 AND r.status = 'confirmed'`,
      [eventId],
    );
    const { context, page } = await w.newPage({ viewport: LAPTOP, locale: 'fr-FR' });
    await page.goto('/signin?lang=fr');
    await page.locator('#password-form input[name=email]').fill(DEMO_ORGANISER.email);
    await page.locator('#password-form input[name=password]').fill(DEMO_PASSWORD);
    await page.locator('#password-form button[type=submit]').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/signin'));

    await page.goto(`/console/events/${eventId}`);
    await page
      .getByText(`${head.p} participants de ${head.o} organisations dans ${head.c} pays`)
      .waitFor();
    expect(await page.locator('svg[role=img]').count()).toBe(6);
    await snap(page, 'console-dashboard-demo-fr-laptop');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.goto(`/console/events/${eventId}?lang=es`);
    await snap(page, 'console-dashboard-demo-es-laptop');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.goto(`/console/events/${eventId}/announcements?lang=fr`);
    await snap(page, 'console-announcements-demo-fr-laptop');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.goto(`/console/events/${eventId}/messages`);
    await snap(page, 'console-messages-demo-fr-laptop');
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();
  });
});
