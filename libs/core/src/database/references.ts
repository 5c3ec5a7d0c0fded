import { badRequest } from '../errors/domain-error.js';

/** Tables a client may point at by id; a fixed list keeps the SQL free of client text. */
const REFERABLE = {
  organisations: 'organisation',
  accounts: 'account',
} as const;

interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/**
 * A client naming a row that does not exist sent bad input: answer 400 naming the
 * field, before a foreign key turns it into a vaguer error.
 */
export async function requireReference(
  db: Queryable,
  table: keyof typeof REFERABLE,
  id: string,
  field: string,
): Promise<void> {
  const rows = (await db.query(`SELECT 1 FROM ${table} WHERE id = $1`, [id])) as unknown[];
  if (rows.length === 0) {
    throw badRequest(`${field} does not name a known ${REFERABLE[table]}`, { field });
  }
}
