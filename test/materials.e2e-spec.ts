import { zipSync, strToU8 } from 'fflate';
import type { Response } from 'supertest';
import { register, sessionBody } from './support/agenda-fixtures.js';
import { createEvent, createOrganisation, loginAdmin, type Session } from './support/factories.js';
import { fastAccounts } from './support/registration-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** supertest buffers a binary answer only when asked to. */
const binary = (res: Response, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const EXE = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(64)]);
const HTML = Buffer.from('<!doctype html><script>alert(document.cookie)</script>');
const officeZip = (mainType: string) =>
  Buffer.from(
    zipSync({
      '[Content_Types].xml': strToU8(
        `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/ppt/presentation.xml" ContentType="${mainType}"/></Types>`,
      ),
      'ppt/presentation.xml': strToU8('<p:presentation/>'),
    }),
  );
const PPTX = officeZip(
  'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml',
);
const PLAIN_ZIP = Buffer.from(zipSync({ 'notes.txt': strToU8('hello') }));

describe('shared materials: upload, who reads them, refused files', () => {
  let t: TestApp;
  let admin: Session;
  let organiser: Session;
  let participant: Session;
  let waitlisted: Session;
  let facilitator: Session;
  let otherParticipant: Session;
  let otherOrganiser: Session;
  let stranger: Session;
  let eventId: string;
  let otherEventId: string;
  let sessionId: string;
  let guideId: string;

  beforeAll(async () => {
    t = await startTestApp('materials');
    admin = await loginAdmin(t);
    const org = await createOrganisation(t, admin, { name: 'Kogl Taaba', country: 'BF' });
    [organiser, participant, waitlisted, facilitator, otherParticipant, otherOrganiser, stranger] =
      await fastAccounts(t, 7, { organisationId: org.id, prefix: 'materials' });
    eventId = (await createEvent(t, admin, { capacity: 1 })).id;
    otherEventId = (await createEvent(t, admin)).id;
    const staff = async (event: string, who: Session, role: string) =>
      t
        .http()
        .post(`/api/events/${event}/staff`)
        .set(admin.auth)
        .send({ accountId: who.id, role })
        .expect(201);
    await staff(eventId, organiser, 'organiser');
    await staff(eventId, facilitator, 'facilitator');
    await staff(otherEventId, otherOrganiser, 'organiser');
    await register(t, eventId, participant, org.id);
    const wait = await t
      .http()
      .post(`/api/events/${eventId}/registrations`)
      .set(waitlisted.auth)
      .send({
        organisationId: org.id,
        profession: 'social_worker',
        languages: ['fr'],
        consent: { dataProcessing: true },
      })
      .expect(201);
    expect(wait.body.status).toBe('waitlisted');
    await register(t, otherEventId, otherParticipant, org.id);
    sessionId = (
      await t
        .http()
        .post(`/api/events/${eventId}/sessions`)
        .set(admin.auth)
        .send(sessionBody({ title: 'Atelier parentalité', facilitatorIds: [facilitator.id] }))
        .expect(201)
    ).body.id;
  });
  afterAll(() => t.close());

  const upload = (as: Session, file: Buffer, name: string, fields: Record<string, string> = {}) => {
    let req = t.http().post(`/api/events/${eventId}/materials`).set(as.auth);
    for (const [k, v] of Object.entries(fields)) req = req.field(k, v);
    return req.attach('file', file, name);
  };

  it('lets an organiser share a PDF guide; the type comes from the bytes', async () => {
    const res = await upload(organiser, PDF, 'Guide du participant – Tanger.pdf', {
      title: 'Guide du participant',
    }).expect(201);
    expect(res.body).toMatchObject({
      title: 'Guide du participant',
      fileName: 'Guide du participant – Tanger.pdf'.replace('– ', ''),
      contentType: 'application/pdf',
      sizeBytes: PDF.length,
      sessionId: null,
      canDelete: true,
    });
    guideId = res.body.id;
  });

  it('lets a facilitator share slides for their session, not for the whole event', async () => {
    const slides = await upload(facilitator, PPTX, 'slides.pptx', { sessionId }).expect(201);
    expect(slides.body).toMatchObject({
      sessionId,
      sessionTitle: 'Atelier parentalité',
      contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
      fileName: 'slides.pptx',
    });
    await upload(facilitator, PDF, 'event.pdf').expect(403);
    await upload(participant, PDF, 'mine.pdf').expect(403);
    await upload(otherOrganiser, PDF, 'theirs.pdf').expect(404);
    await upload(organiser, PDF, 'x.pdf', { sessionId: '00000000-0000-4000-8000-000000000000' })
      .expect(400)
      .expect((r) => expect(r.body.details.field).toBe('sessionId'));
  });

  it('lists them to confirmed and waitlisted participants and staff', async () => {
    for (const who of [participant, waitlisted, facilitator, organiser]) {
      const res = await t.http().get(`/api/events/${eventId}/materials`).set(who.auth).expect(200);
      expect(res.body).toHaveLength(2);
    }
    const mine = await t.http().get(`/api/events/${eventId}/materials`).set(participant.auth);
    expect(mine.body.every((m: { canDelete: boolean }) => !m.canDelete)).toBe(true);
    const only = await t
      .http()
      .get(`/api/events/${eventId}/materials?sessionId=${sessionId}`)
      .set(participant.auth)
      .expect(200);
    expect(only.body.map((m: { fileName: string }) => m.fileName)).toEqual(['slides.pptx']);
  });

  it('downloads as an attachment with a safe RFC 5987 name and nosniff', async () => {
    const res = await t
      .http()
      .get(`/api/materials/${guideId}/download`)
      .set(participant.auth)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(Buffer.compare(res.body as Buffer, PDF)).toBe(0);
    expect(res.headers['content-type']).toMatch(/^application\/pdf/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const disposition = res.headers['content-disposition'] as string;
    expect(disposition).toMatch(/^attachment; filename="Guide du participant Tanger\.pdf"/);
    expect(disposition).toContain("filename*=UTF-8''Guide%20du%20participant%20Tanger.pdf");
  });

  it("is a 404 for another event's participant, its organiser and a stranger", async () => {
    for (const who of [otherParticipant, otherOrganiser, stranger]) {
      await t.http().get(`/api/events/${eventId}/materials`).set(who.auth).expect(404);
      await t.http().get(`/api/materials/${guideId}/download`).set(who.auth).expect(404);
      await t.http().delete(`/api/materials/${guideId}`).set(who.auth).expect(404);
    }
    await t.http().get(`/api/materials/${guideId}/download`).expect(401);
  });

  it("refuses an oversize file with a message naming the field, in the reader's language", async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(20 * 1024 * 1024)]);
    const res = await upload(organiser, big, 'huge.pdf').expect(413);
    expect(res.body.code).toBe('payload_too_large');
    expect(res.body.details).toMatchObject({ field: 'file', code: 'file_too_large' });
    expect(res.body.message).toBe('file must be at most 20 MB');
  });

  it('refuses a disguised file (an .exe or an HTML page named .pdf, a plain zip named .pptx)', async () => {
    for (const [bytes, name] of [
      [EXE, 'guide.pdf'],
      [HTML, 'guide.pdf'],
      [PLAIN_ZIP, 'slides.pptx'],
    ] as const) {
      const res = await upload(organiser, bytes, name).expect(400);
      expect(res.body.details).toMatchObject({ field: 'file', code: 'file_type' });
      expect(res.body.message).toMatch(/^file is not a PDF, Word, PowerPoint, Excel, PNG or JPEG/);
    }
    const fr = await upload(organiser, EXE, 'guide.pdf').set('Accept-Language', 'fr').expect(400);
    expect(fr.body.message).toContain('file');
    expect(fr.body.message).not.toMatch(/is not a PDF/);
    const none = await t.http().post(`/api/events/${eventId}/materials`).set(organiser.auth);
    expect(none.status).toBe(400);
    expect(none.body.details.field).toBe('file');
  });

  it('lets the facilitator delete their slides but not the guide; the organiser deletes the guide', async () => {
    const list = await t.http().get(`/api/events/${eventId}/materials`).set(facilitator.auth);
    const slides = list.body.find((m: { sessionId: string | null }) => m.sessionId === sessionId);
    expect(slides.canDelete).toBe(true);
    await t.http().delete(`/api/materials/${guideId}`).set(facilitator.auth).expect(403);
    await t.http().delete(`/api/materials/${guideId}`).set(participant.auth).expect(403);
    await t.http().delete(`/api/materials/${slides.id}`).set(facilitator.auth).expect(204);
    await t.http().delete(`/api/materials/${guideId}`).set(organiser.auth).expect(204);
    await t.http().get(`/api/materials/${guideId}/download`).set(participant.auth).expect(404);
    const after = await t.http().get(`/api/events/${eventId}/materials`).set(participant.auth);
    expect(after.body).toEqual([]);
  });
});
