import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ConfigValidationError, createPino, loadConfig, PinoNestLogger } from '#core';
import { WorkerModule } from './worker.module.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigValidationError) {
      process.stderr.write(`${e.message}\nSee config/.env.example for every variable.\n`);
      process.exit(78);
    }
    throw e;
  }
  const logger = createPino(config, 'worker');
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    logger: new PinoNestLogger(logger),
  });
  // SIGTERM/SIGINT run the shutdown hooks: processors finish their in-flight jobs first.
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  await app.init();
  logger.info('Convene worker started');
}

void main();
