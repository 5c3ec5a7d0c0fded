import type { SeedContext } from './seed-context.js';

/** Who answers the Tangier 2027 emails (their Reply-To and signature). Illustrative address. */
export const DEMO_CONTACT_EMAIL = 'contact@cop-tanger2027.example';

/**
 * The demo event's organisers' contact, so every Tangier email answers to it and is
 * signed with it. Idempotent: setting the same address again changes nothing.
 */
export async function seedMail(ctx: SeedContext): Promise<void> {
  await ctx.ds.query(
    `UPDATE events SET contact_email = $2 WHERE id = $1 AND contact_email IS DISTINCT FROM $2`,
    [ctx.eventId, DEMO_CONTACT_EMAIL],
  );
}
