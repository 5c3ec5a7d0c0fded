import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { type NestExpressApplication } from '@nestjs/platform-express';
import { ConfigValidationError, createPino, loadConfig, PinoNestLogger } from '#core';
import { AppModule } from './app.module.js';
import { configureApp } from './http/configure-app.js';
import { ConveneExpressAdapter } from './http/express-adapter.js';

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
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot(config),
    new ConveneExpressAdapter(),
    {
      logger: new PinoNestLogger(logger),
      bodyParser: false,
    },
  );
  configureApp(app, config, logger);
  await app.listen(config.port, '0.0.0.0');
  logger.info(`Convene API on ${config.publicUrl}/api (docs at ${config.publicUrl}/docs)`);
}

void main();
