import 'reflect-metadata';
import type { Server } from 'node:http';
import { NestFactory } from '@nestjs/core';
import { type NestExpressApplication } from '@nestjs/platform-express';
import { ConfigValidationError, createPino, loadConfig, PinoNestLogger } from '#core';
import { AppModule } from './app.module.js';
import { configureApp } from './http/configure-app.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigValidationError) {
      process.stderr.write(`${e.message}\nSee config/.env.example for every variable.\n`);
      process.exit(78); // EX_CONFIG
    }
    throw e;
  }
  const logger = createPino(config, 'api');
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger: new PinoNestLogger(logger),
    bodyParser: false,
  });
  configureApp(app, config, logger);
  // Node closes a keep-alive connection 5 s after its last answer by default. A proxy
  // (nginx, a cloud load balancer) keeps its upstream connections longer and sends the
  // next request on one Node is closing: reset, a 502. And a process starved of CPU for
  // longer than that runs the timer before it reads a request already in the socket and
  // resets it (bench/scale, 40 requests in one rush). Longer than the proxies' idle
  // timeouts (60 s is common); headersTimeout stays above it, as Node's docs advise.
  const server = app.getHttpServer() as Server;
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await app.listen(config.port, '0.0.0.0');
  logger.info(`Convene API on ${config.publicUrl}/api (docs at ${config.publicUrl}/docs)`);
}

void main();
