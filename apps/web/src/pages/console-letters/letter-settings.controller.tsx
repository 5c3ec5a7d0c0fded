import { Get, Param, Post, Req } from '@nestjs/common';
import { DomainError } from '#core';
import type { EventView } from '#events';
import {
  COVERAGE_ITEMS,
  LetterSettingsService,
  type LetterSettingsView,
  PutLetterSettingsDto,
} from '#travel';
import type { FormState } from '../../components/form.js';
import { checked, parseForm, textOf } from '../../http/forms.js';
import type { WebContext } from '../../http/web-context.js';
import { WebController } from '../../http/web-controller.decorator.js';
import { Web } from '../../http/web-request.decorator.js';
import { HtmlResponse, type PageResult, redirect } from '../../http/web-results.js';
import { ConsoleAccess, renderConsolePage } from '../console/console-frame.js';
import { LetterSettingsPage, letterPath } from './letter-settings.page.js';
import type { MultipartRequest } from '../../http/multipart-form.js';

const TEXT_FIELDS = [
  'orgName',
  'orgAddress',
  'orgPhone',
  'orgEmail',
  'signatoryName',
  'signatoryTitle',
  'consulateWording.fr',
  'consulateWording.en',
  'consulateWording.es',
  'stayAddress',
] as const;

/** The form's values from the saved settings. */
function valuesOf(view: LetterSettingsView): Record<string, unknown> {
  const values: Record<string, unknown> = {
    orgName: view.orgName ?? '',
    orgAddress: view.orgAddress ?? '',
    orgPhone: view.orgPhone ?? '',
    orgEmail: view.orgEmail ?? '',
    signatoryName: view.signatoryName ?? '',
    signatoryTitle: view.signatoryTitle ?? '',
    'consulateWording.fr': view.consulateWording.fr ?? '',
    'consulateWording.en': view.consulateWording.en ?? '',
    'consulateWording.es': view.consulateWording.es ?? '',
    bilingual: view.bilingual ? 'on' : '',
    stayAddress: view.stayAddress ?? '',
  };
  for (const item of COVERAGE_ITEMS) values[`coverage.${item}`] = view.coverage[item] ?? '';
  return values;
}

/** Text fields keep their line breaks (the address); single lines are trimmed by the DTO. */
const raw = (body: Record<string, unknown>, name: string) =>
  typeof body[name] === 'string' ? body[name] : '';

/**
 * The event's invitation letter (organisers only): letterhead with logo, signatory with
 * signature image, consulate wording, bilingual, who pays, where people stay. Multipart
 * (see ConsoleLettersPagesModule); every rule is in LetterSettingsService.
 */
@WebController('console/events/:eventId/letter')
export class LetterSettingsPageController {
  constructor(
    private readonly access: ConsoleAccess,
    private readonly settings: LetterSettingsService,
  ) {}

  private render(ctx: WebContext, event: EventView, view: LetterSettingsView, form: FormState) {
    return renderConsolePage(ctx, {
      event,
      section: 'letter',
      title: ctx.t.letters.settings.title,
      children: <LetterSettingsPage ctx={ctx} event={event} view={view} form={form} />,
    });
  }

  @Get()
  async show(@Web() ctx: WebContext, @Param('eventId') eventId: string): Promise<PageResult> {
    const { actor, event } = await this.access.event(ctx, eventId);
    const view = await this.settings.get(actor, eventId);
    return this.render(ctx, event, view, { values: valuesOf(view), errors: {} });
  }

  @Post()
  async save(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @Req() req: MultipartRequest,
  ): Promise<PageResult> {
    const { actor, event } = await this.access.event(ctx, eventId);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const e = ctx.t.letters.settings.errors;
    const values: Record<string, unknown> = {};
    for (const f of TEXT_FIELDS) values[f] = raw(body, f);
    for (const item of COVERAGE_ITEMS)
      values[`coverage.${item}`] = textOf(body, `coverage.${item}`) ?? '';
    values.bilingual = checked(body, 'bilingual') ? 'on' : '';
    const fail = async (errors: Record<string, string>) => {
      const view = await this.settings.get(actor, eventId);
      return new HtmlResponse(this.render(ctx, event, view, { values, errors }), 400);
    };
    if (req.uploadError) {
      const message = req.uploadError === 'too_large' ? e.image_too_large : e.image_unreadable;
      return fail({ logo: message, signature: message });
    }
    const coverage: Record<string, string> = {};
    for (const item of COVERAGE_ITEMS) {
      const payer = values[`coverage.${item}`];
      if (payer) coverage[item] = String(payer);
    }
    const input = {
      orgName: values.orgName,
      orgAddress: values.orgAddress,
      orgPhone: values.orgPhone,
      orgEmail: values.orgEmail,
      signatoryName: values.signatoryName,
      signatoryTitle: values.signatoryTitle,
      consulateWording: {
        fr: values['consulateWording.fr'],
        en: values['consulateWording.en'],
        es: values['consulateWording.es'],
      },
      bilingual: values.bilingual === 'on',
      coverage,
      stayAddress: values.stayAddress,
    };
    const parsed = await parseForm(ctx, PutLetterSettingsDto, values, input);
    if (!parsed.ok) return fail(parsed.state.errors);
    const image = (name: 'logo' | 'signature') => {
      const file = req.files?.[name];
      if (file) return { bytes: file.buffer, contentType: file.type };
      return checked(body, `remove.${name}`) ? null : undefined;
    };
    try {
      await this.settings.put(actor, eventId, parsed.value, {
        logo: image('logo'),
        signature: image('signature'),
      });
    } catch (err) {
      if (!(err instanceof DomainError) || err.code !== 'bad_request') throw err;
      const details = (err.details ?? {}) as { field?: string; code?: string };
      const field = details.field ?? '_form';
      const message = (e as Record<string, string>)[details.code ?? ''] ?? err.message;
      return fail({ [field]: message });
    }
    return redirect(letterPath(eventId), 'letters.settings.saved');
  }
}
