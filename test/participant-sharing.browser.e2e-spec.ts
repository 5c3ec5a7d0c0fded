import { pages } from '../scripts/screenshots/pages/participant-sharing.js';
import {
  accessibilityViolations,
  type DemoBrowserWorld,
  LAPTOP,
  PHONE,
  snap,
  startDemoBrowserWorld,
} from './support/browser-world.js';

/*
 * The shared documents and the directory on the demo data (Tangier 2027), as `npm run
 * screenshots` shows them: every page of scripts/screenshots/pages/participant-sharing.ts
 * opens for its viewer (200), with no axe-core violation, within the width of a phone.
 */
describe('the sharing pages on the demo data', () => {
  let w: DemoBrowserWorld;

  beforeAll(async () => {
    w = await startDemoBrowserWorld('participant_sharing');
  });
  afterAll(async () => {
    await w?.close();
  });

  it('opens every listed page for its demo viewer, accessible and without overflow', async () => {
    const problems: string[] = [];
    for (const p of pages) {
      for (const width of p.widths ?? ['phone', 'laptop']) {
        const viewport = width === 'phone' ? PHONE : LAPTOP;
        const { page, status } = await w.open(p, viewport);
        if (status !== 200) problems.push(`${p.name}: ${status}`);
        for (const v of await accessibilityViolations(page)) problems.push(`${p.name}: ${v}`);
        const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
        if (scroll > viewport.width) problems.push(`${p.name} (${width}): ${scroll}px wide`);
        await snap(page, `demo-${p.name}-${width}`);
        await page.close();
      }
    }
    expect(problems).toEqual([]);
    // The directory shows the long Arabic and Vietnamese names of the demo.
    const { rows } = await w.demoDb.query(
      `SELECT count(*)::int AS n FROM directory_listings d JOIN events e ON e.id = d.event_id
        WHERE e.slug = 'tangier-2027'`,
    );
    expect((rows[0] as { n: number }).n).toBe(12);
  }, 300_000);
});
