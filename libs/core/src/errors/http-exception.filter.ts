import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  Logger,
} from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import { QueryFailedError } from 'typeorm';
import { DomainError, type DomainErrorCode } from './domain-error.js';
import { isOutage, OUTAGE_RETRY_AFTER_SECONDS } from './outage.js';

/**
 * The stable code of every API error: the domain codes, and what only HTTP or the
 * platform can say. Clients branch on it (and on details.fields[].codes for a field);
 * the message is for people and follows Accept-Language.
 */
export type ApiErrorCode =
  DomainErrorCode | 'payload_too_large' | 'service_unavailable' | 'internal_error';

// A Record, so a new code cannot be left out of the documented enum.
const EVERY_CODE: Record<ApiErrorCode, true> = {
  bad_request: true,
  unauthenticated: true,
  forbidden: true,
  not_found: true,
  conflict: true,
  payload_too_large: true,
  too_many_requests: true,
  service_unavailable: true,
  internal_error: true,
};
export const API_ERROR_CODES = Object.keys(EVERY_CODE) as ApiErrorCode[];

/** The one shape of an API error (documented as ErrorResponse in the OpenAPI document). */
export interface ApiErrorBody {
  statusCode: number;
  error: string;
  message: string;
  code: ApiErrorCode;
  details?: Record<string, unknown>;
}
type ErrorBody = ApiErrorBody;

/** The code of an error that carries only its status (Nest's HttpExceptions, body-parser). */
export function apiErrorCodeOf(status: number): ApiErrorCode {
  const byStatus: Record<number, ApiErrorCode> = {
    401: 'unauthenticated',
    403: 'forbidden',
    404: 'not_found',
    409: 'conflict',
    413: 'payload_too_large',
    429: 'too_many_requests',
    503: 'service_unavailable',
  };
  return byStatus[status] ?? (status >= 500 ? 'internal_error' : 'bad_request');
}

/** The HTTP status of each domain error: the API's JSON errors and the pages' error pages. */
export const DOMAIN_ERROR_STATUS: Record<DomainErrorCode, number> = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_many_requests: 429,
};

/** PostgreSQL error codes that can only come from data a client sent. */
const PG_CLIENT_ERRORS: Record<string, { status: number; message: string }> = {
  '22P02': { status: 400, message: 'A value has an invalid format' },
  '22007': { status: 400, message: 'A date or time is invalid' },
  '22008': { status: 400, message: 'A date or time is out of range' },
  '22003': { status: 400, message: 'A number is out of range' },
  '22001': { status: 400, message: 'A value is too long' },
  '23505': { status: 409, message: 'This already exists' },
  '23503': { status: 400, message: 'A referenced record does not exist' },
  '23P01': { status: 409, message: 'This clashes with an existing record' },
  '23502': { status: 400, message: 'A required value is missing' },
  '22021': { status: 400, message: 'A text contains a character that cannot be stored' },
  '22P05': { status: 400, message: 'A text contains a character that cannot be stored' },
};

/**
 * Every error leaves the API in one shape: {statusCode, error, message, code, details?}.
 * PostgreSQL or Redis out of reach is a 503 with Retry-After, not a bug.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<{
      headersSent: boolean;
      status(code: number): { json(body: unknown): void };
      setHeader(name: string, value: string): void;
    }>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500) {
      this.logger.error(
        exception instanceof Error ? (exception.stack ?? exception.message) : exception,
      );
    }
    if (body.statusCode === 429 && typeof body.details?.retryAfterSeconds === 'number') {
      response.setHeader('Retry-After', String(body.details.retryAfterSeconds));
    }
    if (body.code === 'service_unavailable') {
      response.setHeader('Retry-After', String(OUTAGE_RETRY_AFTER_SECONDS));
    }
    if (response.headersSent) return;
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof DomainError) {
      const statusCode = DOMAIN_ERROR_STATUS[exception.code];
      return this.body(statusCode, exception.message, exception.details, exception.code);
    }
    if (isOutage(exception)) {
      return this.body(503, 'The service is briefly unavailable; try again in a minute');
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      // Express body-parser failures arrive wrapped; the raw parser message helps nobody.
      const cause = exception.cause as { type?: string } | undefined;
      if (cause?.type === 'entity.parse.failed') {
        return this.body(400, 'The request body is not valid JSON', { field: 'body' });
      }
      if (cause?.type === 'entity.too.large') {
        return this.body(413, `The request body is too large`);
      }
      if (cause?.type === 'entity.too.deep') {
        return this.body(400, (cause as Error).message, { field: 'body' });
      }
      const response = exception.getResponse();
      if (typeof response === 'string') return this.body(statusCode, response);
      const r = response as { message?: unknown; details?: Record<string, unknown> };
      const message = Array.isArray(r.message)
        ? r.message.join('; ')
        : typeof r.message === 'string'
          ? r.message
          : exception.message;
      return this.body(statusCode, message, r.details);
    }
    if (exception instanceof QueryFailedError) {
      const code = (exception as QueryFailedError & { driverError?: { code?: string } }).driverError
        ?.code;
      const known = code ? PG_CLIENT_ERRORS[code] : undefined;
      const column = (exception as QueryFailedError & { driverError?: { column?: string } })
        .driverError?.column;
      if (known && code === '23502' && column) {
        const field = column.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
        return this.body(400, `${field} is required`, { field });
      }
      if (known) return this.body(known.status, known.message);
    }
    // body-parser errors carry their own 4xx status (malformed JSON, too large, bad charset).
    const status = (exception as { status?: unknown; statusCode?: unknown })?.status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const type = (exception as { type?: string }).type;
      const message =
        type === 'entity.parse.failed'
          ? 'The request body is not valid JSON'
          : type === 'entity.too.large'
            ? 'The request body is too large'
            : ((exception as Error).message ?? STATUS_CODES[status]);
      return this.body(
        status,
        message,
        type === 'entity.parse.failed' || type === 'entity.too.deep'
          ? { field: 'body' }
          : undefined,
      );
    }
    return this.body(500, 'Something went wrong on our side; it has been logged');
  }

  private body(
    statusCode: number,
    message: string,
    details?: Record<string, unknown>,
    code: ApiErrorCode = apiErrorCodeOf(statusCode),
  ): ErrorBody {
    return {
      statusCode,
      error: STATUS_CODES[statusCode] ?? 'Error',
      message,
      code,
      ...(details ? { details } : {}),
    };
  }
}
