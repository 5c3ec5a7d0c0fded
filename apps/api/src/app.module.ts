import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { AccountsModule } from '#accounts';
import { type AppConfig, ConfigModule, DatabaseModule, HttpErrorFilter, RedisModule } from '#core';
import { EventsModule } from '#events';
import { MessagingModule } from '#messaging';
import { OrganisationsModule } from '#organisations';
import { MeController } from './accounts/me.controller.js';
import { AuthController } from './auth/auth.controller.js';
import { BearerAuthGuard } from './auth/bearer-auth.guard.js';
import { EventsController } from './events/events.controller.js';
import { HealthController } from './health/health.controller.js';
import { OrganisationsController } from './organisations/organisations.controller.js';

@Module({})
export class AppModule {
  static forRoot(config?: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule,
        RedisModule,
        AccountsModule,
        OrganisationsModule,
        EventsModule,
        MessagingModule,
      ],
      controllers: [
        AuthController,
        MeController,
        OrganisationsController,
        EventsController,
        HealthController,
      ],
      providers: [
        { provide: APP_GUARD, useClass: BearerAuthGuard },
        { provide: APP_FILTER, useClass: HttpErrorFilter },
      ],
    };
  }
}
