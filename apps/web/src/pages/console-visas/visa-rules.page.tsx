import type { EventView } from '#events';
import type { VisaRulesView } from '#travel';
import { ErrorSummary, fieldId, Form, type FormState } from '../../components/form.js';
import type { WebContext } from '../../http/web-context.js';
import { visasPath } from './visa-board.page.js';
import { countryName, countryOptions } from '../../format/countries.js';
import { shortDateTime } from './visa-format.js';

/** A multi-select of countries (works without JavaScript: Ctrl-click picks several). */
function CountriesField(props: { ctx: WebContext; form: FormState }) {
  const { ctx, form } = props;
  const t = ctx.t.consoleVisas.rules;
  const name = 'visaRequiredFor';
  const id = fieldId(name);
  const error = form.errors[name];
  const raw = form.values[name];
  const chosen = new Set(Array.isArray(raw) ? raw.map(String) : raw ? [String(raw)] : []);
  return (
    <div class={`field${error ? ' invalid' : ''}`}>
      <label for={id}>{t.countries}</label>
      <span class="hint" id={`${id}-hint`}>
        {t.countriesHint}
      </span>
      {error && (
        <span class="error" id={`${id}-error`}>
          {error}
        </span>
      )}
      <select
        id={id}
        name={name}
        multiple
        size={14}
        class="cv-countries"
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
      >
        {countryOptions(ctx.locale).map((o) => (
          <option value={o.value} selected={chosen.has(o.value)}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Which nationalities need a visa for this event, and how many plans to look at again. */
export function VisaRulesPage(props: {
  ctx: WebContext;
  event: EventView;
  rules: VisaRulesView;
  form: FormState;
}) {
  const { ctx, event, rules } = props;
  const t = ctx.t.consoleVisas.rules;
  const current = rules.visaRequiredFor
    .map((c) => countryName(c, ctx.locale))
    .sort((a, b) => a.localeCompare(b, ctx.locale));
  return (
    <>
      <p class="no-print">
        <a href={visasPath(event.id)}>{ctx.t.consoleVisas.person.back}</a>
      </p>
      <p class="lead">{t.lead}</p>
      {rules.country && <p>{t.country(countryName(rules.country, ctx.locale))}</p>}
      <section class="card" aria-labelledby="cv-rules-current">
        <h2 id="cv-rules-current">{t.current}</h2>
        {current.length === 0 ? (
          <p>{t.none}</p>
        ) : (
          <ul class="cv-country-list">
            {current.map((name) => (
              <li>{name}</li>
            ))}
          </ul>
        )}
        <p class={rules.plansToReview > 0 ? 'warning' : undefined} id="cv-to-review">
          {t.toReview(rules.plansToReview)}
          {rules.plansToReview > 0 && (
            <>
              {' '}
              <a href={`${visasPath(event.id)}?status=not_required`}>{t.reviewLink}</a>
            </>
          )}
        </p>
        {rules.updatedAt && (
          <p class="muted">
            {t.updatedAt(shortDateTime(rules.updatedAt, event.timezone, ctx.locale))}
          </p>
        )}
      </section>
      <ErrorSummary ctx={ctx} form={props.form} labels={{ visaRequiredFor: t.countries }} />
      <Form ctx={ctx} action={`${visasPath(event.id)}/rules`} class="card" id="cv-rules">
        <CountriesField ctx={ctx} form={props.form} />
        <button type="submit" class="btn">
          {t.save}
        </button>
      </Form>
    </>
  );
}
