import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { unauthenticated } from '#core';
import type { AuthedRequest } from '../http/request-context.js';

export { PUBLIC_ROUTE, Public } from '#core';

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
