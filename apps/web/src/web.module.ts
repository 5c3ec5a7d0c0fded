import { Module } from '@nestjs/common';
import { AccountsModule } from '#accounts';
import { EventsModule } from '#events';
import { AssetsController } from './assets/assets.controller.js';
import { NotFoundFallback } from './http/not-found-fallback.js';
import { SessionCookie } from './http/session-cookie.js';
import { WebContextGuard } from './http/web-context.guard.js';
import { WebResultInterceptor } from './http/web-result.interceptor.js';
import { HomeController } from './pages/home/home.controller.js';
import { SignInController } from './pages/auth/sign-in.controller.js';

/**
 * The pages for participants, hosts and organisers, served by the API's process on the
 * same origin. Page controllers call the domain services directly (every permission check
 * stays in the service); no business rule lives here.
 */
@Module({
  imports: [AccountsModule, EventsModule],
  controllers: [AssetsController, HomeController, SignInController],
  providers: [WebContextGuard, WebResultInterceptor, SessionCookie, NotFoundFallback],
})
export class WebModule {}
