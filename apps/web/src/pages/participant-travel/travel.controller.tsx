import { Get, Param, Post } from '@nestjs/common';
import { type Actor, DomainError, notFound, UuidParamPipe } from '#core';
import type { Event } from '#events';
import { LIVE_STATUSES, type Registration, RegistrationAccess } from '#registrations';
import {
  addMonths,
  canMoveVisa,
  PASSPORT_VALIDITY_MONTHS,
  PutTravelPlanDto,
  TravelPlans,
  type TravelPlanView,
  type FlightLegView,
  LETTER_ISSUED_STATUSES,
  VisaLetterRequests,
  type VisaLetterRequestView,
  VisaLetters,
  VisaStatuses,
} from '#travel';
import {
  ActionButton,
  ErrorSummary,
  Form,
  type FormState,
  SelectField,
  TextField,
} from '../../components/form.js';
import { cityName, instantIn } from '../../format/dates.js';
import { formStateFromError, parseForm, textOf, unflatten } from '../../http/forms.js';
import { requireActor, type WebContext } from '../../http/web-context.js';
import { WebController } from '../../http/web-controller.decorator.js';
import { FormBody, Web } from '../../http/web-request.decorator.js';
import { Download, HtmlResponse, type PageResult, redirect } from '../../http/web-results.js';
import { renderPage } from '../../layout/layout.js';
import { Costs, type RegistrationCostsView } from '#finance';
import { MyCostsSection } from '../console-finance/my-costs.js';
import { Stays, type StayView } from '#accommodation';
import { MyStaySection } from './stay-section.js';
import { countryName, countryOptions } from '../../format/countries.js';
import { longDate } from './travel-format.js';
import { LetterRequestSection, letterErrorState, parseLetterForm } from './letter-request.js';

const RegistrationId = new UuidParamPipe('Registration');
const LIVE: readonly string[] = LIVE_STATUSES;

/**
 * Zones people fly in from most often, with their country; the meeting's own zone is the
 * default. A country with several zones also names the city.
 */
const AIRPORT_ZONES: Array<[zone: string, country: string, several?: boolean]> = [
  ['Africa/Casablanca', 'MA'],
  ['Africa/Ouagadougou', 'BF'],
  ['Africa/Abidjan', 'CI'],
  ['Africa/Dakar', 'SN'],
  ['Africa/Bamako', 'ML'],
  ['Africa/Niamey', 'NE'],
  ['Africa/Lome', 'TG'],
  ['Africa/Porto-Novo', 'BJ'],
  ['Africa/Kinshasa', 'CD', true],
  ['Africa/Lubumbashi', 'CD', true],
  ['Africa/Douala', 'CM'],
  ['Africa/Tunis', 'TN'],
  ['Africa/Algiers', 'DZ'],
  ['Africa/Cairo', 'EG'],
  ['Africa/Nairobi', 'KE'],
  ['Europe/Paris', 'FR'],
  ['Europe/Madrid', 'ES'],
  ['Europe/Brussels', 'BE'],
  ['Europe/Lisbon', 'PT'],
  ['Europe/London', 'GB'],
  ['Europe/Istanbul', 'TR'],
  ['America/Lima', 'PE'],
  ['America/Bogota', 'CO'],
  ['America/La_Paz', 'BO'],
  ['America/Sao_Paulo', 'BR', true],
  ['America/Mexico_City', 'MX', true],
  ['Asia/Manila', 'PH'],
  ['Asia/Phnom_Penh', 'KH'],
  ['Asia/Ho_Chi_Minh', 'VN'],
  ['Asia/Bangkok', 'TH'],
  ['Asia/Dubai', 'AE'],
];

const FIELDS = [
  'passport.nationality',
  'passport.number',
  'passport.expiresOn',
  'arrival.flightNumber',
  'arrival.airport',
  'arrival.at',
  'arrival.airportTimezone',
  'departure.flightNumber',
  'departure.airport',
  'departure.at',
  'departure.airportTimezone',
] as const;

interface TravelData {
  registration: Pick<Registration, 'id' | 'status'>;
  event: Event;
  plan: TravelPlanView;
  /** Date of birth, passport issue date and consulate, asked for the letter. */
  letter: VisaLetterRequestView;
  /** The letter details form shown again with its errors. */
  letterForm?: FormState;
  /** What the network pays and reimburses (finance); null when it cannot be read. */
  costs?: RegistrationCostsView | null;
  /** Hotel, nights and roommates' names (accommodation); null when it cannot be read. */
  stay?: StayView | null;
}

/** Wall-clock text for a datetime-local input: "2027-10-24T14:05" from "2027-10-24T14:05:00+00:00". */
const wallClock = (iso: string | undefined) => (iso ? iso.slice(0, 16) : '');

function valuesOf(plan: TravelPlanView): Record<string, unknown> {
  const leg = (name: 'arrival' | 'departure', l: FlightLegView | null) => ({
    [`${name}.flightNumber`]: l?.flightNumber ?? '',
    [`${name}.airport`]: l?.airport ?? '',
    [`${name}.at`]: wallClock(l?.at),
    [`${name}.airportTimezone`]: l?.airportTimezone ?? '',
  });
  return {
    'passport.nationality': plan.passport?.nationality ?? '',
    'passport.number': plan.passport && !plan.passport.numberMasked ? plan.passport.number : '',
    'passport.expiresOn': plan.passport?.expiresOn ?? '',
    ...leg('arrival', plan.arrival),
    ...leg('departure', plan.departure),
  };
}

/**
 * What the form sends, shaped as the API's PUT: a section left entirely blank is removed
 * (null) when it was on file, left alone otherwise; a number left blank keeps the one on file.
 */
function travelInput(body: Record<string, unknown>, plan: TravelPlanView) {
  const values: Record<string, string> = {};
  for (const f of FIELDS) values[f] = textOf(body, f) ?? '';
  const nested = unflatten(
    Object.fromEntries(Object.entries(values).filter(([, v]) => v !== '')),
  ) as Record<string, Record<string, string> | undefined>;
  const input: Record<string, unknown> = {};
  const blank = (prefix: string, keys: string[]) => keys.every((k) => !values[`${prefix}.${k}`]);
  if (!blank('passport', ['nationality', 'number', 'expiresOn'])) input.passport = nested.passport;
  else if (plan.passport) input.passport = null;
  for (const leg of ['arrival', 'departure'] as const) {
    if (!blank(leg, ['flightNumber', 'airport', 'at'])) input[leg] = nested[leg] ?? {};
    else if (plan[leg]) input[leg] = null;
  }
  return { values, input };
}

/** Why a registration's travel cannot change: consent still awaited, or no longer active. */
const inactiveNotice = (ctx: WebContext, status: string) =>
  status === 'awaiting_consent' ? ctx.t.travel.needsConsent : ctx.t.travel.frozen;

/** Messages next to each field, in the page's own words (clearer than the generic ones). */
function fieldMessages(ctx: WebContext, state: FormState, fromService: boolean): FormState {
  const e = ctx.t.travel.errors;
  const errors: Record<string, string> = {};
  for (const field of Object.keys(state.errors)) {
    const leaf = field.split('.').pop() ?? field;
    if (field === '_form') errors[field] = state.errors[field];
    else if (fromService && field === 'passport.expiresOn') errors[field] = e.expired;
    else if (fromService && field === 'departure.at') errors[field] = e.departureBeforeArrival;
    else if (leaf === 'airportTimezone') errors[field] = e.zone;
    else errors[field] = (e as Record<string, string>)[leaf] ?? state.errors[field];
  }
  // A whole section the DTO refused (passport with no country) shows on its first field.
  for (const section of ['passport', 'arrival', 'departure']) {
    if (errors[section]) {
      const first = FIELDS.find((f) => f.startsWith(`${section}.`))!;
      errors[first] ??= errors[section];
      delete errors[section];
    }
  }
  return { values: state.values, errors };
}

/** The travel plan of one of the person's own registrations: passport, flights, visa, letter. */
@WebController('my/registrations')
export class TravelPageController {
  constructor(
    private readonly access: RegistrationAccess,
    private readonly plans: TravelPlans,
    private readonly visas: VisaStatuses,
    private readonly letters: VisaLetters,
    private readonly letterRequests: VisaLetterRequests,
    private readonly costs: Costs,
    private readonly stays: Stays,
  ) {}

  /** Only the person's own registrations: anyone else's (even an organiser's view) is a 404. */
  private async load(actor: Actor, id: string): Promise<TravelData> {
    // One access check for the page, its sections read from it: each section's service
    // used to make its own (about 30 statements, the event and the registration read five
    // times). The page is the person's own: an organiser of the event is not let in here.
    const loaded = await this.access.load(actor, id);
    if (!loaded.isOwner) throw notFound('Registration');
    const { registration, event } = loaded;
    const plan = await this.plans.viewOf(loaded);
    const letter = await this.letterRequests.viewOf(loaded);
    const costs = await this.costs.viewOf(loaded).catch(() => null);
    const stay = await this.stays.viewOf(loaded).catch(() => null);
    return { registration, event, plan, costs, stay, letter };
  }

  private page(
    ctx: WebContext,
    data: TravelData,
    form?: FormState,
    status = 200,
    notice?: string,
  ): PageResult {
    const html = renderPage(ctx, {
      title: ctx.t.travel.title,
      children: (
        <TravelPage
          ctx={ctx}
          data={data}
          form={form ?? { values: valuesOf(data.plan), errors: {} }}
          notice={notice}
        />
      ),
    });
    return status === 200 ? html : new HtmlResponse(html, status);
  }

  @Get(':id/travel')
  async show(@Web() ctx: WebContext, @Param('id', RegistrationId) id: string) {
    return this.page(ctx, await this.load(requireActor(ctx), id));
  }

  @Post(':id/travel')
  async save(
    @Web() ctx: WebContext,
    @Param('id', RegistrationId) id: string,
    @FormBody() body: Record<string, unknown>,
  ): Promise<PageResult> {
    const actor = requireActor(ctx);
    const data = await this.load(actor, id);
    const { values, input } = travelInput(body, data.plan);
    const parsed = await parseForm(ctx, PutTravelPlanDto, values, input);
    if (!parsed.ok) return this.page(ctx, data, fieldMessages(ctx, parsed.state, false), 400);
    try {
      await this.plans.put(actor, id, parsed.value);
    } catch (e) {
      if (e instanceof DomainError && e.code === 'conflict' && !e.details?.fields) {
        return this.page(
          ctx,
          data,
          { values, errors: {} },
          409,
          inactiveNotice(ctx, data.registration.status),
        );
      }
      const state = formStateFromError(ctx, e, values);
      return this.page(ctx, data, fieldMessages(ctx, state, true), 400);
    }
    return redirect(`/my/registrations/${id}/travel`, 'travel.saved');
  }

  @Post(':id/travel/letter-request')
  async requestLetter(
    @Web() ctx: WebContext,
    @Param('id', RegistrationId) id: string,
  ): Promise<PageResult> {
    const actor = requireActor(ctx);
    const data = await this.load(actor, id);
    try {
      await this.visas.move(actor, id, { status: 'letter_requested' });
    } catch (e) {
      if (e instanceof DomainError && e.code === 'conflict') {
        return this.page(ctx, data, undefined, 409, inactiveNotice(ctx, data.registration.status));
      }
      throw e;
    }
    return redirect(`/my/registrations/${id}/travel`, 'travel.letterRequested');
  }

  /** The letter's own details: checked by the API's DTO, saved by the service, errors per field. */
  @Post(':id/travel/letter-details')
  async saveLetterDetails(
    @Web() ctx: WebContext,
    @Param('id', RegistrationId) id: string,
    @FormBody() body: Record<string, unknown>,
  ): Promise<PageResult> {
    const actor = requireActor(ctx);
    const data = await this.load(actor, id);
    const parsed = await parseLetterForm(ctx, body);
    if (!parsed.ok) return this.page(ctx, { ...data, letterForm: parsed.state }, undefined, 400);
    try {
      await this.letterRequests.put(actor, id, parsed.value);
    } catch (e) {
      if (e instanceof DomainError && e.code === 'conflict') {
        return this.page(ctx, data, undefined, 409, inactiveNotice(ctx, data.registration.status));
      }
      const letterForm = letterErrorState(ctx, e, body);
      return this.page(ctx, { ...data, letterForm }, undefined, 400);
    }
    return redirect(`/my/registrations/${id}/travel#trv-letter`, 'letters.request.saved');
  }

  @Get(':id/travel/invitation-letter.pdf')
  async letter(
    @Web() ctx: WebContext,
    @Param('id', RegistrationId) id: string,
  ): Promise<PageResult> {
    const actor = requireActor(ctx);
    const data = await this.load(actor, id);
    try {
      const { filename, pdf } = await this.letters.letter(actor, id);
      return new Download(pdf, 'application/pdf', filename, 'attachment');
    } catch (e) {
      if (!(e instanceof DomainError) || e.code !== 'conflict') throw e;
      const t = ctx.t.travel;
      const notice = e.details?.fields
        ? t.letterNeedsPassport
        : data.registration.status !== 'confirmed'
          ? t.letterNeedsConfirmation
          : t.letterNotYet;
      return this.page(ctx, data, undefined, 409, notice);
    }
  }
}

function TravelPage(props: {
  ctx: WebContext;
  data: TravelData;
  form: FormState;
  notice?: string;
}) {
  const { ctx, data, form } = props;
  const t = ctx.t.travel;
  const { plan, event, registration } = data;
  const live = LIVE.includes(registration.status);
  const labels: Record<string, string> = {
    'passport.nationality': t.nationality,
    'passport.number': t.number,
    'passport.expiresOn': t.expiresOn,
    'arrival.flightNumber': `${t.arrivalTitle} – ${t.flightNumber}`,
    'arrival.airport': `${t.arrivalTitle} – ${t.airport}`,
    'arrival.at': `${t.arrivalTitle} – ${t.arrivalAt}`,
    'arrival.airportTimezone': `${t.arrivalTitle} – ${t.airportZone}`,
    'departure.flightNumber': `${t.departureTitle} – ${t.flightNumber}`,
    'departure.airport': `${t.departureTitle} – ${t.airport}`,
    'departure.at': `${t.departureTitle} – ${t.departureAt}`,
    'departure.airportTimezone': `${t.departureTitle} – ${t.airportZone}`,
  };
  return (
    <div class="trv">
      <p>
        <a href="/my/registrations">{t.backToRegistrations}</a>
      </p>
      <h1>{t.title}</h1>
      <p class="lead">{t.lead(event.name)}</p>
      {props.notice && (
        <p class="warning" role="alert">
          {props.notice}
        </p>
      )}
      <VisaSection ctx={ctx} data={data} />
      <PlanSummary ctx={ctx} data={data} />
      <MyCostsSection ctx={ctx} costs={data.costs ?? null} />
      <MyStaySection
        ctx={ctx}
        registrationId={registration.id}
        stay={data.stay ?? null}
        live={live}
      />
      {live && <h2 id="trv-edit">{t.editTitle}</h2>}
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      {live && (
        <Form ctx={ctx} action={`/my/registrations/${registration.id}/travel`} class="card">
          <PassportFields ctx={ctx} data={data} form={form} />
          <p class="hint trv-hint">{t.flightsHint}</p>
          <LegFields ctx={ctx} event={event} form={form} leg="arrival" />
          <LegFields ctx={ctx} event={event} form={form} leg="departure" />
          <button class="btn" type="submit">
            {t.save}
          </button>
        </Form>
      )}
      {plan.pickupGroup && <p class="notice">{t.pickup(plan.pickupGroup.size)}</p>}
    </div>
  );
}

function PassportFields(props: { ctx: WebContext; data: TravelData; form: FormState }) {
  const { ctx, form } = props;
  const { plan, event } = props.data;
  const t = ctx.t.travel;
  const masked = plan.passport?.numberMasked ? plan.passport.number : null;
  return (
    <fieldset class="trv-section">
      <legend>{t.passportTitle}</legend>
      <p class="hint">{t.passportHint}</p>
      <SelectField
        form={form}
        name="passport.nationality"
        label={t.nationality}
        options={countryOptions(ctx.locale)}
        placeholder={t.chooseCountry}
      />
      <TextField
        form={form}
        name="passport.number"
        label={t.number}
        hint={masked ? t.numberOnFile(masked) : t.numberHint}
        autocomplete="off"
        maxLength={40}
        dir="ltr"
      />
      <TextField
        form={form}
        name="passport.expiresOn"
        label={t.expiresOn}
        hint={t.expiresOnHint}
        type="date"
        dir="ltr"
      />
      {plan.warnings.map((w) => (
        <p class="warning" role="status">
          {w.code === 'passport_expires_before_event_end'
            ? t.warnBeforeEnd(longDate(plan.passport!.expiresOn!, ctx.locale))
            : t.warnSixMonths(
                longDate(plan.passport!.expiresOn!, ctx.locale),
                longDate(addMonths(event.endDate, PASSPORT_VALIDITY_MONTHS), ctx.locale),
              )}
        </p>
      ))}
    </fieldset>
  );
}

function zoneOptions(ctx: WebContext, current: string) {
  const known = AIRPORT_ZONES.some(([z]) => z === current);
  const options = AIRPORT_ZONES.map(([zone, country, several]) => {
    const name = countryName(country, ctx.locale);
    return {
      value: zone,
      label: several ? `${name} (${cityName(null, zone, ctx.locale)})` : name,
    };
  }).sort((a, b) => a.label.localeCompare(b.label, ctx.locale));
  return current && !known ? [{ value: current, label: current }, ...options] : options;
}

function LegFields(props: {
  ctx: WebContext;
  event: Event;
  form: FormState;
  leg: 'arrival' | 'departure';
}) {
  const { ctx, form, leg, event } = props;
  const t = ctx.t.travel;
  const current = String(form.values[`${leg}.airportTimezone`] ?? '');
  return (
    <fieldset class="trv-section">
      <legend>{leg === 'arrival' ? t.arrivalTitle : t.departureTitle}</legend>
      <div class="trv-row">
        <TextField
          form={form}
          name={`${leg}.flightNumber`}
          label={t.flightNumber}
          hint={t.flightNumberHint}
          autocomplete="off"
          maxLength={12}
          dir="ltr"
        />
        <TextField
          form={form}
          name={`${leg}.airport`}
          label={t.airport}
          hint={t.airportHint}
          autocomplete="off"
          maxLength={3}
          dir="ltr"
        />
      </div>
      <TextField
        form={form}
        name={`${leg}.at`}
        label={leg === 'arrival' ? t.arrivalAt : t.departureAt}
        type="datetime-local"
        dir="ltr"
      />
      <SelectField
        form={form}
        name={`${leg}.airportTimezone`}
        label={t.airportZone}
        options={zoneOptions(ctx, current)}
        placeholder={t.eventZone(cityName(event.venueCity, event.timezone, ctx.locale))}
      />
    </fieldset>
  );
}

function legText(ctx: WebContext, event: Event, leg: FlightLegView | null): string {
  const t = ctx.t.travel;
  if (!leg) return t.noFlight;
  const zone = leg.airportTimezone ?? event.timezone;
  const city = leg.airportTimezone ? null : event.venueCity;
  return `${t.flightLine(leg.flightNumber, leg.airport)} · ${instantIn(leg.at, zone, ctx.locale, city)}`;
}

/** The plan in words: country named, dates and times written the local way, zones named. */
function PlanSummary(props: { ctx: WebContext; data: TravelData }) {
  const { ctx } = props;
  const { plan, event, registration } = props.data;
  const t = ctx.t.travel;
  const p = plan.passport;
  return (
    <section class="card" aria-labelledby="trv-summary">
      <h2 id="trv-summary">{t.summaryTitle}</h2>
      {!LIVE.includes(registration.status) && (
        <p class="notice">
          {registration.status === 'awaiting_consent' ? t.needsConsent : t.frozen}
        </p>
      )}
      <dl class="facts trv-facts">
        <dt>{t.passportTitle}</dt>
        <dd>
          {p
            ? ctx.t.mydata.passportLine(
                p.nationality ? countryName(p.nationality, ctx.locale) : t.none,
                p.number ?? t.none,
                p.expiresOn ? longDate(p.expiresOn, ctx.locale) : t.none,
              )
            : t.passportMissing}
        </dd>
        <dt>{t.arrivalTitle}</dt>
        <dd>{legText(ctx, event, plan.arrival)}</dd>
        <dt>{t.departureTitle}</dt>
        <dd>{legText(ctx, event, plan.departure)}</dd>
      </dl>
    </section>
  );
}

/** Automatic notes are written by Convene in English: say them in the reader's language. */
function noteText(ctx: WebContext, note: string | null): string {
  const n = ctx.t.travel.autoNotes;
  if (!note) return ctx.t.travel.none;
  if (note === "From the event's visa rules") return n.rules;
  if (note === 'Invitation letter issued') return n.issued;
  if (/^A [A-Z]{2} passport needs a visa for this event$/.test(note)) return n.needsVisa;
  return note;
}

function VisaSection(props: { ctx: WebContext; data: TravelData }) {
  const { ctx } = props;
  const { plan, event, registration } = props.data;
  const t = ctx.t.travel;
  const status = plan.visa.status;
  const words = t.visaStatuses[status ?? 'unknown'];
  const live = LIVE.includes(registration.status);
  // Asking again once a letter exists would only confuse: the button is for a first letter
  // (or a new try after a refusal), as far as the visa rules let a participant ask.
  const canAsk =
    live &&
    plan.passport?.nationality &&
    (status === null || status === 'not_required' || status === 'refused') &&
    canMoveVisa(status, 'letter_requested', 'participant');
  const issued = status !== null && LETTER_ISSUED_STATUSES.includes(status);
  const when = (iso: string) => instantIn(iso, event.timezone, ctx.locale, event.venueCity);
  return (
    <section class="card trv-visa" aria-labelledby="visa-title">
      <h2 id="visa-title">{t.visaTitle}</h2>
      <p>
        <strong>{t.visaStatus}</strong> <span class="trv-status">{words}</span>
      </p>
      {canAsk && (
        <>
          <p>{plan.visa.required ? t.visaNeeded : t.visaMaybe}</p>
          <ActionButton
            ctx={ctx}
            action={`/my/registrations/${registration.id}/travel/letter-request`}
            label={t.requestLetter}
            variant={plan.visa.required ? undefined : 'secondary'}
          />
        </>
      )}
      {status === 'letter_requested' && <p>{t.letterPending}</p>}
      {(status === 'letter_requested' || issued) && (
        <LetterRequestSection
          ctx={ctx}
          registrationId={registration.id}
          view={props.data.letter}
          editable={live && status === 'letter_requested'}
          hasPassport={
            !!(plan.passport?.nationality && plan.passport.number && plan.passport.expiresOn)
          }
          form={props.data.letterForm}
        />
      )}
      {issued && (
        <p>
          <a
            class="btn"
            href={`/my/registrations/${registration.id}/travel/invitation-letter.pdf`}
            download
          >
            {t.downloadLetter}
          </a>{' '}
          {plan.visa.letterIssuedAt && (
            <span class="hint">{t.letterIssuedOn(when(plan.visa.letterIssuedAt))}</span>
          )}
        </p>
      )}
      {plan.visa.history.length > 0 && (
        <>
          <h3>{t.history}</h3>
          <ol class="trv-history">
            {plan.visa.history.map((h) => (
              <li>
                <span class="trv-when">{when(h.at)}</span>
                <br />
                {t.historyLine(h.from ? t.visaStatuses[h.from] : t.none, t.visaStatuses[h.to])}
                {h.note && (
                  <>
                    <br />
                    <span class="hint">{t.historyNote(noteText(ctx, h.note))}</span>
                  </>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
