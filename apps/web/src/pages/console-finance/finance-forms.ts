import {
  COST_KINDS,
  COVERAGE_PARTS,
  type CostKind,
  type CreateCostItemDto,
  isCurrencyCode,
  parseAmount,
  parseRate,
  PAYERS,
  type Payer,
  type PutCoverageDto,
  type PutCoverageOverrideDto,
} from '#finance';
import type { FormState } from '../../components/form.js';
import { textOf } from '../../http/forms.js';
import type { WebContext } from '../../http/web-context.js';

/*
 * The finance forms read amounts as people type them ("645,50", "1 200") and turn them into
 * the API's integer minor units here; the services then apply the same rules as the API.
 */

export type Parsed<T> = { ok: true; value: T } | { ok: false; state: FormState };

const isPayer = (v: string | undefined): v is Payer =>
  v !== undefined && (PAYERS as readonly string[]).includes(v);

const code = (v: string | undefined) => (v ?? '').trim().toUpperCase();

function done<T>(value: T, values: Record<string, unknown>, errors: Record<string, string>) {
  return Object.keys(errors).length === 0
    ? ({ ok: true, value } as const)
    : ({ ok: false, state: { values, errors } } as const);
}

export function coverageForm(
  ctx: WebContext,
  body: Record<string, unknown>,
): Parsed<PutCoverageDto> {
  const e = ctx.t.finance.errors;
  const values: Record<string, unknown> = {};
  for (const f of ['currency', 'perDiemDaily', 'perDiemCurrency', ...COVERAGE_PARTS]) {
    values[f] = textOf(body, f) ?? '';
  }
  const errors: Record<string, string> = {};
  const currency = code(values.currency as string);
  if (!isCurrencyCode(currency)) errors.currency = e.currency;
  const perDiemCurrency = code(values.perDiemCurrency as string) || currency;
  if (!isCurrencyCode(perDiemCurrency)) errors.perDiemCurrency = e.currency;
  const payers = {} as Record<(typeof COVERAGE_PARTS)[number], Payer>;
  for (const part of COVERAGE_PARTS) {
    const v = values[part] as string;
    if (isPayer(v)) payers[part] = v;
    else errors[part] = e.payer;
  }
  const dailyText = (values.perDiemDaily as string).trim() || '0';
  const daily = isCurrencyCode(perDiemCurrency) ? parseAmount(dailyText, perDiemCurrency) : 0;
  if (daily === null || daily > 100_000_000) errors.perDiemDaily = e.amount;
  return done(
    { currency, ...payers, perDiemDailyMinor: daily ?? 0, perDiemCurrency } as PutCoverageDto,
    values,
    errors,
  );
}

export function rateForm(
  ctx: WebContext,
  body: Record<string, unknown>,
): Parsed<{ currency: string; rate: string }> {
  const e = ctx.t.finance.errors;
  const values = { currency: textOf(body, 'currency') ?? '', rate: textOf(body, 'rate') ?? '' };
  const errors: Record<string, string> = {};
  const currency = code(values.currency);
  if (!isCurrencyCode(currency)) errors.currency = e.currency;
  if (parseRate(values.rate) === null) errors.rate = e.rate;
  return done({ currency, rate: values.rate.trim().replace(',', '.') }, values, errors);
}

export function overrideForm(
  ctx: WebContext,
  body: Record<string, unknown>,
  perDiemCurrency: string | null,
): Parsed<PutCoverageOverrideDto> {
  const e = ctx.t.finance.errors;
  const values: Record<string, unknown> = {};
  for (const f of ['perDiemDays', 'perDiemDaily', 'note', ...COVERAGE_PARTS]) {
    values[f] = textOf(body, f) ?? '';
  }
  const errors: Record<string, string> = {};
  const dto: PutCoverageOverrideDto = {};
  for (const part of COVERAGE_PARTS) {
    const v = values[part] as string;
    if (v === '') dto[part] = null;
    else if (isPayer(v)) dto[part] = v;
    else errors[part] = e.payer;
  }
  const days = (values.perDiemDays as string).trim();
  if (days === '') dto.perDiemDays = null;
  else if (/^\d{1,3}$/.test(days) && Number(days) <= 366) dto.perDiemDays = Number(days);
  else errors.perDiemDays = e.days;
  const daily = (values.perDiemDaily as string).trim();
  if (daily === '') dto.perDiemDailyMinor = null;
  else {
    const minor = parseAmount(daily, perDiemCurrency ?? 'EUR');
    if (minor === null || minor > 100_000_000) errors.perDiemDaily = e.amount;
    else dto.perDiemDailyMinor = minor;
  }
  const note = (values.note as string).trim();
  if (note.length > 1000) errors.note = e.note;
  dto.note = note || null;
  return done(dto, values, errors);
}

export function costForm(
  ctx: WebContext,
  body: Record<string, unknown>,
): Parsed<CreateCostItemDto> {
  const e = ctx.t.finance.errors;
  const values: Record<string, unknown> = {};
  for (const f of ['kind', 'description', 'amount', 'currency', 'payer', 'advancedBy']) {
    values[f] = textOf(body, f) ?? '';
  }
  const errors: Record<string, string> = {};
  const kind = values.kind as string;
  if (!(COST_KINDS as readonly string[]).includes(kind)) errors.kind = e.kind;
  const description = (values.description as string).trim();
  if (description.length > 200) errors.description = e.description;
  const currency = code(values.currency as string);
  if (!isCurrencyCode(currency)) errors.currency = e.currency;
  const amount = isCurrencyCode(currency) ? parseAmount(values.amount as string, currency) : 0;
  if (amount === null || (values.amount as string).trim() === '') errors.amount = e.amount;
  const payer = values.payer as string;
  const advancedBy = values.advancedBy as string;
  if (payer !== '' && !isPayer(payer)) errors.payer = e.payer;
  if (advancedBy !== '' && !isPayer(advancedBy)) errors.advancedBy = e.payer;
  return done(
    {
      kind: kind as CostKind,
      description: description || undefined,
      amountMinor: amount ?? 0,
      currency,
      payer: isPayer(payer) ? payer : undefined,
      advancedBy: isPayer(advancedBy) ? advancedBy : undefined,
    },
    values,
    errors,
  );
}
