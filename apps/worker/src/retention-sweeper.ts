import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '#core';
import { PersonalDataRetention } from '#privacy';

const HOUR_MS = 60 * 60 * 1000;

/**
 * Runs the personal-data sweep shortly after start and then hourly. Erasing is
 * idempotent, so several workers sweeping at once do no harm.
 */
@Injectable()
export class RetentionSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('RetentionSweeper');
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private stopped = false;

  constructor(
    private readonly retention: PersonalDataRetention,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(5_000);
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.running = this.retention
        .sweep(this.config.personalDataRetentionDays)
        .catch((e: unknown) =>
          this.logger.warn(`Sweep failed, will retry: ${(e as Error).message}`),
        )
        .finally(() => {
          if (!this.stopped) this.schedule(HOUR_MS);
        });
    }, delayMs);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }
}
