import { QueryFailedError } from 'typeorm';

/** The PostgreSQL SQLSTATE of a failed query (23505 unique, 23503 foreign key, ...). */
export function pgErrorCode(e: unknown): string | undefined {
  return e instanceof QueryFailedError
    ? (e as QueryFailedError & { driverError?: { code?: string } }).driverError?.code
    : undefined;
}

/** The name of the constraint a failed query broke, to tell one unique key from another. */
export function pgConstraint(e: unknown): string | undefined {
  return e instanceof QueryFailedError
    ? (e as QueryFailedError & { driverError?: { constraint?: string } }).driverError?.constraint
    : undefined;
}
