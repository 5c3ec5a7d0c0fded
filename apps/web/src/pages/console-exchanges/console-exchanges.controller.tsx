import { Body, Get, Param, Post } from '@nestjs/common';
import { type Actor, DomainError, isUuid, notFound } from '#core';
import { EventAccess } from '#events';
import {
  CreateExchangeDto,
  CreateProgrammeDto,
  type ExchangeView,
  ExchangesService,
  ProgrammesService,
} from '#exchanges';
import { OrganisationsService } from '#organisations';
import {
  emptyForm,
  ErrorSummary,
  Form,
  type FormState,
  SelectField,
  TextField,
} from '../../components/form.js';
import { eventDates } from '../../format/dates.js';
import { formStateFromError, parseForm, textOf } from '../../http/forms.js';
import { requireActor, type WebContext } from '../../http/web-context.js';
import { WebController } from '../../http/web-controller.decorator.js';
import { Web } from '../../http/web-request.decorator.js';
import { HtmlResponse, type PageResult, redirect } from '../../http/web-results.js';
import { renderPage } from '../../layout/layout.js';
import { ExchangeLines } from '../exchanges/programme-parts.js';

const LANGUAGES = { fr: 'français', en: 'English', es: 'español' } as const;

interface Forms {
  programme: FormState;
  exchange: FormState;
}

/**
 * Organisers' console for programmes and exchanges: start a programme, make an immersion
 * an exchange (who visits whom, in which programme), and link each visit to its return.
 * For admins and organisers; anyone else gets 404. Every rule is in #exchanges.
 */
@WebController('console/exchanges')
export class ConsoleExchangesController {
  constructor(
    private readonly access: EventAccess,
    private readonly exchanges: ExchangesService,
    private readonly programmes: ProgrammesService,
    private readonly organisations: OrganisationsService,
  ) {}

  @Get()
  async index(@Web() ctx: WebContext): Promise<string> {
    const actor = await this.organiser(ctx);
    return this.page(ctx, actor, {
      programme: {
        ...emptyForm({ year: String(new Date().getUTCFullYear() + 1) }),
        idPrefix: 'p-',
      },
      exchange: { ...emptyForm(), idPrefix: 'x-' },
    });
  }

  @Post('programmes')
  async createProgramme(
    @Web() ctx: WebContext,
    @Body() body: Record<string, unknown>,
  ): Promise<PageResult> {
    const actor = await this.organiser(ctx);
    const values = {
      'names.fr': body?.['names.fr'],
      'names.en': body?.['names.en'],
      'names.es': body?.['names.es'],
      year: body?.year,
      slug: body?.slug,
    };
    const input = {
      names: Object.fromEntries(
        (['fr', 'en', 'es'] as const)
          .map((l) => [l, textOf(values, `names.${l}`)])
          .filter(([, v]) => v !== undefined),
      ),
      year: /^\d{1,4}$/.test(textOf(values, 'year') ?? '') ? Number(values.year) : values.year,
      slug: textOf(values, 'slug'),
    };
    const fail = (state: FormState) =>
      this.page(ctx, actor, {
        programme: { ...state, idPrefix: 'p-' },
        exchange: { ...emptyForm(), idPrefix: 'x-' },
      }).then((html) => new HtmlResponse(html, 400));
    const parsed = await parseForm(ctx, CreateProgrammeDto, values, input);
    if (!parsed.ok) return fail(parsed.state);
    try {
      await this.programmes.create(actor, parsed.value, ctx.locale);
    } catch (e) {
      return fail(formStateFromError(ctx, e, values, 'names.en'));
    }
    return redirect('/console/exchanges', 'exchanges.flash.programmeCreated');
  }

  @Post()
  async createExchange(
    @Web() ctx: WebContext,
    @Body() body: Record<string, unknown>,
  ): Promise<PageResult> {
    const actor = await this.organiser(ctx);
    const values = {
      eventId: body?.eventId,
      visitingOrganisationId: body?.visitingOrganisationId,
      programmeId: body?.programmeId,
    };
    const input = {
      eventId: textOf(values, 'eventId'),
      visitingOrganisationId: textOf(values, 'visitingOrganisationId'),
      programmeId: textOf(values, 'programmeId'),
    };
    const fail = (state: FormState) =>
      this.page(ctx, actor, {
        programme: { ...emptyForm(), idPrefix: 'p-' },
        exchange: { ...state, idPrefix: 'x-' },
      }).then((html) => new HtmlResponse(html, 400));
    const parsed = await parseForm(ctx, CreateExchangeDto, values, input);
    if (!parsed.ok) return fail(parsed.state);
    try {
      await this.exchanges.create(actor, parsed.value);
    } catch (e) {
      return fail(formStateFromError(ctx, e, values, 'eventId'));
    }
    return redirect('/console/exchanges', 'exchanges.flash.exchangeCreated');
  }

  @Post(':id/return')
  async linkReturn(
    @Web() ctx: WebContext,
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
  ): Promise<PageResult> {
    const actor = await this.organiser(ctx);
    if (!isUuid(id)) throw notFound('Exchange');
    const chosen = typeof body?.returnExchangeId === 'string' ? body.returnExchangeId : '';
    const returnId = chosen === '' ? null : chosen;
    try {
      await this.exchanges.linkReturn(actor, id, returnId);
    } catch (e) {
      // A stale form (the other side was linked meanwhile) shows the page as it is now.
      if (!(e instanceof DomainError) || e.code === 'not_found') throw e;
      const html = await this.page(ctx, actor, {
        programme: { ...emptyForm(), idPrefix: 'p-' },
        exchange: { values: {}, errors: { _form: e.message }, idPrefix: 'x-' },
      });
      return new HtmlResponse(html, e.code === 'forbidden' ? 403 : 400);
    }
    return redirect(
      '/console/exchanges',
      returnId ? 'exchanges.flash.linked' : 'exchanges.flash.unlinked',
    );
  }

  private async organiser(ctx: WebContext): Promise<Actor> {
    const actor = requireActor(ctx);
    if (!(await this.access.canCreateEvents(actor))) throw notFound('Page');
    return actor;
  }

  private async page(ctx: WebContext, actor: Actor, forms: Forms): Promise<string> {
    const t = ctx.t.exchanges;
    const [programmes, exchanges, immersions, organisations] = await Promise.all([
      this.programmes.list(ctx.locale),
      this.exchanges.organised(actor),
      this.exchanges.immersionsWithoutExchange(actor),
      this.organisations.list({ page: 1, pageSize: 200 }),
    ]);
    const programmeLabels = {
      'names.fr': t.nameIn(LANGUAGES.fr),
      'names.en': t.nameIn(LANGUAGES.en),
      'names.es': t.nameIn(LANGUAGES.es),
      year: t.year,
      slug: t.slug,
      names: t.nameIn(LANGUAGES.en),
    };
    const exchangeLabels = {
      eventId: t.immersion,
      visitingOrganisationId: t.visiting,
      programmeId: t.programme,
      hostOrganisationId: t.immersion,
      _form: t.linkReturn,
    };
    return renderPage(ctx, {
      title: t.consoleTitle,
      wide: true,
      children: (
        <div class="xp">
          <p class="console-crumbs">
            <a href="/console">{ctx.t.consoleShell.allEvents}</a>
          </p>
          <h1>{t.consoleTitle}</h1>
          <p class="lead">{t.consoleLead}</p>
          <section aria-labelledby="cx-exchanges">
            <h2 id="cx-exchanges">{t.exchangesTitle}</h2>
            <ErrorSummary ctx={ctx} form={forms.exchange} labels={exchangeLabels} />
            <ul class="plain xp-list">
              {exchanges.map((x) => (
                <ExchangeCard ctx={ctx} x={x} all={exchanges} />
              ))}
            </ul>
          </section>
          <section aria-labelledby="cx-new-exchange" class="card">
            <h2 id="cx-new-exchange">{t.newExchange}</h2>
            {immersions.length === 0 ? (
              <p>{t.noImmersion}</p>
            ) : (
              <Form ctx={ctx} action="/console/exchanges">
                <SelectField
                  form={forms.exchange}
                  name="eventId"
                  label={t.immersion}
                  options={immersions.map((e) => ({
                    value: e.id,
                    label: `${e.name} (${eventDates(e.startDate, e.endDate, ctx.locale)})`,
                  }))}
                />
                <SelectField
                  form={forms.exchange}
                  name="visitingOrganisationId"
                  label={t.visiting}
                  options={organisations.items.map((o) => ({ value: o.id, label: o.name }))}
                />
                <SelectField
                  form={forms.exchange}
                  name="programmeId"
                  label={t.programme}
                  placeholder={t.none}
                  options={programmes.map((p) => ({ value: p.id, label: p.name }))}
                />
                <button type="submit" class="btn">
                  {t.createExchange}
                </button>
              </Form>
            )}
          </section>
          <section aria-labelledby="cx-programmes" class="card">
            <h2 id="cx-programmes">{t.newProgramme}</h2>
            <ul>
              {programmes.map((p) => (
                <li dir="auto">
                  <a href={`/programmes/${p.slug}`}>{p.name}</a> ({p.year})
                </li>
              ))}
            </ul>
            <ErrorSummary ctx={ctx} form={forms.programme} labels={programmeLabels} />
            <Form ctx={ctx} action="/console/exchanges/programmes">
              {(['fr', 'en', 'es'] as const).map((l) => (
                <TextField
                  form={forms.programme}
                  name={`names.${l}`}
                  label={t.nameIn(LANGUAGES[l])}
                  maxLength={200}
                />
              ))}
              <TextField
                form={forms.programme}
                name="year"
                label={t.year}
                inputmode="numeric"
                required
              />
              <TextField
                form={forms.programme}
                name="slug"
                label={t.slug}
                hint={t.slugHint}
                dir="ltr"
              />
              <button type="submit" class="btn">
                {t.createProgramme}
              </button>
            </Form>
          </section>
        </div>
      ),
    });
  }
}

/** An exchange with its return visit: a select of the visits the other way round. */
function ExchangeCard(props: { ctx: WebContext; x: ExchangeView; all: ExchangeView[] }) {
  const { ctx, x } = props;
  const t = ctx.t.exchanges;
  const candidates = props.all.filter(
    (o) =>
      o.visitingOrganisation.id === x.hostOrganisation.id &&
      o.hostOrganisation.id === x.visitingOrganisation.id,
  );
  const form = {
    ...emptyForm({ returnExchangeId: x.returnExchangeId ?? '' }),
    idPrefix: `r${x.id}-`,
  };
  return (
    <li class="xp-item card">
      <p class="muted">
        <a href={`/e/${x.eventSlug}`}>{eventDates(x.startDate, x.endDate, ctx.locale)}</a>
      </p>
      <ExchangeLines ctx={ctx} x={x} />
      {candidates.length === 0 ? (
        <p class="muted">{t.noCandidate}</p>
      ) : (
        <Form ctx={ctx} action={`/console/exchanges/${x.id}/return`}>
          <SelectField
            form={form}
            name="returnExchangeId"
            label={t.linkReturn}
            placeholder={t.none}
            options={candidates.map((o) => ({
              value: o.id,
              label: `${t.visits(o.visitingOrganisation.name, o.hostOrganisation.name)} (${eventDates(o.startDate, o.endDate, ctx.locale)})`,
            }))}
          />
          <button type="submit" class="btn secondary">
            {t.link}
          </button>
        </Form>
      )}
      <p>
        <a href={`/exchanges/${x.id}/visitors`}>{t.visitorsTitle}</a>
      </p>
    </li>
  );
}
