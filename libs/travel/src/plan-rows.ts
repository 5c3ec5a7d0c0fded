import type { EntityManager } from 'typeorm';
import { TravelPlan } from './travel-plan.entity.js';

/**
 * The registration's plan, created empty if needed, locked until the transaction ends:
 * two requests on one plan (two letter downloads, a PUT and a PATCH) take turns.
 */
export async function lockPlan(
  manager: EntityManager,
  registrationId: string,
  eventId: string,
): Promise<TravelPlan> {
  await manager.query(
    `INSERT INTO travel_plans (registration_id, event_id) VALUES ($1, $2)
     ON CONFLICT (registration_id) DO NOTHING`,
    [registrationId, eventId],
  );
  return manager
    .getRepository(TravelPlan)
    .findOneOrFail({ where: { registrationId }, lock: { mode: 'pessimistic_write' } });
}
