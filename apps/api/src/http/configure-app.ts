import { type INestApplication } from '@nestjs/common';
import { type NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import compression from 'compression';
import helmet from 'helmet';
import type { Express } from 'express';
import type { Server } from 'node:http';
import type { Logger as Pino } from 'pino';
import { type AppConfig, createValidationPipe, verifyJsonDepth } from '#core';
import { webPrefixExclusions } from '../../../web/src/index.js';
import { compressionForAcceptingClients } from './compression-gate.js';
import { answerJsonDirectly } from './json-answers.js';
import { localiseApiErrors } from './localised-errors.js';
import { requestLog } from './request-log.js';
import { buildOpenApiDocument } from './openapi/document.js';

/**
 * Everything main.ts does to the app besides listening, shared with the e2e tests so
 * they exercise the same pipes, limits and headers as production.
 */
export function configureApp(app: INestApplication, config: AppConfig, logger: Pino): void {
  const express = app as NestExpressApplication;
  express.set('trust proxy', trustProxySetting(config.trustProxy));
  // Depth is checked on the raw bytes first: 10,000 nested arrays would overflow the
  // stack of every recursive walk after the parser (validation, transforms).
  // Nest's option type leaves `verify` out (it uses it for rawBody, which is off here).
  const jsonOptions = { limit: config.bodyLimit, verify: verifyJsonDepth };
  express.useBodyParser('json', jsonOptions);
  express.useBodyParser('urlencoded', { limit: config.bodyLimit, extended: false });
  const appResponse = (express.getHttpAdapter().getInstance() as Express).response;
  // Localisation wraps the JSON writer, so translated errors are written by it too.
  answerJsonDirectly(appResponse);
  localiseApiErrors(appResponse);
  app.use(requestLog(logger));
  // Participants read agendas and lists on weak mobile connections: gzip anything
  // worth it (JSON agendas shrink about tenfold).
  app.use(compressionForAcceptingClients(compression({ threshold: 1024 })));
  // The Swagger UI needs inline scripts; pages set their own strict policy (WebContextGuard).
  app.use(helmet({ contentSecurityPolicy: false, crossOriginEmbedderPolicy: false }));
  app.enableCors({
    origin: config.corsOrigins === '*' ? true : config.corsOrigins,
    exposedHeaders: ['x-request-id', 'Retry-After', 'Content-Disposition'],
  });
  app.setGlobalPrefix('api', { exclude: webPrefixExclusions() });
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  keepConnectionsOpen(app.getHttpServer() as Server);

  // Built on the first visit to /docs or /docs-json, not at start: the document and the
  // garbage of building it are memory the API would otherwise carry from its first second.
  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: 'docs-json',
  });
}

/**
 * Node closes a keep-alive connection 5 s after its last answer by default. A proxy
 * (nginx, a cloud load balancer) keeps its upstream connections longer and sends the
 * next request on one Node is closing: reset, a 502. And a process starved of CPU for
 * longer than that runs the timer before it reads a request already in the socket and
 * resets it (bench/scale, 40 requests in one rush). Longer than the proxies' idle
 * timeouts (60 s is common); headersTimeout stays above it, as Node's docs advise.
 */
export function keepConnectionsOpen(server: Server): void {
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
}

/** TRUST_PROXY as Express wants it: a hop count, true/false, or addresses and subnets. */
export function trustProxySetting(value: string): number | boolean | string {
  if (/^\d+$/.test(value)) return Number(value);
  if (value === 'true' || value === 'false') return value === 'true';
  return value;
}
