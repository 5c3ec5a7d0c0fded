/**
 * Convene's two hottest reads on Nest over Fastify instead of Express (bench/framework-cost,
 * not a product server). It answers
 *
 *   GET /api/events/:id/agenda            (public; a bearer token is checked when sent)
 *   GET /api/events/:id/registrations     (organisers: a page as JSON, or ?format=csv)
 *
 * with Convene's own Nest pieces: its TypeORM data source (DatabaseModule), AgendaModule,
 * RegistrationsModule and EventAccess, the global BearerAuthGuard, the global validation
 * pipe, and Convene's EventAgendaController and EventRegistrationsController themselves
 * (their other routes are registered too and never called), the same global prefix and
 * CORS setting. Compared with
 * bench/baseline/read-server.ts (Fastify, no Nest) and Convene itself (Nest on Express),
 * it splits the gap between them into what Nest costs and what Express costs.
 *
 * Left out, Express-only (the part of the gap this server is meant to expose): helmet,
 * compression, the request log (request ids, one line per request), localisedApiErrors, the
 * JSON and urlencoded body parsers (these are GET requests), `trust proxy`, and Express's
 * own ETag over every answer. Also left out: the Swagger document and every other route
 * and module (the pages; WebErrorFilter, whose API half is core's HttpErrorFilter, adapted
 * below, and which only runs on errors).
 * PrivateResponsesGuard reads Express's `req.path`, so a copy below reads Fastify's
 * request instead: the guard's cost stays on the Nest side, where it belongs.
 *
 *   DATABASE_URL=... PORT=3971 node dist/bench/baseline/nest-fastify-read-server.js
 */
import 'reflect-metadata';
import {
  type ArgumentsHost,
  type CanActivate,
  Catch,
  type ExceptionFilter,
  Controller,
  type ExecutionContext,
  Get,
  Injectable,
  Module,
} from '@nestjs/common';
import { APP_FILTER, APP_GUARD, NestFactory, Reflector } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AccountsModule } from '#accounts';
import { AgendaModule } from '#agenda';
import {
  type Actor,
  ConfigModule,
  createPino,
  createValidationPipe,
  DatabaseModule,
  HttpErrorFilter,
  loadConfig,
  PinoNestLogger,
  RedisModule,
} from '#core';
import { EventsModule } from '#events';
import { MessagingModule } from '#messaging';
import { RegistrationsModule } from '#registrations';
import { EventAgendaController } from '../../apps/api/src/agenda/event-agenda.controller.js';
import { Public } from '../../apps/api/src/auth/auth.decorators.js';
import { BearerAuthGuard } from '../../apps/api/src/auth/bearer-auth.guard.js';
import { keepConnectionsOpen } from '../../apps/api/src/http/configure-app.js';
import { EventRegistrationsController } from '../../apps/api/src/registrations/registrations.controller.js';
import { beforeHeadersSent } from '../../apps/api/src/http/before-headers-sent.js';
import { PRIVATE_NO_STORE } from '../../apps/api/src/http/private-responses.guard.js';

@Controller('health')
class HealthController {
  @Public()
  @Get()
  health() {
    return { status: 'ok' };
  }
}

/**
 * PrivateResponsesGuard, line for line, with Fastify's request and its raw response: the
 * original reads Express's `req.path`.
 */
@Injectable()
class PrivateResponses implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const http = context.switchToHttp();
    const req = http.getRequest<FastifyRequest & { actor?: Actor }>();
    const path = req.url.split('?', 1)[0];
    if (path !== '/api' && !path.startsWith('/api/')) return true;
    // SECRET_URL of private-responses.guard.ts (not exported).
    const secretUrl =
      this.reflector.getAllAndOverride<boolean>('convene:secret-url', [
        context.getHandler(),
        context.getClass(),
      ]) === true;
    const res = http.getResponse<FastifyReply>().raw;
    beforeHeadersSent(res, () => {
      if (req.actor !== undefined || secretUrl) res.setHeader('Cache-Control', PRIVATE_NO_STORE);
    });
    return true;
  }
}

/**
 * Convene's HttpErrorFilter (DomainError -> 401, 403, 404...) writes with Express's
 * `res.status().json()`: it is handed a reply that answers to those names. Errors only;
 * the measured answers never come here.
 */
@Catch()
class FastifyErrors implements ExceptionFilter {
  private readonly filter = new HttpErrorFilter();

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const res = {
      headersSent: reply.sent,
      status: (code: number) => ({ json: (body: unknown) => void reply.code(code).send(body) }),
      setHeader: (name: string, value: string) => void reply.header(name, value),
    };
    this.filter.catch(exception, {
      switchToHttp: () => ({ getResponse: () => res }),
    } as unknown as ArgumentsHost);
  }
}

const config = loadConfig();

@Module({
  imports: [
    ConfigModule.forRoot(config),
    DatabaseModule,
    // AccountsModule's RateLimiter needs Redis; AgendaModule's SessionNotifier the outbox.
    RedisModule,
    MessagingModule,
    AccountsModule,
    EventsModule,
    RegistrationsModule,
    AgendaModule,
  ],
  // Convene's own controllers for the two reads (their other routes come along, unused).
  controllers: [EventAgendaController, EventRegistrationsController, HealthController],
  providers: [
    { provide: APP_GUARD, useClass: BearerAuthGuard },
    { provide: APP_FILTER, useClass: FastifyErrors },
    { provide: APP_GUARD, useClass: PrivateResponses },
  ],
})
class ReadModule {}

const app = await NestFactory.create<NestFastifyApplication>(ReadModule, new FastifyAdapter(), {
  logger: new PinoNestLogger(createPino(config, 'nest-fastify-read')),
});
// As configureApp does, minus the Express-only middleware listed above.
app.enableCors({
  origin: config.corsOrigins === '*' ? true : config.corsOrigins,
  exposedHeaders: ['x-request-id', 'Retry-After', 'Content-Disposition'],
});
app.setGlobalPrefix('api');
app.useGlobalPipes(createValidationPipe());
app.enableShutdownHooks();
keepConnectionsOpen(app.getHttpServer());
const port = Number(process.env.PORT ?? 3971);
await app.listen(port, '127.0.0.1');
console.log(`Nest-on-Fastify read server listening on ${port}`);
