import { DataSource } from 'typeorm';
import { FieldCipher, loadConfig } from '#core';
import { DEMO_PASSWORD } from '../scripts/seed/demo-data.js';
import { seedExchanges } from '../scripts/seed/seed-exchanges.js';
import { seedFoundation } from '../scripts/seed/seed-foundation.js';
import { startTestApp, TEST_ADMIN, type TestApp } from './support/test-app.js';
import { WebClient } from './support/web-client.js';

/*
 * The console as an immersion's host sees it, on the demo's exchanges: the host
 * organisation's staff open the agenda pages, and the frame's menu lists only pages
 * that open for them (the organisers' sections would refuse them). The visitors page's
 * crumb names the immersion.
 */
let t: TestApp;
let ds: DataSource;
let visitA: { eventId: string; exchangeId: string; name: string };

const signedIn = async (email: string, password = DEMO_PASSWORD) => {
  const web = new WebClient(t);
  await web.signIn(email, password);
  return web;
};

/** The links of the console frame: its crumb and its section menu. */
const frameLinks = (html: string) => {
  const crumbs = /<p class="console-crumbs[^"]*">([\s\S]*?)<\/p>/.exec(html)?.[1] ?? '';
  const nav = /<nav[^>]*class="console-nav[^"]*">([\s\S]*?)<\/nav>/.exec(html)?.[1] ?? '';
  return [...`${crumbs}${nav}`.matchAll(/href="([^"]+)"/g)].map((m) => m[1]);
};

beforeAll(async () => {
  t = await startTestApp('host_console');
  ds = t.app.get(DataSource);
  await seedExchanges({
    ...(await seedFoundation(ds)),
    fieldCipher: new FieldCipher(loadConfig().dataEncryptionKey),
  });
  // Kogl Taaba visits Solidarité Batoto: Batoto's staff are the hosts.
  [visitA] = (await ds.query(
    `SELECT x.event_id AS "eventId", x.id AS "exchangeId", e.name
       FROM exchanges x JOIN organisations o ON o.id = x.visiting_organisation_id
       JOIN events e ON e.id = x.event_id
      WHERE o.name = 'Kogl Taaba'`,
  )) as Array<typeof visitA>;
});

afterAll(async () => {
  await t?.close();
});

describe("the console's frame for an immersion's hosts", () => {
  it('lists only pages that open for the host: agenda, visitors, journal answers', async () => {
    const batoto = await signedIn('batoto@convene.demo');
    const agenda = await batoto.get(`/console/events/${visitA.eventId}/agenda?lang=en`);
    expect(agenda.status).toBe(200);
    const links = frameLinks(agenda.text);
    expect(links).toEqual([
      '/host',
      `/console/events/${visitA.eventId}/agenda`,
      `/exchanges/${visitA.exchangeId}/visitors`,
      `/host/events/${visitA.eventId}/journal`,
    ]);
    for (const href of links) {
      const res = await batoto.get(href);
      expect({ href, status: res.status }).toEqual({ href, status: 200 });
    }
    // A session's page (another agenda page) has the same menu.
    const form = await batoto.get(`/console/events/${visitA.eventId}/agenda/sessions/new`);
    expect(form.status).toBe(200);
    expect(frameLinks(form.text)).toEqual(links);
    // A session the host makes: every console link of the day's agenda (its session's page
    // among them) opens for them too.
    const made = await batoto.post(`/console/events/${visitA.eventId}/agenda/sessions/new`, {
      kind: 'family_workshop',
      title: 'Atelier avec les familles',
      day: '2026-03-10',
      startsAt: '14:00',
      endsAt: '16:00',
      roomId: '',
    });
    expect(made.status).toBe(303);
    const day = await batoto.get(made.headers.location as string);
    expect(day.status).toBe(200);
    const sessionHref = /href="(\/console\/events\/[^"]+\/agenda\/sessions\/[0-9a-f-]{36})"/.exec(
      day.text,
    )?.[1];
    expect(sessionHref).toBeDefined();
    const session = await batoto.get(sessionHref!);
    expect(session.status).toBe(200);
    const consoleLinks = [
      ...new Set(
        [...`${day.text}${session.text}`.matchAll(/href="(\/console\/[^"]+)"/g)].map((m) =>
          m[1]!.replace(/&amp;/g, '&'),
        ),
      ),
    ];
    expect(consoleLinks.length).toBeGreaterThan(2);
    for (const href of consoleLinks) {
      const res = await batoto.get(href);
      expect({ href, status: res.status }).toEqual({ href, status: 200 });
    }
    // What the organisers' menu would have offered refuses the host.
    expect((await batoto.get(`/console/events/${visitA.eventId}/registrations`)).status).toBe(404);
  });

  it("keeps the organisers' full menu for them", async () => {
    const admin = await signedIn(TEST_ADMIN.email, TEST_ADMIN.password);
    const agenda = await admin.get(`/console/events/${visitA.eventId}/agenda`);
    expect(agenda.status).toBe(200);
    const links = frameLinks(agenda.text);
    expect(links[0]).toBe('/console');
    expect(links).toContain(`/console/events/${visitA.eventId}/registrations`);
    expect(links).toContain(`/console/events/${visitA.eventId}/settings`);
  });
});

describe("the visitors page's crumb", () => {
  it('names the immersion, not only its dates', async () => {
    const batoto = await signedIn('batoto@convene.demo');
    // The demo's plain name is French (the English one says "at").
    const page = await batoto.get(`/exchanges/${visitA.exchangeId}/visitors?lang=fr`);
    expect(page.status).toBe(200);
    const crumb = /<p class="pa-crumbs">([\s\S]*?)<\/p>/.exec(page.text)?.[1] ?? '';
    expect(crumb.replace(/<[^>]+>/g, '').replace(/&#x27;|&#39;/g, "'")).toContain(visitA.name);
  });
});
