import { signup } from './support/factories.js';
import {
  accessibilityViolations,
  linkIn,
  PHONE,
  snap,
  startBrowserWorld,
  type BrowserWorld,
} from './support/browser-world.js';

describe('signing in from a phone, in a real browser', () => {
  let w: BrowserWorld;

  beforeAll(async () => {
    w = await startBrowserWorld('web_sign_in');
  });
  afterAll(() => w.close());

  it('Awa asks for a link in French, opens it from the real SMTP server and lands signed in', async () => {
    const awa = await signup(w.t, { name: 'Awa Traoré', locale: 'fr' });
    const { context, page } = await w.newPage({ viewport: PHONE, locale: 'fr-FR' });
    await page.goto('/signin?next=/');
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    expect(await accessibilityViolations(page)).toEqual([]);
    await snap(page, 'sign-in-fr-phone');

    await page.getByLabel('Adresse e-mail').first().fill(awa.email);
    await page.getByRole('button', { name: 'Recevoir un lien de connexion' }).click();
    await page.getByText('Consultez vos e-mails').waitFor();

    const mail = await w.mailTo(awa.email);
    const link = linkIn(mail, w.baseUrl);
    await page.goto(link);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Me connecter' }).click();
    await page.getByText('Vous êtes connecté·e.').waitFor();
    expect(await page.getByRole('button', { name: 'Se déconnecter' }).count()).toBe(1);

    // The same link does not work twice.
    const other = await w.newPage({ viewport: PHONE, locale: 'fr-FR' });
    await other.page.goto(link);
    await other.page.getByRole('button', { name: 'Me connecter' }).click();
    await other.page.getByText('Ce lien est invalide').waitFor();
    await other.context.close();
    await context.close();
  });

  it('shows form errors with JavaScript off, with the summary linked to the field', async () => {
    const { context, page } = await w.newPage({ javaScriptEnabled: false, locale: 'es-ES' });
    await page.goto('/signin');
    await page.locator('#password-form').getByLabel('Correo electrónico').fill('no es un correo');
    await page.locator('#password-form').getByRole('button', { name: 'Entrar' }).click();
    await page.getByText('Hay un problema').waitFor();
    expect(await page.locator('#f-pw-email').inputValue()).toBe('no es un correo');
    await snap(page, 'sign-in-errors-es-phone');
    await context.close();

    // axe needs JavaScript: the same page with it on, errors and all.
    const js = await w.newPage({ locale: 'es-ES' });
    await js.page.goto('/signin');
    await js.page.locator('#password-form').getByLabel('Correo electrónico').fill('x');
    await js.page.locator('#password-form').getByRole('button', { name: 'Entrar' }).click();
    await js.page.getByText('Hay un problema').waitFor();
    expect(await accessibilityViolations(js.page)).toEqual([]);
    await js.context.close();
  });
});
