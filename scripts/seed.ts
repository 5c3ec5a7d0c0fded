import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { type AppConfig, dataSourceOptions, FieldCipher, loadConfig } from '#core';
import {
  DEMO_EVENT,
  DEMO_ORGANISER,
  DEMO_PARTICIPANTS,
  DEMO_PASSWORD,
  DEMO_PREVIOUS_EVENT,
} from './seed/demo-data.js';
import { seedFoundation } from './seed/seed-foundation.js';
import { SEED_STEPS } from './seed/steps.js';

/** What the seed needs of the app's config: its database, and the key of encrypted fields. */
export type SeedConfig = Pick<AppConfig, 'databaseUrl' | 'dataEncryptionKey'>;

/** The demo data; running it twice changes nothing. */
export async function seed(config: SeedConfig): Promise<void> {
  const ds = new DataSource(dataSourceOptions(config.databaseUrl));
  await ds.initialize();
  try {
    const ctx = {
      ...(await seedFoundation(ds)),
      fieldCipher: new FieldCipher(config.dataEncryptionKey),
    };
    for (const step of SEED_STEPS) await step.run(ctx);
    // The planner's statistics still describe the empty tables the migrations made until
    // autovacuum reaches them (never, where it is off): a demo opened at once planned its
    // pages for empty tables (a participant's travel page walked every account per row).
    await ds.query('ANALYZE');
  } finally {
    await ds.destroy();
  }
}

async function main(): Promise<void> {
  const config = loadConfig();
  if (config.nodeEnv === 'production') {
    // The demo's logins share one published password: never on a real deployment.
    console.error(
      'Refusing to seed the demo data with NODE_ENV=production: its accounts share a ' +
        'published password. Run the demo on a laptop with scripts/demo.sh.',
    );
    process.exit(1);
  }
  await seed(config);
  console.log(`Seeded the demo meeting "${DEMO_EVENT.name}" (slug ${DEMO_EVENT.slug}),`);
  console.log(`and its previous edition "${DEMO_PREVIOUS_EVENT.name}" (archived).`);
  console.log(`Demo logins (password ${DEMO_PASSWORD}):`);
  console.log(`  organiser   ${DEMO_ORGANISER.email}`);
  for (const p of DEMO_PARTICIPANTS) console.log(`  participant ${p.email}`);
  if (config.adminEmail)
    console.log(`  admin       ${config.adminEmail} (password from ADMIN_PASSWORD)`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
