/**
 * Writes the API's OpenAPI document (the one /docs-json serves) to a file, without a
 * database, Redis or a listening port: Nest's preview mode builds the module graph and
 * reads the decorators but instantiates nothing.
 *   node --conditions=convene-source --import ./scripts/openapi/register.mjs \
 *     scripts/openapi/write-spec.ts var/openapi.json
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '#core';
import { AppModule } from '../../apps/api/src/app.module.js';
import { buildOpenApiDocument } from '../../apps/api/src/http/openapi/document.js';
import { webPrefixExclusions } from '../../apps/web/src/index.js';

const out = process.argv[2] ?? 'var/openapi.json';
const config = loadConfig({ ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent' });
const app = await NestFactory.create(AppModule.forRoot(config), {
  preview: true,
  logger: false,
  abortOnError: false,
});
app.setGlobalPrefix('api', { exclude: webPrefixExclusions() });
writeFileSync(out, JSON.stringify(buildOpenApiDocument(app), null, 2));
await app.close();
process.stdout.write(`OpenAPI document written to ${out}\n`);
