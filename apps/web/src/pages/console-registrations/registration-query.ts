import { ListRegistrationsQueryDto } from '#registrations';
import { parseForm } from '../../http/forms.js';
import type { WebContext } from '../../http/web-context.js';

/** The table's query string fields, in the order links write them. */
export const LIST_KEYS = [
  'q',
  'status',
  'organisationId',
  'country',
  'profession',
  'visaStatus',
  'sort',
  'page',
] as const;
export type ListKey = (typeof LIST_KEYS)[number];
export type ListValues = Partial<Record<ListKey, string>>;

export const PAGE_SIZE = 50;

/**
 * The filters of the table from its query string, checked by the API's own DTO. A value
 * the DTO refuses (an edited URL) is simply dropped: the page shows without it.
 */
export async function readListQuery(
  ctx: WebContext,
  raw: Record<string, unknown>,
): Promise<{ query: ListRegistrationsQueryDto; values: ListValues }> {
  const values: ListValues = {};
  for (const key of LIST_KEYS) {
    const v = Array.isArray(raw[key]) ? (raw[key] as unknown[])[0] : raw[key];
    if (typeof v === 'string' && v.trim() !== '' && v.length <= 200) values[key] = v.trim();
  }
  const parse = () =>
    parseForm(ctx, ListRegistrationsQueryDto, values, { ...values, pageSize: PAGE_SIZE });
  let parsed = await parse();
  if (!parsed.ok) {
    for (const field of Object.keys(parsed.state.errors)) delete values[field as ListKey];
    parsed = await parse();
  }
  const query = parsed.ok ? parsed.value : Object.assign(new ListRegistrationsQueryDto(), {});
  query.pageSize = PAGE_SIZE;
  return { query, values };
}

/** The same list with some filters changed (undefined removes one); page 1 unless given. */
export function listHref(
  base: string,
  values: ListValues,
  changes: ListValues & Record<string, string | undefined> = {},
): string {
  const merged: Record<string, string | undefined> = { ...values, page: undefined, ...changes };
  const params = new URLSearchParams();
  for (const key of LIST_KEYS) {
    const v = merged[key];
    if (v) params.set(key, v);
  }
  const qs = params.toString();
  return qs ? `${base}?${qs}` : base;
}
