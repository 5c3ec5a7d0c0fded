import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthService } from '#accounts';
import { unauthenticated } from '#core';
import type { AuthedRequest } from '../http/request-context.js';
import { RouteFlag } from '../http/route-flag.js';
import { PUBLIC_ROUTE } from './auth.decorators.js';

/** Every route needs a valid bearer token unless marked @Public(). */
@Injectable()
export class BearerAuthGuard implements CanActivate {
  private readonly isPublic: RouteFlag;

  constructor(
    reflector: Reflector,
    private readonly auth: AuthService,
  ) {
    this.isPublic = new RouteFlag(reflector, PUBLIC_ROUTE);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.isPublic.of(context);
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match) {
      if (isPublic) return true;
      throw unauthenticated('Send Authorization: Bearer <accessToken> (log in at /api/auth/login)');
    }
    try {
      request.actor = (await this.auth.authenticate(match[1])).actor;
    } catch (e) {
      if (!isPublic) throw e;
    }
    return true;
  }
}
