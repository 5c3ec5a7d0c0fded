import { seed } from '../scripts/seed.js';
import { DEMO_EVENT, DEMO_ORGANISER, DEMO_PASSWORD } from '../scripts/seed/demo-data.js';
import {
  accessibilityViolations,
  type BrowserWorld,
  LAPTOP,
  PHONE,
  snap,
  startBrowserWorld,
} from './support/browser-world.js';

/*
 * Timeouts are generous: the page test machines are shared and axe on a busy one is slow.
 *
 * The finance pages on the seeded Tangier meeting: the organisers' view, who pays what,
 * a participant's costs (long Arabic and Vietnamese names), and "Your costs" on a phone.
 * axe on every page; screenshots under var/test-screenshots to look at.
 */
describe('finance pages in a browser, on the demo meeting', () => {
  let w: BrowserWorld;
  let eventId: string;

  beforeAll(async () => {
    w = await startBrowserWorld('finance_browser');
    await seed(w.t.config);
    [{ id: eventId }] = await w.db.query(`SELECT id FROM events WHERE slug = $1`, [
      DEMO_EVENT.slug,
    ]);
  }, 240_000);
  afterAll(() => w?.close());

  async function signIn(email: string, viewport = LAPTOP, lang = 'fr') {
    const { context, page } = await w.newPage({ viewport, locale: 'fr-FR' });
    page.setDefaultTimeout(60_000);
    await page.goto(`/signin?lang=${lang}`);
    await page.locator('#password-form input[name=email]').fill(email);
    await page.locator('#password-form input[name=password]').fill(DEMO_PASSWORD);
    await page.locator('#password-form button[type=submit]').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
    return { context, page };
  }

  it('seeds idempotently: a second run changes nothing', async () => {
    const count = async () =>
      (
        await w.db.query(
          `SELECT (SELECT count(*) FROM cost_items)::int AS items,
                  (SELECT count(*) FROM cost_receipts)::int AS receipts,
                  (SELECT count(*) FROM event_currency_rates)::int AS rates`,
        )
      )[0];
    const before = await count();
    expect(before.items).toBeGreaterThan(5);
    await seed(w.t.config);
    expect(await count()).toEqual(before);
  }, 240_000);

  it("shows the organisers' finance view, who pays what and a participant's costs", async () => {
    const { context, page } = await signIn(DEMO_ORGANISER.email);
    const base = `/console/events/${eventId}/finance`;
    await page.goto(base);
    await page.getByRole('heading', { name: 'Par participant' }).waitFor();
    expect(await page.locator('.warning').count()).toBe(0); // every currency has a rate
    await snap(page, 'console-finance-fr-laptop');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'خديجة بنت عبد الرحمن الإدريسي' }).click();
    await page.getByRole('heading', { name: 'Frais', exact: true }).waitFor();
    await snap(page, 'console-finance-person-arabic-fr-laptop');
    await page
      .locator('.fin-line')
      .first()
      .screenshot({ path: 'var/test-screenshots/console-finance-line-arabic-fr-laptop.png' });
    expect(await accessibilityViolations(page)).toEqual([]);

    // Mark her taxis reimbursed: the status and who did it show at once.
    await page.getByRole('button', { name: 'Marquer remboursé' }).first().click();
    await page.getByText('Le statut a été modifié.').waitFor();
    await page.getByText('Claire Dubois', { exact: false }).first().waitFor();

    await page.goto(`${base}/coverage?lang=es`);
    await page.getByRole('heading', { name: 'Tipos de cambio' }).waitFor();
    await snap(page, 'console-finance-coverage-es-laptop');
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();
  }, 240_000);

  it('is usable on a phone: the finance view and a Vietnamese name, in Spanish', async () => {
    const { context, page } = await signIn(DEMO_ORGANISER.email, PHONE, 'es');
    await page.goto(`/console/events/${eventId}/finance?lang=es`);
    await page.getByRole('heading', { name: 'Por participante' }).waitFor();
    await snap(page, 'console-finance-es-phone');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Nguyễn Thị Minh Khai-Hằng' }).click();
    await page.getByRole('heading', { name: 'Gastos', exact: true }).waitFor();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await snap(page, 'console-finance-person-vietnamese-es-phone');
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();
  }, 240_000);

  it('shows Awa her costs on her travel page, on a phone', async () => {
    const { context, page } = await signIn('awa@convene.demo', PHONE);
    const [{ id }] = await w.db.query(
      `SELECT r.id FROM registrations r JOIN accounts a ON a.id = r.account_id
        WHERE a.email = 'awa@convene.demo' AND r.event_id = $1`,
      [eventId],
    );
    await page.goto(`/my/registrations/${id}/travel`);
    await page.getByRole('heading', { name: 'Vos frais' }).waitFor();
    await page.locator('#fin-mine-title').scrollIntoViewIfNeeded();
    await snap(page, 'participant-travel-costs-fr-phone');
    await page
      .locator('.fin-mine')
      .screenshot({ path: 'var/test-screenshots/participant-travel-costs-section-fr-phone.png' });
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();
  }, 240_000);
});
