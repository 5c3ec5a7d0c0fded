import {
  applyDecorators,
  Controller,
  Res,
  UseFilters,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants.js';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '#core';
import { WebContextGuard } from './web-context.guard.js';
import { WebErrorFilter } from './web-error.filter.js';
import { WebResultInterceptor } from './web-result.interceptor.js';

/**
 * Tells Nest that every handler answers by itself (the result interceptor writes HTML,
 * redirects and files), so Nest's default status (201 for a POST) never overrides a
 * 303 redirect. The extra response argument is appended after the handler's own.
 */
function AnswersItself(): ClassDecorator {
  return (target) => {
    const proto = target.prototype as Record<string, unknown>;
    for (const name of Object.getOwnPropertyNames(proto)) {
      const method = proto[name];
      if (name === 'constructor' || typeof method !== 'function') continue;
      if (Reflect.getMetadata(PATH_METADATA, method) === undefined) continue;
      const params = (Reflect.getMetadata('design:paramtypes', proto, name) as unknown[]) ?? [];
      Res()(proto, name, Math.max(params.length, method.length));
    }
  };
}

/**
 * A controller of pages: cookie sessions and CSRF instead of bearer tokens, HTML errors,
 * results turned into HTML, redirects or downloads, and out of the OpenAPI document.
 */
export function WebController(path = ''): ClassDecorator {
  return applyDecorators(
    Controller(path),
    Public(),
    ApiExcludeController(),
    UseGuards(WebContextGuard),
    UseFilters(WebErrorFilter),
    UseInterceptors(WebResultInterceptor),
    AnswersItself(),
  );
}
