import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '#core';
import { MailQueue } from './delivery/mail-queue.service.js';
import { MailSender } from './delivery/mail-sender.service.js';
import {
  DEFAULT_MAIL_WORKER_OPTIONS,
  MAIL_WORKER_OPTIONS,
  type MailWorkerOptions,
} from './delivery/mail-worker.options.js';
import { MailProcessor } from './delivery/mail.processor.js';
import { OutboxRelay } from './delivery/outbox-relay.service.js';
import { Message } from './message.entity.js';
import { createMailTransport, MailTransport } from './transport/mail-transport.js';

/** The sending side of email, for the worker app only: relay, processor, transport. */
@Module({})
export class MailWorkerModule {
  static forRoot(options: Partial<MailWorkerOptions> = {}): DynamicModule {
    const resolved = { ...DEFAULT_MAIL_WORKER_OPTIONS, ...options };
    return {
      module: MailWorkerModule,
      imports: [TypeOrmModule.forFeature([Message])],
      providers: [
        {
          provide: MAIL_WORKER_OPTIONS,
          inject: [APP_CONFIG],
          // MAIL_RETRY_WINDOW_HOURS, unless the caller (a test) set the window itself.
          useFactory: (config: AppConfig): MailWorkerOptions =>
            options.retryWindowMs === undefined && config.mailRetryWindowHours
              ? { ...resolved, retryWindowMs: config.mailRetryWindowHours * 3600_000 }
              : resolved,
        },
        {
          provide: MailTransport,
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) =>
            createMailTransport({ ...config, maxConnections: resolved.maxConnections }),
        },
        MailQueue,
        MailSender,
        OutboxRelay,
        MailProcessor,
      ],
      // The worker's health check reads the queue depth and whether the processor runs.
      exports: [MailQueue, MailProcessor],
    };
  }
}
