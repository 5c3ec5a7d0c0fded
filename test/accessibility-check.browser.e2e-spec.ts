import { type Browser, chromium } from 'playwright-core';
import { accessibilityViolations, CHROMIUM } from './support/browser-world.js';

/*
 * The accessibility check every browser test relies on finds what it should: a page
 * with an image without text, a field without a label and grey-on-white text fails it;
 * the same page mended passes. Otherwise a check that finds nothing would pass them all.
 */

let browser: Browser;

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
});

afterAll(async () => {
  await browser?.close();
});

const page = (body: string) =>
  `<!doctype html><html lang="en"><head><title>Check</title></head><body><main>${body}</main></body></html>`;

it('reports an image without text, an unlabelled field and faint text, and passes them mended', async () => {
  const tab = await browser.newPage();
  try {
    await tab.setContent(
      page(
        '<h1>Registration</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><input name="phone"><p style="color:#bbb">Seats left</p>',
      ),
    );
    const found = (await accessibilityViolations(tab)).map((v) => v.split(':')[0]);
    expect(found).toEqual(expect.arrayContaining(['image-alt', 'label', 'color-contrast']));

    await tab.setContent(
      page(
        '<h1>Registration</h1><img alt="Logo" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><label>Phone <input name="phone"></label><p style="color:#555">Seats left</p>',
      ),
    );
    expect(await accessibilityViolations(tab)).toEqual([]);
  } finally {
    await tab.close();
  }
});
