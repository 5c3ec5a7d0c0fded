import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { WebContext, WebRequest } from './web-context.js';

/** The page's WebContext (built by WebContextGuard). */
export const Web = createParamDecorator((_data: unknown, ctx: ExecutionContext): WebContext => {
  const web = ctx.switchToHttp().getRequest<WebRequest>().web;
  if (!web) throw new Error('WebContextGuard did not run for this route');
  return web;
});

/** The urlencoded form body, with the CSRF field already removed. */
export const FormBody = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): Record<string, unknown> => {
    const body = ctx.switchToHttp().getRequest<WebRequest>().body as unknown;
    return body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  },
);
