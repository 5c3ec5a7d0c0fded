import type { Conflict, SessionView } from '#agenda';
import type { EventView } from '#events';
import {
  CheckboxField,
  CheckboxGroup,
  ErrorSummary,
  fieldId,
  Form,
  type FormState,
  SelectField,
  TextArea,
  TextField,
} from '../../components/form.js';
import { organisationOptions } from '../../components/choices.js';
import { checked, listOf, textOf } from '../../http/forms.js';
import type { WebContext } from '../../http/web-context.js';
import {
  type ConflictContext,
  conflictText,
  dayLabel,
  datesBetween,
  languageName,
  localDay,
  localTime,
} from './agenda-words.js';
import type { Locale } from '#core';
import { formatCount } from '#i18n';

export const SESSION_KIND_OPTIONS = [
  'plenary',
  'workshop',
  'site_visit',
  'team_meeting',
  'family_workshop',
  'observation_day',
  'meal',
  'social',
  'break',
] as const;

const COMMON_LANGUAGES = ['fr', 'en', 'es', 'ar', 'pt'];
const TEXT_LOCALES = ['fr', 'en', 'es'] as const;

/**
 * The language the plain title, description and rules are written in (the event's first
 * of fr/en/es, as the service reads them), and the event's other languages, whose
 * translations the form asks for.
 */
export function textLanguages(languages: readonly string[]): { first: string; others: string[] } {
  const own = languages.filter((l) => (TEXT_LOCALES as readonly string[]).includes(l));
  const first = own[0] ?? 'fr';
  return { first, others: own.filter((l) => l !== first) };
}

const linesOf = (text: string | undefined) =>
  (text ?? '')
    .split(/\r?\n/)
    .map((r) => r.trim())
    .filter(Boolean);

/** A time of day in the event's zone (the browser's time picker, or HH:MM without script). */
export function TimeField(props: { form: FormState; name: string; label: string; hint?: string }) {
  const id = fieldId(props.name, props.form.idPrefix);
  const error = props.form.errors[props.name];
  const value = props.form.values[props.name];
  const described = [props.hint ? `${id}-hint` : '', error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div class={`field${error ? ' invalid' : ''}`}>
      <label for={id}>{props.label}</label>
      {props.hint && (
        <span class="hint" id={`${id}-hint`}>
          {props.hint}
        </span>
      )}
      {error && (
        <span class="error" id={`${id}-error`}>
          {error}
        </span>
      )}
      <input
        class="ca-time"
        id={id}
        name={props.name}
        type="time"
        step={300}
        value={typeof value === 'string' ? value : ''}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={described || undefined}
      />
    </div>
  );
}

/** The days a session can be put on: the event's, plus its current day when outside them. */
export function dayOptions(ctx: WebContext, event: EventView, current?: string) {
  const days = datesBetween(event.startDate, event.endDate);
  if (current && !days.includes(current)) days.push(current);
  return days.sort().map((d) => ({
    value: d,
    label: `${dayLabel(d, ctx.locale, 'long')}${d < event.startDate || d > event.endDate ? ` (${ctx.t.consoleAgenda.outsideDay})` : ''}`,
  }));
}

type Room = { id: string; name: string; capacity: number | null };

export function roomOptions(rooms: Room[], locale: Locale) {
  return rooms.map((r) => ({
    value: r.id,
    label: r.capacity != null ? `${r.name} (${formatCount(locale, r.capacity)})` : r.name,
  }));
}

/** The form's values for an existing session (what the fields show before any edit). */
export function sessionFormValues(s: SessionView): Record<string, unknown> {
  const visit = s.siteVisit;
  return {
    kind: s.kind,
    title: s.title,
    description: s.description ?? '',
    theme: s.theme ?? '',
    day: localDay(s.startsAt),
    startsAt: localTime(s.startsAt),
    endsAt: localTime(s.endsAt),
    roomId: s.room?.id ?? '',
    facilitatorIds: s.facilitators.map((f) => f.accountId),
    language: s.language ?? '',
    interpretationLanguages: s.interpretationLanguages,
    capacity: s.capacity == null || visit ? '' : String(s.capacity),
    signupRequired: s.signupRequired ? 'on' : undefined,
    ...Object.fromEntries(
      TEXT_LOCALES.flatMap((l) => [
        [`titles.${l}`, s.titles[l] ?? ''],
        [`descriptions.${l}`, s.descriptions[l] ?? ''],
        [`siteVisit.rulesByLanguage.${l}`, (visit?.rulesTexts[l] ?? []).join('\n')],
      ]),
    ),
    ...(visit
      ? {
          'siteVisit.hostOrganisationId': visit.hostOrganisationId,
          'siteVisit.address': visit.address,
          'siteVisit.meetingPoint': visit.meetingPoint,
          'siteVisit.departureAt': localTime(visit.departureAt),
          'siteVisit.returnAt': localTime(visit.returnAt),
          'siteVisit.transport': visit.transportMode,
          'siteVisit.seats': String(visit.seats),
          'siteVisit.rules': visit.rules.join('\n'),
          'siteVisit.hostLimit': visit.hostLimit == null ? '' : String(visit.hostLimit),
          'siteVisit.hostContactName': visit.hostContactName ?? '',
          'siteVisit.hostContactPhone': visit.hostContactPhone ?? '',
          'siteVisit.hostContactEmail': visit.hostContactEmail ?? '',
        }
      : {}),
  };
}

const whole = (v: string | undefined): number | string | undefined =>
  v === undefined ? undefined : /^\d{1,7}$/.test(v) ? Number(v) : v;

/** "2027-10-26" + "10:00" as the DTO's wall-clock time in the event's zone. */
const at = (day: string | undefined, time: string | undefined) =>
  day && time ? `${day}T${time}` : undefined;

/**
 * The form fields shaped as the API's CreateSessionDto (validated by the same DTO). A new
 * session with the sign-up box left unticked takes the service's default (site visits
 * take sign-ups); an edit says exactly what the box says.
 */
export function sessionInput(
  values: Record<string, unknown>,
  mode: 'create' | 'edit' = 'edit',
  languages: readonly string[] = [],
): Record<string, unknown> {
  const { first, others } = textLanguages(languages);
  const day = textOf(values, 'day');
  const kind = textOf(values, 'kind');
  const capacity = whole(textOf(values, 'capacity'));
  const input: Record<string, unknown> = {
    kind,
    title: textOf(values, 'title'),
    description: textOf(values, 'description') ?? '',
    theme: textOf(values, 'theme') ?? '',
    startsAt: at(day, textOf(values, 'startsAt')),
    endsAt: at(day, textOf(values, 'endsAt')),
    roomId: textOf(values, 'roomId') ?? null,
    facilitatorIds: listOf(values, 'facilitatorIds'),
    language: textOf(values, 'language'),
    interpretationLanguages: listOf(values, 'interpretationLanguages'),
    capacity,
    signupRequired: checked(values, 'signupRequired') || (mode === 'create' ? undefined : false),
  };
  // With translations asked for, every language is sent whole (blank ones are dropped).
  if (others.length > 0) {
    const per = (name: string, plain: unknown) =>
      Object.fromEntries([
        [first, plain ?? ''],
        ...others.map((l) => [l, textOf(values, `${name}.${l}`) ?? '']),
      ]);
    input.titles = per('titles', input.title);
    input.descriptions = per('descriptions', input.description);
  }
  if (kind === 'site_visit') {
    const rules = linesOf(textOf(values, 'siteVisit.rules'));
    input.siteVisit = {
      hostOrganisationId: textOf(values, 'siteVisit.hostOrganisationId'),
      address: textOf(values, 'siteVisit.address'),
      meetingPoint: textOf(values, 'siteVisit.meetingPoint'),
      departureAt: at(day, textOf(values, 'siteVisit.departureAt')),
      returnAt: at(day, textOf(values, 'siteVisit.returnAt')),
      transport: textOf(values, 'siteVisit.transport'),
      seats: whole(textOf(values, 'siteVisit.seats')),
      hostLimit: whole(textOf(values, 'siteVisit.hostLimit')),
      hostContactName: textOf(values, 'siteVisit.hostContactName'),
      hostContactPhone: textOf(values, 'siteVisit.hostContactPhone'),
      hostContactEmail: textOf(values, 'siteVisit.hostContactEmail'),
      rules,
      ...(others.length > 0
        ? {
            rulesByLanguage: Object.fromEntries([
              [first, rules],
              ...others.map((l) => [l, linesOf(textOf(values, `siteVisit.rulesByLanguage.${l}`))]),
            ]),
          }
        : {}),
    };
  }
  if (checked(values, 'force')) input.force = true;
  return input;
}

/** Only what differs from the session as it is, so an edit of the title re-checks no clash. */
export function changedFields(
  input: Record<string, unknown>,
  current: SessionView,
): Record<string, unknown> {
  const now = sessionFormValues(current);
  const same = (a: unknown, b: unknown) => {
    const norm = (v: unknown) =>
      Array.isArray(v) ? [...v].map(String).sort().join(',') : v == null ? '' : String(v);
    return norm(a) === norm(b);
  };
  const out: Record<string, unknown> = {};
  const compare: Record<string, unknown> = {
    kind: current.kind,
    title: current.title,
    description: current.description ?? '',
    theme: current.theme ?? '',
    startsAt: `${now.day as string}T${now.startsAt as string}`,
    endsAt: `${now.day as string}T${now.endsAt as string}`,
    roomId: current.room?.id ?? null,
    facilitatorIds: now.facilitatorIds,
    language: current.language ?? undefined,
    interpretationLanguages: current.interpretationLanguages,
    capacity: current.capacity,
    signupRequired: current.signupRequired,
  };
  // Translations compare as maps of the texts written (blank ones are none).
  const texts = (v: unknown) =>
    JSON.stringify(
      Object.entries((v as Record<string, string> | undefined) ?? {})
        .filter(([, t]) => typeof t === 'string' && t.trim() !== '')
        .map(([l, t]) => [l, t.trim()])
        .sort(),
    );
  compare.titles = current.titles;
  compare.descriptions = current.descriptions;
  for (const [key, value] of Object.entries(input)) {
    if (key === 'titles' || key === 'descriptions') {
      if (texts(value) !== texts(compare[key])) out[key] = value;
    } else if (key === 'siteVisit' || key === 'force') out[key] = value;
    else if (!same(value, compare[key])) out[key] = value;
  }
  return out;
}

export function fieldLabels(ctx: WebContext): Record<string, string> {
  const f = ctx.t.consoleAgenda.fields;
  return {
    kind: f.kind,
    title: f.title,
    description: f.description,
    theme: f.theme,
    day: f.day,
    startsAt: f.startsAt,
    endsAt: f.endsAt,
    roomId: f.roomId,
    facilitatorIds: f.facilitatorIds,
    language: f.language,
    interpretationLanguages: f.interpretationLanguages,
    capacity: f.capacity,
    signupRequired: f.signupRequired,
    siteVisit: ctx.t.consoleAgenda.siteVisit,
    'siteVisit.hostOrganisationId': f.hostOrganisationId,
    'siteVisit.address': f.address,
    'siteVisit.meetingPoint': f.meetingPoint,
    'siteVisit.departureAt': f.departureAt,
    'siteVisit.returnAt': f.returnAt,
    'siteVisit.transport': f.transport,
    'siteVisit.seats': f.seatsVisit,
    'siteVisit.rules': f.rules,
    ...Object.fromEntries(
      TEXT_LOCALES.flatMap((l) => [
        [`titles.${l}`, f.inLanguage(f.title, languageName(ctx, l))],
        [`descriptions.${l}`, f.inLanguage(f.description, languageName(ctx, l))],
        [`siteVisit.rulesByLanguage.${l}`, f.inLanguage(f.rules, languageName(ctx, l))],
      ]),
    ),
    'siteVisit.hostLimit': f.hostLimit,
    'siteVisit.hostContactName': f.hostContactName,
    'siteVisit.hostContactPhone': f.hostContactPhone,
    'siteVisit.hostContactEmail': f.hostContactEmail,
  };
}

/** The refusal of a clash, in words, with the deliberate way past it. */
export function ClashNotice(props: {
  ctx: WebContext;
  conflicts: Conflict[];
  selfId?: string;
  names: ConflictContext;
}) {
  const t = props.ctx.t.consoleAgenda;
  return (
    <div class="ca-clash-notice" role="alert" tabIndex={-1} aria-labelledby="ca-clash-title">
      <h2 id="ca-clash-title">{t.keepTitle}</h2>
      <ul>
        {props.conflicts.map((c) => (
          <li>{conflictText(props.ctx, c, props.selfId, props.names)}</li>
        ))}
      </ul>
      <p>{t.keepLead}</p>
    </div>
  );
}

/** Whether "keep anyway" can help: a person in two places at once must be moved first. */
export const forceable = (conflicts: Conflict[]) =>
  conflicts.every((c) => c.type !== 'participant_overlap');

/** Clashes found on the last try (if any), then the error summary: the top of both forms. */
function FormHead(props: {
  ctx: WebContext;
  form: FormState;
  clashes?: Conflict[];
  selfId?: string;
  names: ConflictContext;
}) {
  const { ctx } = props;
  return (
    <>
      {props.clashes && props.clashes.length > 0 && (
        <ClashNotice
          ctx={ctx}
          conflicts={props.clashes}
          selfId={props.selfId}
          names={props.names}
        />
      )}
      <ErrorSummary ctx={ctx} form={props.form} labels={fieldLabels(ctx)} />
    </>
  );
}

/** The day and the start and end times of a session. */
function WhenFields(props: { ctx: WebContext; event: EventView; form: FormState }) {
  const { ctx, form } = props;
  const f = ctx.t.consoleAgenda.fields;
  const current = typeof form.values.day === 'string' ? form.values.day : undefined;
  return (
    <div class="ca-form-grid ca-when">
      <SelectField
        form={form}
        name="day"
        label={f.day}
        required
        options={dayOptions(ctx, props.event, current)}
      />
      <TimeField form={form} name="startsAt" label={f.startsAt} hint={f.timeHint} />
      <TimeField form={form} name="endsAt" label={f.endsAt} hint={f.timeHint} />
    </div>
  );
}

/** Submit, "keep anyway" when the clashes allow it, and the way back. */
function SubmitRow(props: {
  ctx: WebContext;
  label: string;
  clashes?: Conflict[];
  backHref: string;
}) {
  const t = props.ctx.t.consoleAgenda;
  return (
    <div class="row">
      <button type="submit" class="btn">
        {props.label}
      </button>
      {props.clashes && props.clashes.length > 0 && forceable(props.clashes) && (
        <button type="submit" class="btn danger" name="force" value="on">
          {t.keepAnyway}
        </button>
      )}
      <a href={props.backHref}>{t.cancelLink}</a>
    </div>
  );
}

/** What the session form and the move form both need. */
type SessionFormProps = {
  ctx: WebContext;
  event: EventView;
  action: string;
  form: FormState;
  rooms: Room[];
  clashes?: Conflict[];
  selfId?: string;
  names: ConflictContext;
  backHref: string;
};

export function SessionForm(
  props: SessionFormProps & {
    staff: Array<{ accountId: string; name: string; roles: string[] }>;
    organisations: Array<{ id: string; name: string; city: string | null }>;
    submitLabel: string;
  },
) {
  const { ctx, event, form } = props;
  const t = ctx.t.consoleAgenda;
  const f = t.fields;
  const languages = [...new Set([...event.languages, ...COMMON_LANGUAGES])];
  const languageOptions = languages.map((l) => ({ value: l, label: languageName(ctx, l) }));
  const { first, others } = textLanguages(event.languages);
  return (
    <>
      <FormHead
        ctx={ctx}
        form={form}
        clashes={props.clashes}
        selfId={props.selfId}
        names={props.names}
      />
      <Form ctx={ctx} action={props.action} class="card ca-form">
        <div class="ca-form-grid">
          <SelectField
            form={form}
            name="kind"
            label={f.kind}
            required
            placeholder={t.chooseOption}
            options={SESSION_KIND_OPTIONS.map((k) => ({ value: k, label: t.kinds[k] }))}
          />
          <TextField
            form={form}
            name="title"
            label={others.length > 0 ? f.inLanguage(f.title, languageName(ctx, first)) : f.title}
            required
            maxLength={200}
          />
        </div>
        <WhenFields ctx={ctx} event={event} form={form} />
        <div class="ca-form-grid">
          <SelectField
            form={form}
            name="roomId"
            label={f.roomId}
            placeholder={t.noRoom}
            options={roomOptions(props.rooms, ctx.locale)}
          />
          <TextField
            form={form}
            name="capacity"
            label={f.capacity}
            hint={f.capacityHint}
            type="number"
            inputmode="numeric"
          />
        </div>
        {props.staff.length > 0 ? (
          <CheckboxGroup
            form={form}
            name="facilitatorIds"
            label={f.facilitatorIds}
            hint={f.facilitatorsHint}
            options={props.staff.map((s) => ({ value: s.accountId, label: s.name }))}
          />
        ) : (
          <p class="muted">{f.noStaff}</p>
        )}
        <div class="ca-form-grid">
          <SelectField
            form={form}
            name="language"
            label={f.language}
            placeholder={t.noLanguage}
            options={languageOptions}
          />
          <TextField form={form} name="theme" label={f.theme} maxLength={120} />
        </div>
        <CheckboxGroup
          form={form}
          name="interpretationLanguages"
          label={f.interpretationLanguages}
          options={languageOptions}
        />
        <CheckboxField form={form} name="signupRequired" label={f.signupRequired} />
        <TextArea
          form={form}
          name="description"
          label={
            others.length > 0
              ? f.inLanguage(f.description, languageName(ctx, first))
              : f.description
          }
          rows={3}
          maxLength={5000}
        />
        {others.length > 0 && (
          <fieldset class="ca-translations">
            <legend>{f.translations}</legend>
            <p class="hint">{f.translationsHint}</p>
            {others.map((l) => (
              <div class="ca-translation">
                <TextField
                  form={form}
                  name={`titles.${l}`}
                  label={f.inLanguage(f.title, languageName(ctx, l))}
                  maxLength={200}
                />
                <TextArea
                  form={form}
                  name={`descriptions.${l}`}
                  label={f.inLanguage(f.description, languageName(ctx, l))}
                  rows={2}
                  maxLength={5000}
                />
              </div>
            ))}
          </fieldset>
        )}
        <fieldset class="ca-visit">
          <legend>{t.siteVisit}</legend>
          <p class="hint">{t.siteVisitLead}</p>
          <SelectField
            form={form}
            name="siteVisit.hostOrganisationId"
            label={f.hostOrganisationId}
            placeholder={t.chooseOption}
            options={organisationOptions(props.organisations)}
          />
          <div class="ca-form-grid">
            <TextField form={form} name="siteVisit.address" label={f.address} maxLength={500} />
            <TextField
              form={form}
              name="siteVisit.meetingPoint"
              label={f.meetingPoint}
              maxLength={300}
            />
          </div>
          <div class="ca-form-grid ca-when">
            <TimeField
              form={form}
              name="siteVisit.departureAt"
              label={f.departureAt}
              hint={f.departureHint}
            />
            <TimeField
              form={form}
              name="siteVisit.returnAt"
              label={f.returnAt}
              hint={f.departureHint}
            />
            <TextField
              form={form}
              name="siteVisit.seats"
              label={f.seatsVisit}
              type="number"
              inputmode="numeric"
            />
          </div>
          <TextField
            form={form}
            name="siteVisit.transport"
            label={f.transport}
            hint={f.transportHint}
            maxLength={60}
          />
          <div class="ca-form-grid">
            <TextField
              form={form}
              name="siteVisit.hostLimit"
              label={f.hostLimit}
              type="number"
              inputmode="numeric"
            />
            <TextField
              form={form}
              name="siteVisit.hostContactName"
              label={f.hostContactName}
              maxLength={200}
            />
          </div>
          <div class="ca-form-grid">
            <TextField
              form={form}
              name="siteVisit.hostContactPhone"
              label={f.hostContactPhone}
              type="tel"
              dir="ltr"
            />
            <TextField
              form={form}
              name="siteVisit.hostContactEmail"
              label={f.hostContactEmail}
              type="email"
              dir="ltr"
            />
          </div>
          <TextArea
            form={form}
            name="siteVisit.rules"
            label={others.length > 0 ? f.inLanguage(f.rules, languageName(ctx, first)) : f.rules}
            hint={f.rulesHint}
            rows={3}
          />
          {others.map((l) => (
            <div class="ca-translation">
              <TextArea
                form={form}
                name={`siteVisit.rulesByLanguage.${l}`}
                label={f.inLanguage(f.rules, languageName(ctx, l))}
                rows={3}
              />
            </div>
          ))}
        </fieldset>
        <SubmitRow
          ctx={ctx}
          label={props.submitLabel}
          clashes={props.clashes}
          backHref={props.backHref}
        />
      </Form>
    </>
  );
}

/** Day, times and room only: every move works with this form, script or not. */
export function MoveForm(props: SessionFormProps) {
  const { ctx, form } = props;
  const t = ctx.t.consoleAgenda;
  return (
    <>
      <FormHead
        ctx={ctx}
        form={form}
        clashes={props.clashes}
        selfId={props.selfId}
        names={props.names}
      />
      <Form ctx={ctx} action={props.action} class="card ca-form">
        <WhenFields ctx={ctx} event={props.event} form={form} />
        <SelectField
          form={form}
          name="roomId"
          label={t.fields.roomId}
          placeholder={t.noRoom}
          options={roomOptions(props.rooms, ctx.locale)}
        />
        <SubmitRow ctx={ctx} label={t.move} clashes={props.clashes} backHref={props.backHref} />
      </Form>
    </>
  );
}
