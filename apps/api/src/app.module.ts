import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { AccountsModule } from '#accounts';
import { type AppConfig, ConfigModule, DatabaseModule, RedisModule } from '#core';
import { EventsModule } from '#events';
import { MessagesModule, MessagingModule } from '#messaging';
import { OrganisationsModule } from '#organisations';
import { PrivacyModule } from '#privacy';
import { RegistrationsModule } from '#registrations';
import { AccommodationApiModule } from './accommodation/accommodation-api.module.js';
import { MeController } from './accounts/me.controller.js';
import { AgendaApiModule } from './agenda/agenda-api.module.js';
import { AuthController } from './auth/auth.controller.js';
import { BearerAuthGuard } from './auth/bearer-auth.guard.js';
import { CalendarApiModule } from './calendar/calendar-api.module.js';
import { EventsController } from './events/events.controller.js';
import { HealthController } from './health/health.controller.js';
import { ApiIndexController } from './http/api-index.controller.js';
import { PrivateResponsesGuard } from './http/private-responses.guard.js';
import { EventMessagesController, MessagesController } from './messages/messages.controller.js';
import { UnsubscribeController } from './messages/unsubscribe.controller.js';
import { OrganisationsController } from './organisations/organisations.controller.js';
import { PrivacyController } from './privacy/privacy.controller.js';
import {
  EventRegistrationsController,
  RegistrationsController,
} from './registrations/registrations.controller.js';
import { TravelApiModule } from './travel/travel-api.module.js';
import { CertificatesApiModule } from './certificates/certificates-api.module.js';
import { FinanceApiModule } from './finance/finance-api.module.js';
import { OnsiteApiModule } from './onsite/onsite-api.module.js';
import { MaterialsApiModule } from './materials/materials-api.module.js';
import { FeedbackApiModule } from './feedback/feedback-api.module.js';
import { LearningApiModule } from './learning/learning-api.module.js';
import { ExchangesApiModule } from './exchanges/exchanges-api.module.js';
// The composition root mounts the pages: one process, one origin (DESIGN.md, Web).
import { WebErrorFilter, WebModule } from '../../web/src/index.js';

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
        MessagesModule,
        RegistrationsModule,
        AgendaApiModule,
        CalendarApiModule,
        TravelApiModule,
        CertificatesApiModule,
        FinanceApiModule,
        OnsiteApiModule,
        MaterialsApiModule,
        FeedbackApiModule,
        LearningApiModule,
        ExchangesApiModule,
        AccommodationApiModule,
        PrivacyModule,
        WebModule,
      ],
      controllers: [
        AuthController,
        MeController,
        OrganisationsController,
        EventsController,
        HealthController,
        ApiIndexController,
        EventMessagesController,
        MessagesController,
        UnsubscribeController,
        EventRegistrationsController,
        RegistrationsController,
        PrivacyController,
      ],
      providers: [
        { provide: APP_GUARD, useClass: BearerAuthGuard },
        { provide: APP_FILTER, useClass: WebErrorFilter },
        { provide: APP_GUARD, useClass: PrivateResponsesGuard },
      ],
    };
  }
}
