import { Get, Param, Post } from '@nestjs/common';
import { DomainError } from '#core';
import { OrganisationsService } from '#organisations';
import { PROFESSIONS, RegisterOnBehalfDto, RegistrationConsent } from '#registrations';
import {
  emptyForm,
  ErrorSummary,
  Form,
  type FormState,
  SelectField,
  TextArea,
  TextField,
} from '../../components/form.js';
import { localeOptions } from '../../components/choices.js';
import { EmergencyContactFields } from '../../components/emergency-contact.js';
import { registrationDetailsFrom } from '../../components/registration-details.js';
import { EmailField } from '../../components/email-field.js';
import { formStateFromError, parseForm, textOf } from '../../http/forms.js';
import type { WebContext } from '../../http/web-context.js';
import { WebController } from '../../http/web-controller.decorator.js';
import { FormBody, Web } from '../../http/web-request.decorator.js';
import { HtmlResponse, redirect, type PageResult } from '../../http/web-results.js';
import { ConsoleAccess, consoleEventPath, renderConsolePage } from '../console/console-frame.js';
import { countryName } from '../../format/countries.js';

const FIELDS = [
  'email',
  'name',
  'locale',
  'organisationId',
  'profession',
  'professionOther',
  'languages',
  'phone',
  'dietary',
  'accessibility',
  'emergencyContact.name',
  'emergencyContact.phone',
  'emergencyContact.relation',
] as const;

/** The form's fields shaped as the DTO expects: typed languages as a list, nested contact, no empty strings. */
function toInput(values: Record<string, unknown>): Record<string, unknown> {
  const languages = textOf(values, 'languages')
    ?.toLowerCase()
    .split(/[\s,;]+/)
    .filter(Boolean);
  const input = {
    email: textOf(values, 'email'),
    name: textOf(values, 'name'),
    locale: textOf(values, 'locale'),
    ...registrationDetailsFrom(values),
    languages,
  };
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
}

/**
 * Registering someone on their behalf: the account is created when the email is new,
 * the registration waits for the person's own consent (they receive an email in their
 * language), and it counts only once they agree.
 */
@WebController('console/events/:eventId/registrations/new')
export class RegisterOnBehalfController {
  constructor(
    private readonly console: ConsoleAccess,
    private readonly consent: RegistrationConsent,
    private readonly organisations: OrganisationsService,
  ) {}

  private async page(
    ctx: WebContext,
    eventId: string,
    form: FormState,
    existing?: string,
  ): Promise<string> {
    const { event } = await this.console.event(ctx, eventId);
    const t = ctx.t.consoleRegistrations;
    const orgs = await this.organisations.list({ pageSize: 200 });
    const base = consoleEventPath(eventId, 'registrations');
    const labels: Record<string, string> = {
      email: t.newEmail,
      name: t.newName,
      locale: t.newLocale,
      organisationId: t.newOrganisation,
      profession: t.newProfession,
      professionOther: t.newProfessionOther,
      languages: t.newLanguages,
      phone: t.newPhone,
      dietary: t.newDietary,
      accessibility: t.newAccessibility,
      'emergencyContact.name': t.newEmergencyName,
      'emergencyContact.phone': t.newEmergencyPhone,
      'emergencyContact.relation': t.newEmergencyRelation,
      _form: t.newTitle,
    };
    return renderConsolePage(ctx, {
      event,
      section: 'registrations',
      title: t.newTitle,
      children: (
        <div class="cr cr-new">
          <p class="no-print">
            <a href={base}>← {t.backToList}</a>
          </p>
          <p class="lead">{t.newLead}</p>
          <ErrorSummary ctx={ctx} form={form} labels={labels} />
          {existing && (
            <p class="warning">
              {t.alreadyRegistered} <a href={`${base}/${existing}`}>{t.seeRegistration}</a>
            </p>
          )}
          <Form ctx={ctx} action={`${base}/new`} class="card cr-new-form">
            <EmailField form={form} label={t.newEmail} autocomplete="off" maxLength={254} />
            <TextField
              form={form}
              name="name"
              label={t.newName}
              hint={t.newNameHint}
              maxLength={200}
              required
            />
            <SelectField
              form={form}
              name="locale"
              label={t.newLocale}
              options={localeOptions(ctx)}
              required
            />
            <SelectField
              form={form}
              name="organisationId"
              label={t.newOrganisation}
              hint={t.newOrganisationHint}
              placeholder={t.chooseOrganisation}
              options={orgs.items.map((o) => ({
                value: o.id,
                label: `${o.name} (${countryName(o.country, ctx.locale)})`,
              }))}
            />
            <SelectField
              form={form}
              name="profession"
              label={t.newProfession}
              options={PROFESSIONS.map((p) => ({ value: p, label: t.professions[p] }))}
              required
            />
            <TextField
              form={form}
              name="professionOther"
              label={t.newProfessionOther}
              maxLength={200}
            />
            <TextField
              form={form}
              name="languages"
              label={t.newLanguages}
              hint={t.newLanguagesHint}
              dir="ltr"
              maxLength={100}
            />
            <TextField
              form={form}
              name="phone"
              label={t.newPhone}
              hint={t.newPhoneHint}
              type="tel"
              dir="ltr"
              maxLength={32}
            />
            <TextArea form={form} name="dietary" label={t.newDietary} rows={2} maxLength={500} />
            <TextArea
              form={form}
              name="accessibility"
              label={t.newAccessibility}
              rows={2}
              maxLength={1000}
            />
            <EmergencyContactFields
              form={form}
              labels={{
                name: t.newEmergencyName,
                phone: t.newEmergencyPhone,
                relation: t.newEmergencyRelation,
              }}
            />
            <button type="submit" class="btn">
              {t.newSubmit}
            </button>
          </Form>
        </div>
      ),
    });
  }

  @Get()
  show(@Web() ctx: WebContext, @Param('eventId') eventId: string): Promise<PageResult> {
    return this.page(ctx, eventId, emptyForm({ locale: ctx.locale, profession: 'social_worker' }));
  }

  @Post()
  async create(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @FormBody() body: Record<string, unknown>,
  ): Promise<PageResult> {
    const { actor } = await this.console.event(ctx, eventId);
    const values = Object.fromEntries(FIELDS.map((f) => [f, textOf(body, f) ?? '']));
    const parsed = await parseForm(ctx, RegisterOnBehalfDto, values, toInput(body));
    if (!parsed.ok) {
      return new HtmlResponse(await this.page(ctx, eventId, parsed.state), 400);
    }
    try {
      const { registration } = await this.consent.registerOnBehalf(actor, eventId, parsed.value);
      return redirect(
        `${consoleEventPath(eventId, 'registrations')}/${registration.id}`,
        'consoleRegistrations.flash.registered',
      );
    } catch (e) {
      if (e instanceof DomainError && e.code === 'conflict' && e.details?.field === 'email') {
        const existing =
          typeof e.details.registrationId === 'string' ? e.details.registrationId : undefined;
        const form = { values, errors: { email: ctx.t.consoleRegistrations.alreadyRegistered } };
        return new HtmlResponse(await this.page(ctx, eventId, form, existing), 409);
      }
      const form = formStateFromError(ctx, e, values, 'email');
      if (e instanceof DomainError && e.code === 'conflict' && !e.details?.field) {
        // The event is closed or archived: nobody can be registered any more.
        form.errors = { email: ctx.t.consoleRegistrations.eventNotOpen };
      }
      return new HtmlResponse(await this.page(ctx, eventId, form), 400);
    }
  }
}
