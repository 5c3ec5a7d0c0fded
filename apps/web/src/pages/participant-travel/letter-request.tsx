import { VisaLetterRequestDto, type VisaLetterRequestView } from '#travel';
import { Form, type FormState, SelectField, TextField } from '../../components/form.js';
import { countryName, countryOptions } from '../../format/countries.js';
import { formStateFromError, parseForm, textOf } from '../../http/forms.js';
import type { WebContext } from '../../http/web-context.js';
import { longDate } from './travel-format.js';

export const LETTER_FIELDS = [
  'birthDate',
  'passportIssuedOn',
  'consulateCountry',
  'consulateCity',
] as const;

/** The form's values from what is on file (dates as the date inputs want them). */
export function letterValues(view: VisaLetterRequestView): Record<string, unknown> {
  return {
    birthDate: view.birthDate ?? '',
    passportIssuedOn: view.passportIssuedOn ?? '',
    consulateCountry: view.consulate?.country ?? '',
    consulateCity: view.consulate?.city ?? '',
  };
}

/** The messages next to each field, in the page's words (the service's codes, the DTO's fields). */
function ownMessages(ctx: WebContext, state: FormState): FormState {
  const e = ctx.t.letters.request.errors;
  const errors: Record<string, string> = {};
  for (const field of Object.keys(state.errors)) {
    errors[field] = (e as Record<string, string>)[field] ?? state.errors[field];
  }
  return { values: state.values, errors };
}

/** Checks the posted form with the API's DTO; the service's refusals come back per field. */
export async function parseLetterForm(
  ctx: WebContext,
  body: Record<string, unknown>,
): Promise<{ ok: true; value: VisaLetterRequestDto } | { ok: false; state: FormState }> {
  const values: Record<string, string> = {};
  for (const f of LETTER_FIELDS) values[f] = textOf(body, f) ?? '';
  const parsed = await parseForm(ctx, VisaLetterRequestDto, values, { ...values });
  return parsed.ok ? parsed : { ok: false, state: ownMessages(ctx, parsed.state) };
}

export function letterErrorState(
  ctx: WebContext,
  error: unknown,
  body: Record<string, unknown>,
): FormState {
  const values: Record<string, string> = {};
  for (const f of LETTER_FIELDS) values[f] = textOf(body, f) ?? '';
  return ownMessages(ctx, formStateFromError(ctx, error, values));
}

/**
 * The letter's own details (date of birth, passport issue date, consulate), asked once a
 * letter is requested and until it is issued; then shown, not changed.
 */
export function LetterRequestSection(props: {
  ctx: WebContext;
  registrationId: string;
  view: VisaLetterRequestView;
  editable: boolean;
  hasPassport: boolean;
  form?: FormState;
}) {
  const { ctx, view } = props;
  const t = ctx.t.letters.request;
  const form = props.form ?? { values: letterValues(view), errors: {} };
  const known = view.birthDate || view.passportIssuedOn || view.consulate;
  const summary = known && (
    <dl class="facts trv-facts">
      <dt>{t.birthDate}</dt>
      <dd>{view.birthDate ? longDate(view.birthDate, ctx.locale) : '—'}</dd>
      <dt>{t.passportIssuedOn}</dt>
      <dd>{view.passportIssuedOn ? longDate(view.passportIssuedOn, ctx.locale) : '—'}</dd>
      <dt>{t.consulateCity}</dt>
      <dd>
        {view.consulate
          ? t.consulateLine(view.consulate.city, countryName(view.consulate.country, ctx.locale))
          : '—'}
      </dd>
    </dl>
  );
  if (!props.editable) {
    return summary ? (
      <div class="trv-letter">
        <h3>{t.onFile}</h3>
        {summary}
      </div>
    ) : null;
  }
  const errors = Object.keys(form.errors).length > 0;
  const fields = (
    <Form
      ctx={ctx}
      action={`/my/registrations/${props.registrationId}/travel/letter-details`}
      id="trv-letter-form"
    >
      <TextField
        form={form}
        name="birthDate"
        label={t.birthDate}
        type="date"
        dir="ltr"
        autocomplete="bday"
      />
      <TextField
        form={form}
        name="passportIssuedOn"
        label={t.passportIssuedOn}
        hint={t.passportIssuedOnHint}
        type="date"
        dir="ltr"
      />
      <SelectField
        form={form}
        name="consulateCountry"
        label={t.consulateCountry}
        hint={t.consulateCountryHint}
        options={countryOptions(ctx.locale)}
        placeholder={ctx.t.travel.chooseCountry}
      />
      <TextField
        form={form}
        name="consulateCity"
        label={t.consulateCity}
        hint={t.consulateCityHint}
        maxLength={100}
      />
      <button class="btn" type="submit">
        {t.update}
      </button>
    </Form>
  );
  return (
    <div class="trv-letter" id="trv-letter">
      <h3>{t.title}</h3>
      <p class="hint">{t.lead}</p>
      {!props.hasPassport && <p class="warning">{t.needsPassport}</p>}
      {view.complete && !errors ? (
        <>
          {summary}
          <details>
            <summary>{t.change}</summary>
            {fields}
          </details>
        </>
      ) : (
        fields
      )}
    </div>
  );
}
