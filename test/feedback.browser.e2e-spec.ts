import { DEMO_PASSWORD } from '../scripts/seed/demo-data.js';
import type { SeedContext } from '../scripts/seed/seed-context.js';
import { seedFeedback } from '../scripts/seed/seed-feedback.js';
import { pages } from '../scripts/screenshots/pages/feedback.js';
import {
  accessibilityViolations,
  type DemoBrowserWorld,
  LAPTOP,
  PHONE,
  snap,
  startDemoBrowserWorld,
} from './support/browser-world.js';

/*
 * The feedback pages on the demo data (Tangier 2027), as `npm run screenshots` shows them:
 * every page of scripts/screenshots/pages/feedback.ts opens for its viewer, with no
 * axe-core violation and nothing wider than the screen; then Awa answers the week's
 * anonymous form on a phone by tapping, with no script needed.
 */
describe('the feedback pages on the demo data', () => {
  let w: DemoBrowserWorld;

  beforeAll(async () => {
    w = await startDemoBrowserWorld('feedback_pages_demo');
    // Idempotent: the feedback step run again adds no second set of forms or answers.
    const { rows } = await w.demoDb.query(`SELECT id FROM events WHERE slug = 'tangier-2027'`);
    const before = await counts();
    await seedFeedback({
      ds: {
        query: async (sql: string, params?: unknown[]) => (await w.demoDb.query(sql, params)).rows,
      },
      eventId: (rows[0] as { id: string }).id,
    } as unknown as SeedContext);
    expect(await counts()).toEqual(before);
  });
  const counts = async () =>
    (
      await w.demoDb.query(
        `SELECT (SELECT count(*)::int FROM feedback_forms) AS forms,
                (SELECT count(*)::int FROM feedback_responses) AS responses,
                (SELECT count(*)::int FROM feedback_respondents) AS respondents`,
      )
    ).rows[0] as Record<string, number>;

  afterAll(async () => {
    await w?.close();
  });

  it('seeds three forms once, the week’s anonymous without names or times', async () => {
    const { rows } = await w.demoDb.query(
      `SELECT f.anonymous, s.kind, count(r.id)::int AS answers,
              count(r.account_id)::int AS named, count(r.submitted_at)::int AS timed
         FROM feedback_forms f JOIN events e ON e.id = f.event_id
         LEFT JOIN sessions s ON s.id = f.session_id
         LEFT JOIN feedback_responses r ON r.form_id = f.id
        WHERE e.slug = 'tangier-2027' GROUP BY f.id, s.kind ORDER BY s.kind NULLS FIRST`,
    );
    const forms = rows as Array<{
      anonymous: boolean;
      kind: string | null;
      answers: number;
      named: number;
      timed: number;
    }>;
    expect(forms.map((f) => [f.kind, f.anonymous])).toEqual([
      [null, true],
      ['site_visit', false],
      ['workshop', false],
    ]);
    for (const f of forms) {
      expect(f.answers).toBeGreaterThan(0);
      expect(f.named).toBe(f.anonymous ? 0 : f.answers);
      expect(f.timed).toBe(f.anonymous ? 0 : f.answers);
    }
  });

  it('opens every listed page for its demo viewer, accessible and without overflow', async () => {
    const problems: string[] = [];
    for (const p of pages) {
      // Participants on a phone, organisers on a laptop, the results at both: a lean run.
      for (const width of p.widths ?? (p.as === 'organiser' ? ['laptop'] : ['phone'])) {
        const viewport = width === 'phone' ? { ...PHONE, width: 390 } : LAPTOP;
        const { page, status } = await w.open(p, viewport);
        if (status !== 200) problems.push(`${p.name}: ${status}`);
        for (const v of await accessibilityViolations(page)) problems.push(`${p.name}: ${v}`);
        const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
        if (scroll > viewport.width) problems.push(`${p.name} (${width}): ${scroll}px wide`);
        await snap(page, `feedback-${p.name}-${width}`);
        await page.close();
      }
    }
    expect(problems).toEqual([]);
  }, 300_000);

  it('lets Awa answer the week’s anonymous form on a phone, by tapping the labels', async () => {
    const { context, page } = await w.newPage({
      viewport: { ...PHONE, width: 390 },
      locale: 'fr-FR',
      javaScriptEnabled: false,
    });
    await page.goto('/signin');
    await page.locator('#password-form input[name=email]').fill('awa@convene.demo');
    await page.locator('#password-form input[name=password]').fill(DEMO_PASSWORD);
    await page.locator('#password-form button[type=submit]').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
    await page.goto('/e/tangier-2027/feedback?lang=fr');
    await page.getByRole('link', { name: 'La semaine de Tanger en quelques mots' }).click();
    await page.getByText('les organisateurs ne sauront pas qui a répondu').waitFor();
    await page.getByRole('radio', { name: '4' }).check();
    await page.getByRole('radio', { name: 'Peut-être' }).check();
    await page.getByRole('textbox').fill('Plus de temps entre les sessions');
    await page.getByRole('button', { name: 'Envoyer mes réponses' }).click();
    await page.getByText('Merci : vos réponses sont enregistrées.').waitFor();
    await snap(page, 'feedback-thanks-phone');
    const { rows } = await w.demoDb.query(
      `SELECT count(*)::int AS n FROM feedback_answers WHERE text = 'Plus de temps entre les sessions'`,
    );
    expect((rows[0] as { n: number }).n).toBe(1);
    await context.close();
  }, 120_000);
});
