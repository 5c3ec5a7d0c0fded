import { Global, Module } from '@nestjs/common';
import { AccountsModule } from '#accounts';
import { EventsModule } from '#events';
import { SessionCookie } from './http/session-cookie.js';
import { WebContextGuard } from './http/web-context.guard.js';
import { WebResultInterceptor } from './http/web-result.interceptor.js';
import { ConsoleAccess } from './pages/console/console-frame.js';

/** What every page group uses: the per-request context, results, sessions, console access. */
@Global()
@Module({
  imports: [AccountsModule, EventsModule],
  providers: [WebContextGuard, WebResultInterceptor, SessionCookie, ConsoleAccess],
  exports: [
    WebContextGuard,
    WebResultInterceptor,
    SessionCookie,
    ConsoleAccess,
    AccountsModule,
    EventsModule,
  ],
})
export class WebCoreModule {}
