import {
  type ArgumentMetadata,
  BadRequestException,
  type ValidationError,
  ValidationPipe,
} from '@nestjs/common';
import { cacheValidationMetadata } from './validation-metadata-cache.js';

/**
 * One field at fault: readable `problems` in English, and stable `codes` (class-validator
 * constraint names such as isEmail, isCountryCode) a client can translate into the
 * participant's own language.
 */
interface FieldProblem {
  field: string;
  problems: string[];
  codes: string[];
}

/** Flattens nested class-validator errors into dotted field paths (venue.country). */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    if (error.constraints) {
      out.push({
        field,
        problems: Object.values(error.constraints),
        codes: Object.keys(error.constraints),
      });
    }
    if (error.children?.length) out.push(...flattenValidationErrors(error.children, field));
  }
  return out;
}

/** Where @nestjs/swagger keeps each @ApiProperty (DECORATORS.API_MODEL_PROPERTIES, not exported). */
const SWAGGER_PROPERTY_METADATA = 'swagger/apiModelProperties';

/**
 * Finds what class-validator lets through but PostgreSQL or a service cannot take:
 * null where the API document does not say the field is nullable (class-validator's
 * IsOptional, and so PartialType, accepts null for every optional field), and text
 * with a NUL character, which PostgreSQL refuses to store.
 */
export function findUnstorableValues(value: unknown, metatype?: unknown): FieldProblem[] {
  const out: FieldProblem[] = [];
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const prototype = typeof metatype === 'function' ? (metatype.prototype as object) : undefined;
    for (const [key, v] of Object.entries(value)) {
      if (v !== null || !prototype) continue;
      const documented = Reflect.getMetadata(SWAGGER_PROPERTY_METADATA, prototype, key) as
        { nullable?: boolean } | undefined;
      if (documented && !documented.nullable) {
        out.push({
          field: key,
          problems: [`${key} cannot be null; leave it out instead`],
          codes: ['isNotNull'],
        });
      }
    }
  }
  const walk = (v: unknown, path: string) => {
    if (typeof v === 'string') {
      if (v.includes('\u0000'))
        out.push({
          field: path || 'body',
          problems: [`${path || 'body'} contains a NUL character`],
          codes: ['noNulCharacter'],
        });
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => walk(item, `${path}[${i}]`));
    } else if (v !== null && typeof v === 'object') {
      for (const [k, item] of Object.entries(v)) walk(item, path ? `${path}.${k}` : k);
    }
  };
  walk(value, '');
  return out;
}

const toBadRequest = (fields: FieldProblem[]) =>
  new BadRequestException({
    message: fields.map((f) => f.problems.join(', ')).join('; '),
    details: { fields },
  });

class ConveneValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query') {
      const problems = findUnstorableValues(value, metadata.metatype);
      if (problems.length > 0) throw toBadRequest(problems);
    }
    return super.transform(value, metadata);
  }
}

/**
 * Whitelists DTO fields, refuses unknown ones and converts types; the 400 names
 * every field at fault both in the message and in details.fields.
 */
export function createValidationPipe(): ValidationPipe {
  cacheValidationMetadata();
  return new ConveneValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => toBadRequest(flattenValidationErrors(errors)),
  });
}
