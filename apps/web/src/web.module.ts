import { Module } from '@nestjs/common';
import { AssetsController } from './assets/assets.controller.js';
import { NotFoundFallback } from './http/not-found-fallback.js';
import { SignInController } from './pages/auth/sign-in.controller.js';
import { HomeController } from './pages/home/home.controller.js';
import { ParticipantAccessPagesModule } from './pages/participant-access/participant-access-pages.module.js';
import { ParticipantTravelPagesModule } from './pages/participant-travel/participant-travel-pages.module.js';
import { ParticipantAgendaPagesModule } from './pages/participant-agenda/participant-agenda-pages.module.js';
import { ConsoleEventsPagesModule } from './pages/console-events/console-events-pages.module.js';
import { ConsoleRegistrationsPagesModule } from './pages/console-registrations/console-registrations-pages.module.js';
import { ConsoleVisasPagesModule } from './pages/console-visas/console-visas-pages.module.js';
import { ConsoleAgendaPagesModule } from './pages/console-agenda/console-agenda-pages.module.js';
import { ConsoleMessagesPagesModule } from './pages/console-messages/console-messages-pages.module.js';
import { ConsoleAccommodationPagesModule } from './pages/console-accommodation/console-accommodation-pages.module.js';
import { VerifyPagesModule } from './pages/verify/verify-pages.module.js';
import { ConsoleCertificatesPagesModule } from './pages/console-certificates/console-certificates-pages.module.js';
import { ConsoleCheckinPagesModule } from './pages/console-checkin/console-checkin-pages.module.js';
import { ConsoleFinancePagesModule } from './pages/console-finance/console-finance-pages.module.js';
import { ConsoleMaterialsPagesModule } from './pages/console-materials/console-materials-pages.module.js';
import { ParticipantSharingPagesModule } from './pages/participant-sharing/participant-sharing-pages.module.js';
import { ConsoleLettersPagesModule } from './pages/console-letters/console-letters-pages.module.js';
import { ConsoleFeedbackPagesModule } from './pages/console-feedback/console-feedback-pages.module.js';
import { ParticipantFeedbackPagesModule } from './pages/participant-feedback/participant-feedback-pages.module.js';
import { ParticipantLearningPagesModule } from './pages/participant-learning/participant-learning-pages.module.js';
import { UnsubscribePagesModule } from './pages/unsubscribe/unsubscribe-pages.module.js';
import { ExchangesPagesModule } from './pages/exchanges/exchanges-pages.module.js';
import { ConsoleExchangesPagesModule } from './pages/console-exchanges/console-exchanges-pages.module.js';
import { WebCoreModule } from './web-core.module.js';

/**
 * The pages for participants, hosts and organisers, served by the API's process on the
 * same origin. Page controllers call the domain services directly (every permission check
 * stays in the service); no business rule lives here. Each page group is a module of its own.
 */
@Module({
  imports: [
    WebCoreModule,
    ParticipantAccessPagesModule,
    ParticipantTravelPagesModule,
    ParticipantAgendaPagesModule,
    ConsoleEventsPagesModule,
    ConsoleRegistrationsPagesModule,
    ConsoleVisasPagesModule,
    ConsoleLettersPagesModule,
    ConsoleFinancePagesModule,
    ConsoleAgendaPagesModule,
    ConsoleMessagesPagesModule,
    ConsoleAccommodationPagesModule,
    VerifyPagesModule,
    ConsoleCertificatesPagesModule,
    ConsoleCheckinPagesModule,
    ConsoleMaterialsPagesModule,
    ParticipantSharingPagesModule,
    ParticipantLearningPagesModule,
    ConsoleFeedbackPagesModule,
    ParticipantFeedbackPagesModule,
    UnsubscribePagesModule,
    ExchangesPagesModule,
    ConsoleExchangesPagesModule,
  ],
  controllers: [AssetsController, HomeController, SignInController],
  providers: [NotFoundFallback],
})
export class WebModule {}
