import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { type Actor, DomainError } from '#core';
import { AnnouncementsService, type CreateAnnouncementDto } from '#messaging';
import {
  createEvent,
  createOrganisation,
  loginAdmin,
  type Session,
  signup,
} from './support/factories.js';
import { registrationBody } from './support/registration-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/*
 * AnnouncementsService's organiser tools behind the console pages: audience counts and
 * fallbacks before sending, an idempotent send, delivery progress, and "retry all failed"
 * that touches only the failed emails of that one announcement.
 */
describe('AnnouncementsService: audiences, idempotent sends, progress, retry all failed', () => {
  let t: TestApp;
  let ds: DataSource;
  let service: AnnouncementsService;
  let organiser: Actor;
  let stranger: Actor;
  let event: { id: string };
  let otherEvent: { id: string };

  const actor = (s: Session): Actor => ({ accountId: s.id, platformRole: 'member' });
  // Sent in fewer languages than the audience reads, as the organiser confirmed.
  const dto = (subject: Record<string, string>, audience = 'confirmed') =>
    ({ subject, body: subject, audience, allowFallback: true }) as unknown as CreateAnnouncementDto;

  beforeAll(async () => {
    t = await startTestApp('console_messages_service');
    ds = t.app.get(DataSource);
    service = t.app.get(AnnouncementsService);
    const admin = await loginAdmin(t);
    const org = await createOrganisation(t, admin, { country: 'PE' });
    const organiserSession = await signup(t, { name: 'Olivia Organiser' });
    organiser = actor(organiserSession);
    stranger = actor(await signup(t, { name: 'Sam Stranger' }));
    event = await createEvent(t, admin, { capacity: 3, languages: ['es', 'fr', 'en'] });
    otherEvent = await createEvent(t, admin, { languages: ['en'] });
    for (const e of [event, otherEvent]) {
      await t
        .http()
        .post(`/api/events/${e.id}/staff`)
        .set(admin.auth)
        .send({ accountId: organiserSession.id, role: 'organiser' })
        .expect((r) => expect(r.status).toBeLessThan(300));
    }
    // Three confirmed (es, fr, en) and one waitlisted (fr), in both events.
    for (const locale of ['es', 'fr', 'en', 'fr']) {
      const person = await signup(t, { locale, organisationId: org.id });
      for (const e of [event, otherEvent]) {
        await t
          .http()
          .post(`/api/events/${e.id}/registrations`)
          .set(person.auth)
          .send(registrationBody(org.id))
          .expect(201);
      }
    }
  });
  afterAll(() => t.close());

  it('counts an audience by language and says who falls back to what', async () => {
    const before = await service.audience(organiser, event.id, { audience: 'confirmed' });
    expect(before).toMatchObject({ recipients: 3, byReaderLocale: { es: 1, fr: 1, en: 1 } });
    expect(before.fallbacks).toEqual([]);
    // Only English written: the Spanish and French readers get English.
    const enOnly = await service.audience(organiser, event.id, { audience: 'all' }, ['en']);
    expect(enOnly).toMatchObject({ recipients: 4, byLocale: { en: 4, fr: 0, es: 0 } });
    expect(enOnly.fallbacks).toEqual(
      expect.arrayContaining([
        { from: 'es', to: 'en', recipients: 1 },
        { from: 'fr', to: 'en', recipients: 2 },
      ]),
    );
    // French and English written: the Spanish reader gets the event's first written language.
    const frEn = await service.audience(organiser, event.id, { audience: 'confirmed' }, [
      'fr',
      'en',
    ]);
    expect(frEn.fallbacks).toEqual([{ from: 'es', to: 'fr', recipients: 1 }]);
    const choices = await service.audienceChoices(organiser, event.id);
    expect(choices.audiences.map((a) => [a.audience, a.recipients])).toEqual([
      ['confirmed', 3],
      ['waitlisted', 1],
      ['all', 4],
    ]);
    expect(choices.countries).toEqual([{ country: 'PE', recipients: 4 }]);
  });

  it('writes one announcement for one id, however often it is sent', async () => {
    const id = randomUUID();
    const first = await service.announce(organiser, event.id, dto({ en: 'Hello' }), id);
    const again = await Promise.all([
      service.announce(organiser, event.id, dto({ en: 'Hello' }), id),
      service.announce(organiser, event.id, dto({ en: 'Hello' }), id.toUpperCase()),
    ]);
    expect(first).toMatchObject({ announcementId: id, recipients: 3 });
    expect(again.map((r) => r.announcementId)).toEqual([id, id]);
    const [{ n }] = await ds.query(
      `SELECT count(*)::int AS n FROM messages WHERE payload->>'announcementId' = $1`,
      [id],
    );
    expect(n).toBe(3);
    // The same id on another event is that event's own announcement: nothing blocks it.
    await service.announce(organiser, otherEvent.id, dto({ en: 'Hello' }), id);
    const [{ other }] = await ds.query(
      `SELECT count(*)::int AS other FROM messages WHERE payload->>'announcementId' = $1 AND event_id = $2`,
      [id, otherEvent.id],
    );
    expect(other).toBe(4); // everyone is confirmed there (no capacity limit reached)
    await expect(
      service.announce(organiser, event.id, dto({ en: 'x' }), 'not-a-uuid'),
    ).rejects.toBeInstanceOf(DomainError);
    // The same id with other words, or to other people, is refused: not silently nothing.
    await expect(
      service.announce(organiser, event.id, dto({ en: 'Hello again' }), id),
    ).rejects.toMatchObject({ code: 'conflict', details: { field: 'announcementId' } });
    await expect(
      service.announce(organiser, event.id, dto({ en: 'Hello' }, 'all'), id),
    ).rejects.toMatchObject({ code: 'conflict' });
  });

  it('reports progress and retries only the failed emails of that announcement', async () => {
    const target = await service.announce(organiser, event.id, dto({ en: 'Bus', es: 'Bus' }));
    const bystander = await service.announce(organiser, event.id, dto({ en: 'Other' }));
    // Two failures in the target, one in another announcement, one on the other event.
    await ds.query(
      `UPDATE messages SET status = 'failed', attempts = 4, last_error = '550 no such user'
        WHERE id IN (SELECT id FROM messages WHERE payload->>'announcementId' = $1 LIMIT 2)
           OR id IN (SELECT id FROM messages WHERE payload->>'announcementId' = $2 LIMIT 1)`,
      [target.announcementId, bystander.announcementId],
    );
    await ds.query(
      `UPDATE messages SET status = 'sent', sent_at = now() WHERE payload->>'announcementId' = $1
          AND status = 'queued'`,
      [target.announcementId],
    );
    const progress = await service.progress(organiser, event.id, target.announcementId);
    expect(progress).toMatchObject({
      total: 3,
      sent: 1,
      failed: 2,
      queued: 0,
      audience: 'confirmed',
      subjects: { en: 'Bus', es: 'Bus' },
      // The French reader gets Spanish, the event's first language written.
      byLocale: { en: 1, es: 2 },
    });

    await expect(
      service.retryFailed(stranger, event.id, target.announcementId),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      service.retryFailed(organiser, otherEvent.id, target.announcementId),
    ).rejects.toMatchObject({ code: 'not_found' });
    expect(await service.retryFailed(organiser, event.id, target.announcementId)).toEqual({
      requeued: 2,
    });
    expect(await service.retryFailed(organiser, event.id, target.announcementId)).toEqual({
      requeued: 0,
    });
    const after = await service.progress(organiser, event.id, target.announcementId);
    expect(after).toMatchObject({ failed: 0, queued: 2, sent: 1 });
    const bystanderAfter = await service.progress(organiser, event.id, bystander.announcementId);
    expect(bystanderAfter.failed).toBe(1);
    const list = await service.list(organiser, event.id);
    expect(list.map((a) => a.announcementId)).toEqual(
      expect.arrayContaining([target.announcementId, bystander.announcementId]),
    );
    await expect(service.list(stranger, event.id)).rejects.toMatchObject({ code: 'forbidden' });
  });
});
