import { DataSource } from 'typeorm';
import { createEvent, createOrganisation, type Session } from './factories.js';
import { registrationBody } from './registration-fixtures.js';
import type { TestApp } from './test-app.js';

/** One of everything, owned by `owner` (registration, sign-up) or `admin` (the rest). */
export interface World {
  event: string;
  organisation: string;
  registration: string;
  room: string;
  session: string;
  signup: string;
  account: string;
  message: string;
}

export interface DocumentedOperation {
  template: string;
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  op: {
    parameters?: Array<{ name: string; in: 'path' | 'query' }>;
    requestBody?: { content: Record<string, { schema: unknown }> };
  };
}

/** For the tests that walk the whole API: a published event with a session someone holds. */
export async function buildWorld(t: TestApp, admin: Session, owner: Session): Promise<World> {
  const org = await createOrganisation(t, admin);
  const event = await createEvent(t, admin);
  const registration = await t
    .http()
    .post(`/api/events/${event.id}/registrations`)
    .set(owner.auth)
    .send(
      registrationBody(org.id, { emergencyContact: { name: 'Mariam', phone: '+226 70 00 00 00' } }),
    )
    .expect(201);
  const room = await t
    .http()
    .post(`/api/events/${event.id}/rooms`)
    .set(admin.auth)
    .send({ name: 'Salle A', capacity: 30 })
    .expect(201);
  const session = await t
    .http()
    .post(`/api/events/${event.id}/sessions`)
    .set(admin.auth)
    .send({
      kind: 'workshop',
      title: 'Atelier',
      startsAt: '2027-10-26T09:00',
      endsAt: '2027-10-26T10:00',
      roomId: room.body.id,
      capacity: 10,
      signupRequired: true,
    })
    .expect(201);
  await t
    .http()
    .post(`/api/events/${event.id}/agenda/publish`)
    .set(admin.auth)
    .expect((r) => expect(r.status).toBeLessThan(300));
  const signup = await t
    .http()
    .post(`/api/sessions/${session.body.id}/signups`)
    .set(owner.auth)
    .send({})
    .expect(201);
  const [message] = (await t.app
    .get(DataSource)
    .query(`SELECT id FROM messages LIMIT 1`)) as Array<{
    id: string;
  }>;
  return {
    event: event.id,
    organisation: org.id,
    registration: registration.body.id,
    room: room.body.id,
    session: session.body.id,
    signup: signup.body.id,
    account: owner.id,
    message: message?.id ?? '00000000-0000-4000-8000-000000000000',
  };
}

/** Every operation of the OpenAPI document, but login and signup (rate limits would dominate). */
export async function documentedOperations(t: TestApp): Promise<DocumentedOperation[]> {
  const doc = (await t.http().get('/docs-json').expect(200)).body as {
    paths: Record<string, Record<string, DocumentedOperation['op']>>;
  };
  return Object.entries(doc.paths).flatMap(([template, methods]) =>
    template.startsWith('/api/auth/')
      ? []
      : Object.entries(methods).map(([method, op]) => ({
          template,
          method: method as DocumentedOperation['method'],
          op,
        })),
  );
}

/** The path with real ids: `:id` by the resource it follows, other names by their own. */
export function fillPath(template: string, world: World): string {
  const resource = template.split('/')[2];
  return template.replace(/\{(\w+)\}/g, (_m, name: string) => {
    if (name === 'id') {
      const byResource: Record<string, string> = {
        events: world.event,
        organisations: world.organisation,
        registrations: world.registration,
        sessions: world.session,
        accounts: world.account,
        messages: world.message,
      };
      return byResource[resource] ?? world.event;
    }
    const byName: Record<string, string> = {
      roomId: world.room,
      signupId: world.signup,
      accountId: world.account,
      role: 'organiser',
    };
    return byName[name] ?? world.event;
  });
}
