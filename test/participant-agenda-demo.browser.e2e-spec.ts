import { pages } from '../scripts/screenshots/pages/participant-agenda.js';
import {
  accessibilityViolations,
  type DemoBrowserWorld,
  LAPTOP,
  PHONE,
  snap,
  startDemoBrowserWorld,
} from './support/browser-world.js';

/*
 * The agenda pages on the demo data, as `npm run screenshots` shows them: every page of
 * scripts/screenshots/pages/participant-agenda.ts opens for its viewer (200), with no
 * axe-core violation, within the width of a phone.
 */
describe('the agenda pages on the demo data', () => {
  let w: DemoBrowserWorld;

  beforeAll(async () => {
    w = await startDemoBrowserWorld('participant_agenda_demo');
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
    // One test walks every page with axe-core: 3 minutes in a full run, more on a busy
    // machine; the limit is a guard against a hang, not a speed target.
  }, 600_000);
});
