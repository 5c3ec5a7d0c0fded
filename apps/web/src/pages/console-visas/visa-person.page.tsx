import type { EventView } from '#events';
import {
  LETTER_ISSUED_STATUSES,
  nextVisaStatuses,
  type VisaChangeView,
  type VisaListItem,
} from '#travel';
import {
  CheckboxField,
  ErrorSummary,
  Form,
  type FormState,
  SelectField,
  TextArea,
} from '../../components/form.js';
import type { WebContext } from '../../http/web-context.js';
import { ExpiryWarning, StatusBadge, visasPath } from './visa-board.page.js';
import { countryName } from '../../format/countries.js';
import { shortDate, shortDateTime } from './visa-format.js';

/**
 * Notes Convene writes itself are stored in English; they are shown in the reader's
 * language. Notes typed by organisers are shown as typed.
 */
function noteText(ctx: WebContext, note: string | null): string {
  const t = ctx.t.consoleVisas.history.notes;
  if (!note) return '';
  if (note === 'Invitation letter issued') return t.letterIssued;
  if (note === "From the event's visa rules") return t.fromRules;
  const needs = /^A ([A-Z]{2}) passport needs a visa for this event$/.exec(note);
  if (needs) return t.needsVisa(countryName(needs[1], ctx.locale));
  return note;
}

function History(props: { ctx: WebContext; event: EventView; history: VisaChangeView[] }) {
  const { ctx, event } = props;
  const t = ctx.t.consoleVisas;
  if (props.history.length === 0) return <p>{t.history.empty}</p>;
  return (
    <div class="table-wrap">
      <table class="cv-history">
        <thead>
          <tr>
            <th scope="col">{t.history.when}</th>
            <th scope="col">{t.history.change}</th>
            <th scope="col">{t.history.by}</th>
            <th scope="col">{t.history.note}</th>
          </tr>
        </thead>
        <tbody>
          {[...props.history].reverse().map((h) => (
            <tr>
              <td class="cv-nowrap">{shortDateTime(h.at, event.timezone, ctx.locale)}</td>
              <td>
                {t.statuses[h.from ?? 'unknown']} → <strong>{t.statuses[h.to]}</strong>
              </td>
              <td>
                <bdi>{h.by ? h.by.name : t.history.system}</bdi>
              </td>
              <td dir="auto" class="cv-note">
                {noteText(ctx, h.note)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One person's visa: the facts, the history with notes, and the change form. */
export function VisaPersonPage(props: {
  ctx: WebContext;
  event: EventView;
  item: VisaListItem;
  history: VisaChangeView[];
  change: FormState;
}) {
  const { ctx, event, item } = props;
  const t = ctx.t.consoleVisas;
  const p = t.person;
  const base = `${visasPath(event.id)}/${item.registrationId}`;
  const next = nextVisaStatuses(item.visaStatus);
  return (
    <>
      <p class="no-print">
        <a href={visasPath(event.id)}>{p.back}</a>
      </p>
      <dl class="facts card">
        <dt>{p.email}</dt>
        <dd>{item.account.email}</dd>
        <dt>{p.organisation}</dt>
        <dd dir="auto">
          {item.organisation.name} ({countryName(item.organisation.country, ctx.locale)})
        </dd>
        <dt>{p.nationality}</dt>
        <dd>{item.nationality ? countryName(item.nationality, ctx.locale) : p.notKnown}</dd>
        <dt>{p.passportNumber}</dt>
        <dd>{item.passportNumberOnFile ? p.onFile : p.notOnFile}</dd>
        <dt>{p.passportExpiry}</dt>
        <dd>
          {item.passportExpiresOn ? shortDate(item.passportExpiresOn, ctx.locale) : p.notOnFile}
          <ExpiryWarning ctx={ctx} item={item} />
        </dd>
        <dt>{p.visaNeeded}</dt>
        <dd>{item.visaRequired === null ? p.notKnown : item.visaRequired ? p.yes : p.no}</dd>
        <dt>{p.status}</dt>
        <dd>
          <StatusBadge ctx={ctx} status={item.visaStatus} />
          {item.letterDetailsMissing.length > 0 && (
            <span class="cv-details-missing">
              {ctx.t.letterDetails.missing(
                item.letterDetailsMissing.map((d) => ctx.t.letterDetails.names[d]).join(', '),
              )}
            </span>
          )}
        </dd>
        {item.letterIssuedAt && (
          <>
            <dt>{p.letterIssuedAt}</dt>
            <dd>
              {shortDateTime(item.letterIssuedAt, event.timezone, ctx.locale)}
              {item.visaStatus && LETTER_ISSUED_STATUSES.includes(item.visaStatus) && (
                <>
                  {' · '}
                  <a href={`${base}/letter.pdf`}>{t.downloadLetter}</a>
                </>
              )}
            </dd>
          </>
        )}
      </dl>

      <h2 id="cv-change-title">{t.change.title}</h2>
      <ErrorSummary
        ctx={ctx}
        form={props.change}
        labels={{ status: t.change.status, note: t.change.note }}
      />
      {next.length === 0 ? (
        <p>{t.change.none}</p>
      ) : (
        <Form ctx={ctx} action={`${base}/status`} class="card" id="cv-change">
          <SelectField
            form={props.change}
            name="status"
            label={t.change.status}
            placeholder={t.change.choose}
            options={next.map((s) => ({ value: s, label: t.statuses[s] }))}
            required
          />
          <TextArea
            form={props.change}
            name="note"
            label={t.change.note}
            hint={t.change.noteHint}
            rows={3}
            maxLength={1000}
          />
          {item.letterDetailsMissing.length > 0 && (
            <CheckboxField
              form={props.change}
              name="withoutLetterDetails"
              label={ctx.t.letterDetails.withoutDetails}
            />
          )}
          <button type="submit" class="btn">
            {t.change.submit}
          </button>
        </Form>
      )}

      <h2>{t.history.title}</h2>
      <History ctx={ctx} event={event} history={props.history} />
    </>
  );
}
