import { randomUUID } from 'node:crypto';
import { LOCALES, type Locale } from '#core';
import type { EventView } from '#events';
import {
  CheckboxField,
  CheckboxGroup,
  ErrorSummary,
  Form,
  type FormState,
  SelectField,
  TextArea,
  TextField,
} from '../../components/form.js';
import { cityName } from '../../format/dates.js';
import { checked, listOf, textOf } from '../../http/forms.js';
import type { WebContext } from '../../http/web-context.js';
import { countryOptions } from '../../format/countries.js';
import { zoneOptions } from './event-form-options.js';

const TEXT_FIELDS = ['names', 'descriptions', 'practicalInfo'] as const;

/** The event's first language as the form has it (what its main texts are written in). */
export function firstLanguage(values: Record<string, unknown>): Locale {
  const chosen = listOf(values, 'languages').filter((l): l is Locale =>
    (LOCALES as readonly string[]).includes(l),
  );
  return chosen[0] ?? 'en';
}

/** The form's fields for an event as it is stored (the settings page). */
export function valuesFromEvent(e: EventView): Record<string, unknown> {
  const values: Record<string, unknown> = {
    kind: e.kind,
    timezone: e.timezone,
    startDate: e.startDate,
    endDate: e.endDate,
    'venue.name': e.venue.name ?? '',
    'venue.city': e.venue.city ?? '',
    'venue.country': e.venue.country ?? '',
    capacity: String(e.capacity),
    requiresApproval: e.requiresApproval ? 'on' : '',
    // The view writes instants with the event's own offset: the first 16 characters
    // are the local date and time, what a datetime-local field shows.
    registrationOpensAt: e.registrationOpensAt?.slice(0, 16) ?? '',
    registrationClosesAt: e.registrationClosesAt?.slice(0, 16) ?? '',
    languages: e.languages,
    hostOrganisationId: e.hostOrganisationId ?? '',
    contactEmail: e.contactEmail ?? '',
  };
  for (const lang of LOCALES) {
    values[`names.${lang}`] = e.names[lang] ?? (lang === e.languages[0] ? e.name : '');
    values[`descriptions.${lang}`] =
      e.descriptions[lang] ?? (lang === e.languages[0] ? (e.description ?? '') : '');
    values[`practicalInfo.${lang}`] = e.practicalInfo[lang] ?? '';
  }
  return values;
}

export const newEventValues = (locale: Locale): Record<string, unknown> => ({
  // Sent back with the form: the same form posted twice creates one event.
  creationKey: randomUUID(),
  kind: 'meeting',
  timezone: 'Europe/Paris',
  languages: [locale],
  capacity: '',
});

/**
 * The form's text fields shaped as the DTO the API takes: numbers, booleans, lists,
 * texts per language. Empty optional fields are left out (or cleared on an edit),
 * required ones stay as typed so the DTO says what is missing.
 */
export function eventInput(
  values: Record<string, unknown>,
  editing: boolean,
): Record<string, unknown> {
  const texts = (prefix: string) => {
    const out: Record<string, string> = {};
    for (const lang of LOCALES) {
      const text = textOf(values, `${prefix}.${lang}`);
      if (text) out[lang] = text;
    }
    return out;
  };
  const raw = (name: string) => textOf(values, name) ?? '';
  const optional = (name: string) => textOf(values, name) ?? (editing ? null : undefined);
  const capacity = raw('capacity');
  const venue: Record<string, string> = {};
  for (const key of ['name', 'city', 'country']) {
    const v = textOf(values, `venue.${key}`);
    if (v) venue[key] = v;
  }
  const kind = raw('kind');
  return {
    names: texts('names'),
    descriptions: texts('descriptions'),
    practicalInfo: texts('practicalInfo'),
    kind,
    timezone: raw('timezone'),
    startDate: raw('startDate'),
    endDate: raw('endDate'),
    venue,
    capacity: /^\d{1,9}$/.test(capacity) ? Number(capacity) : capacity,
    requiresApproval: checked(values, 'requiresApproval'),
    registrationOpensAt: optional('registrationOpensAt'),
    registrationClosesAt: optional('registrationClosesAt'),
    languages: listOf(values, 'languages'),
    // A meeting has no host organisation: a choice left from an immersion is dropped.
    hostOrganisationId:
      kind === 'immersion' ? optional('hostOrganisationId') : editing ? null : undefined,
    contactEmail: optional('contactEmail'),
    ...(editing ? {} : { creationKey: textOf(values, 'creationKey') }),
  };
}

/** Field labels, for the error summary. */
export function eventFieldLabels(ctx: WebContext): Record<string, string> {
  const f = ctx.t.consoleEvents.form;
  const langs = ctx.t.consoleEvents.languages;
  const labels: Record<string, string> = {
    kind: f.kind,
    timezone: f.timezone,
    startDate: f.startDate,
    endDate: f.endDate,
    'venue.name': f.venueName,
    'venue.city': f.venueCity,
    'venue.country': f.venueCountry,
    capacity: f.capacity,
    requiresApproval: f.requiresApproval,
    registrationOpensAt: f.opensAt,
    registrationClosesAt: f.closesAt,
    languages: f.languages,
    hostOrganisationId: f.hostOrganisation,
    contactEmail: f.contactEmail,
  };
  for (const lang of LOCALES) {
    labels[`names.${lang}`] = `${f.name} (${langs[lang]})`;
    labels[`descriptions.${lang}`] = `${f.description} (${langs[lang]})`;
    labels[`practicalInfo.${lang}`] = `${f.practicalInfo} (${langs[lang]})`;
  }
  return labels;
}

/** Puts an error the DTO gives a field the form does not have next to the one it has. */
export function placeErrors(form: FormState): FormState {
  const errors = { ...form.errors };
  const first = firstLanguage(form.values);
  if (errors.name) {
    errors[`names.${first}`] ??= errors.name;
    delete errors.name;
  }
  for (const key of ['names', 'descriptions', 'practicalInfo', 'venue']) {
    if (errors[key]) {
      errors[key === 'venue' ? 'venue.name' : `${key}.${first}`] ??= errors[key];
      delete errors[key];
    }
  }
  return { ...form, errors };
}

export function EventForm(props: {
  ctx: WebContext;
  action: string;
  form: FormState;
  submitLabel: string;
  organisations: Array<{ id: string; name: string }>;
  disabled?: boolean;
}) {
  const { ctx, form } = props;
  const f = ctx.t.consoleEvents.form;
  const langs = ctx.t.consoleEvents.languages;
  const zone = textOf(form.values, 'timezone') ?? 'UTC';
  const place = ctx.t.common.timeIn(
    cityName(textOf(form.values, 'venue.city') ?? null, zone, ctx.locale),
  );
  // The event's languages first, in its order, so its main texts come first.
  const chosen = listOf(form.values, 'languages').filter((l): l is Locale =>
    (LOCALES as readonly string[]).includes(l),
  );
  const order = [...chosen, ...LOCALES.filter((l) => !chosen.includes(l))];
  return (
    <>
      <ErrorSummary ctx={ctx} form={form} labels={eventFieldLabels(ctx)} />
      <Form ctx={ctx} action={props.action} class="ce-form">
        {textOf(form.values, 'creationKey') && (
          <input type="hidden" name="creationKey" value={textOf(form.values, 'creationKey')} />
        )}
        <fieldset class="ce-section" disabled={props.disabled}>
          <legend>{f.basicsTitle}</legend>
          <div class="ce-row">
            <SelectField
              form={form}
              name="kind"
              label={f.kind}
              hint={f.kindHint}
              required
              options={[
                { value: 'meeting', label: ctx.t.consoleEvents.kinds.meeting },
                { value: 'immersion', label: ctx.t.consoleEvents.kinds.immersion },
              ]}
            />
            <SelectField
              form={form}
              name="hostOrganisationId"
              label={f.hostOrganisation}
              hint={f.hostOrganisationHint}
              placeholder={f.noHost}
              options={props.organisations.map((o) => ({ value: o.id, label: o.name }))}
            />
          </div>
          <CheckboxGroup
            form={form}
            name="languages"
            label={f.languages}
            hint={f.languagesHint}
            options={LOCALES.map((l) => ({ value: l, label: langs[l] }))}
          />
          <TextField
            form={form}
            name="contactEmail"
            label={f.contactEmail}
            hint={f.contactEmailHint}
            type="email"
            autocomplete="email"
            maxLength={254}
          />
        </fieldset>

        <fieldset class="ce-section" disabled={props.disabled}>
          <legend>{f.textsTitle}</legend>
          <p class="hint">{f.textsHint}</p>
          <div class="ce-langs">
            {order.map((lang) => (
              <fieldset class="ce-lang">
                <legend>{f.textsIn[lang]}</legend>
                {TEXT_FIELDS.map((field) =>
                  field === 'names' ? (
                    <TextField
                      form={form}
                      name={`names.${lang}`}
                      label={f.name}
                      maxLength={200}
                      required={lang === order[0]}
                    />
                  ) : (
                    <TextArea
                      form={form}
                      name={`${field}.${lang}`}
                      label={field === 'descriptions' ? f.description : f.practicalInfo}
                      hint={field === 'descriptions' ? f.descriptionHint : f.practicalInfoHint}
                      rows={field === 'descriptions' ? 5 : 4}
                      maxLength={5000}
                    />
                  ),
                )}
              </fieldset>
            ))}
          </div>
        </fieldset>

        <fieldset class="ce-section" disabled={props.disabled}>
          <legend>{f.whenTitle}</legend>
          <SelectField
            form={form}
            name="timezone"
            label={f.timezone}
            hint={f.timezoneHint}
            required
            options={zoneOptions(ctx.locale, textOf(form.values, 'timezone'))}
          />
          <div class="ce-row">
            <TextField form={form} name="startDate" label={f.startDate} type="date" required />
            <TextField form={form} name="endDate" label={f.endDate} type="date" required />
          </div>
        </fieldset>

        <fieldset class="ce-section" disabled={props.disabled}>
          <legend>{f.venueTitle}</legend>
          <div class="ce-row">
            <TextField form={form} name="venue.name" label={f.venueName} maxLength={200} />
            <TextField form={form} name="venue.city" label={f.venueCity} maxLength={120} />
            <SelectField
              form={form}
              name="venue.country"
              label={f.venueCountry}
              placeholder={f.chooseCountry}
              options={countryOptions(ctx.locale)}
            />
          </div>
        </fieldset>

        <fieldset class="ce-section" disabled={props.disabled}>
          <legend>{f.registrationTitle}</legend>
          <div class="ce-row">
            <TextField
              form={form}
              name="capacity"
              label={f.capacity}
              hint={f.capacityHint}
              type="number"
              inputmode="numeric"
              required
            />
          </div>
          <CheckboxField
            form={form}
            name="requiresApproval"
            label={f.requiresApproval}
            hint={f.requiresApprovalHint}
          />
          <div class="ce-row">
            <TextField
              form={form}
              name="registrationOpensAt"
              label={f.opensAt}
              hint={f.dateTimeHint(place)}
              type="datetime-local"
            />
            <TextField
              form={form}
              name="registrationClosesAt"
              label={f.closesAt}
              hint={f.dateTimeHint(place)}
              type="datetime-local"
            />
          </div>
        </fieldset>

        {!props.disabled && (
          <p>
            <button class="btn" type="submit">
              {props.submitLabel}
            </button>
          </p>
        )}
      </Form>
    </>
  );
}
