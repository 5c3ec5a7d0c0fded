import { DataSource } from 'typeorm';
import type { Actor } from '#core';
import { EventAccess, Event } from '#events';
import { createEvent, loginAdmin, signup, type Session } from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/*
 * EventAccess reads the event with one hand-written statement (every event request
 * passes there). It must give the very entity the repository gives, column for column,
 * dates, jsonb and arrays included, and keep drafts from strangers.
 */
describe('EventAccess load', () => {
  let t: TestApp;
  let admin: Session;

  beforeAll(async () => {
    t = await startTestApp('event-access-load');
    admin = await loginAdmin(t);
  });
  afterAll(() => t.close());

  it('gives the entity the repository gives, and 404 on a draft to a stranger', async () => {
    const created = await createEvent(
      t,
      admin,
      {
        name: 'Rencontre de Tanger 2027',
        registrationOpensAt: '2027-03-01T09:00',
        registrationClosesAt: '2027-10-01T18:00:00+01:00',
      },
      { publish: false },
    );
    const access = t.app.get(EventAccess);
    const repo = t.app.get(DataSource).getRepository(Event);
    const expected = await repo.findOneByOrFail({ id: created.id });
    const actor: Actor = { accountId: admin.id, platformRole: 'admin' };
    const { event, roles } = await access.standing(actor, created.id);
    expect(event).toBeInstanceOf(Event);
    expect(event).toEqual(expected);
    expect(typeof event.startDate).toBe('string');
    expect(event.registrationOpensAt).toBeInstanceOf(Date);
    expect(roles).toEqual(['organiser']);

    const stranger = await signup(t, { email: 'stranger@convene.test' });
    await expect(
      access.requireVisible({ accountId: stranger.id, platformRole: 'member' }, created.id),
    ).rejects.toThrow('Event not found');

    // By slug (every /e/<slug> page): the same entity in one statement, the same 404s.
    expect(await access.requireVisibleBySlug(actor, expected.slug)).toEqual(expected);
    const strangerActor: Actor = { accountId: stranger.id, platformRole: 'member' };
    for (const slug of [expected.slug, 'no-such-event', 'Not A Slug', "x' OR '1'='1"])
      await expect(access.requireVisibleBySlug(strangerActor, slug)).rejects.toThrow(
        'Event not found',
      );
  });
});
