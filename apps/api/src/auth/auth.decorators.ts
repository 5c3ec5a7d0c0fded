import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { unauthenticated } from '#core';
import type { AuthedRequest } from '../http/request-context.js';

export const PUBLIC_ROUTE = 'convene:public';

/** Reachable without a token; an actor is still attached when a valid token is sent. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** The logged-in actor; fails with 401 where a public route is called anonymously. */
export const CurrentActor = createParamDecorator((_data: unknown, ctx: ExecutionContext) => {
  const actor = ctx.switchToHttp().getRequest<AuthedRequest>().actor;
  if (!actor) throw unauthenticated();
  return actor;
});

/** The actor when there is one (public routes). */
export const OptionalActor = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext) => ctx.switchToHttp().getRequest<AuthedRequest>().actor,
);
