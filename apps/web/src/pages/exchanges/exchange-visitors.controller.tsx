import { Body, Get, Param, Post } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { LOCALES, notFound } from '#core';
import { Event, eventTextsIn } from '#events';
import { type ExchangeView, ExchangesService } from '#exchanges';
import { PROFESSIONS, RegisterOnBehalfDto } from '#registrations';
import {
  emptyForm,
  ErrorSummary,
  Form,
  type FormState,
  SelectField,
  TextField,
} from '../../components/form.js';
import { countryName } from '../../format/countries.js';
import { eventDates } from '../../format/dates.js';
import { formStateFromError, parseForm } from '../../http/forms.js';
import { requireActor, type WebContext } from '../../http/web-context.js';
import { WebController } from '../../http/web-controller.decorator.js';
import { Web } from '../../http/web-request.decorator.js';
import { HtmlResponse, type PageResult, redirect } from '../../http/web-results.js';
import { renderPage } from '../../layout/layout.js';
import { languageName } from '../participant-sharing/sharing-parts.js';
import { ExchangeLines } from './programme-parts.js';

const LANGUAGE_NAMES = { fr: 'Français', en: 'English', es: 'Español' } as const;

/**
 * The people of an exchange: its visitors for the host organisation's staff, the
 * organisers and the visiting partner's managers (/exchanges/<id>/visitors), and the
 * managers' nomination form (/exchanges/<id>/nominate, listed at /exchanges/nominate).
 * Who may see or nominate is decided in #exchanges; anyone else gets 404.
 */
@WebController('exchanges')
export class ExchangeVisitorsPagesController {
  constructor(
    private readonly exchanges: ExchangesService,
    @InjectRepository(Event) private readonly events: Repository<Event>,
  ) {}

  @Get('nominate')
  async nominations(@Web() ctx: WebContext): Promise<string> {
    const list = await this.exchanges.nominatable(requireActor(ctx));
    const t = ctx.t.exchanges;
    return renderPage(ctx, {
      title: t.nominateTitle,
      children: (
        <div class="xp">
          <h1>{t.nominateTitle}</h1>
          {list.length === 0 ? (
            <p>{t.nominateNone}</p>
          ) : (
            <ul class="plain xp-list">
              {list.map((x) => (
                <li class="xp-item card">
                  <p class="muted">{eventDates(x.startDate, x.endDate, ctx.locale)}</p>
                  <ExchangeLines ctx={ctx} x={x} />
                  <p>
                    <a href={`/exchanges/${x.id}/nominate`}>{t.nominateLink}</a> ·{' '}
                    <a href={`/exchanges/${x.id}/visitors`}>{t.visitorsTitle}</a>
                  </p>
                </li>
              ))}
            </ul>
          )}
        </div>
      ),
    });
  }

  @Get(':id/visitors')
  async visitors(@Web() ctx: WebContext, @Param('id') id: string): Promise<string> {
    const actor = requireActor(ctx);
    const { exchange: x, visitors } = await this.exchanges.visitors(actor, id);
    // The crumb names the immersion. Read without a second check: visitors() has decided
    // (a visiting partner's manager is no staff of a draft, yet may see its visitors).
    const event = await this.events.findOneByOrFail({ id: x.eventId });
    const eventName = eventTextsIn(event, ctx.locale).name;
    const t = ctx.t.exchanges;
    const professions = ctx.t.registration.professions as Record<string, string>;
    const label = ctx.t.host.labelled;
    return renderPage(ctx, {
      title: `${t.visitorsTitle} · ${x.visitingOrganisation.name}`,
      wide: true,
      children: (
        <div class="xp">
          <p class="pa-crumbs">
            <a href={`/e/${x.eventSlug}`} dir="auto">
              {eventName}
            </a>{' '}
            <span class="muted">{eventDates(x.startDate, x.endDate, ctx.locale)}</span>
          </p>
          <h1>{t.visitorsTitle}</h1>
          <ExchangeLines ctx={ctx} x={x} />
          <p class="muted">{t.visitorsLead(x.hostOrganisation.name)}</p>
          {visitors.length === 0 ? (
            <p>{t.noVisitors}</p>
          ) : (
            <div class="table-wrap">
              <table class="pa-bus">
                <thead>
                  <tr>
                    <th scope="col">{t.name}</th>
                    <th scope="col">{t.organisation}</th>
                    <th scope="col">{t.profession}</th>
                    <th scope="col">{t.languages}</th>
                    <th scope="col">{t.needs}</th>
                    <th scope="col">{t.status}</th>
                  </tr>
                </thead>
                <tbody>
                  {visitors.map((v) => (
                    <tr>
                      <td dir="auto" class="pa-who">
                        {v.name}
                      </td>
                      <td dir="auto" data-label={label(t.organisation)}>
                        {v.organisation.name} ({countryName(v.organisation.country, ctx.locale)})
                      </td>
                      <td dir="auto" data-label={label(t.profession)}>
                        {v.profession === 'other' && v.professionOther
                          ? v.professionOther
                          : (professions[v.profession] ?? v.profession)}
                      </td>
                      <td data-label={label(t.languages)}>
                        {v.languages.map((l) => languageName(l, ctx.locale)).join(', ')}
                      </td>
                      <td dir="auto" data-label={label(t.needs)}>
                        {[v.dietary, v.accessibility].filter(Boolean).join(' · ') || '—'}
                      </td>
                      <td data-label={label(t.status)}>{t.statuses[v.status] ?? v.status}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <ul>
            <li>
              <a href={`/e/${x.eventSlug}/agenda`}>{t.agendaLink}</a>
            </li>
            <li>
              <a href={`/host/events/${x.eventId}`}>{t.arrivalsLink}</a>
            </li>
            <li>
              <a href={`/console/events/${x.eventId}/agenda`}>{t.buildAgendaLink}</a>
            </li>
          </ul>
        </div>
      ),
    });
  }

  @Get(':id/nominate')
  async nominateForm(@Web() ctx: WebContext, @Param('id') id: string): Promise<string> {
    const x = await this.nominatableExchange(ctx, id);
    return this.nominatePage(
      ctx,
      x,
      emptyForm({ locale: ctx.locale, profession: 'social_worker' }),
    );
  }

  @Post(':id/nominate')
  async nominate(
    @Web() ctx: WebContext,
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
  ): Promise<PageResult> {
    const actor = requireActor(ctx);
    const x = await this.nominatableExchange(ctx, id);
    const values = {
      email: body?.email,
      name: body?.name,
      locale: body?.locale,
      profession: body?.profession,
    };
    const parsed = await parseForm(ctx, RegisterOnBehalfDto, values);
    if (!parsed.ok) return new HtmlResponse(this.nominatePage(ctx, x, parsed.state), 400);
    try {
      await this.exchanges.nominate(actor, x.id, parsed.value);
    } catch (e) {
      const state = formStateFromError(ctx, e, values);
      return new HtmlResponse(this.nominatePage(ctx, x, state), 400);
    }
    return redirect(`/exchanges/${x.id}/visitors`, 'exchanges.flash.nominated');
  }

  /** The exchange when the actor may nominate for it (its visiting side's manager, an organiser). */
  private async nominatableExchange(ctx: WebContext, id: string): Promise<ExchangeView> {
    const s = await this.exchanges.standing(requireActor(ctx), id);
    if (!s.isOrganiser && !s.managesVisiting) throw notFound('Exchange');
    return s.exchange;
  }

  private nominatePage(ctx: WebContext, x: ExchangeView, form: FormState): string {
    const t = ctx.t.exchanges;
    const professions = ctx.t.registration.professions as Record<string, string>;
    const labels = {
      email: t.email,
      name: t.personName,
      locale: t.locale,
      profession: t.profession,
    };
    return renderPage(ctx, {
      title: t.nominateTitle,
      children: (
        <div class="xp">
          <p class="pa-crumbs">
            <a href="/exchanges/nominate">{t.nominateTitle}</a>
          </p>
          <h1>{t.nominateTitle}</h1>
          <ExchangeLines ctx={ctx} x={x} />
          <p>{t.nominateLead(x.visitingOrganisation.name)}</p>
          <ErrorSummary ctx={ctx} form={form} labels={labels} />
          <Form ctx={ctx} action={`/exchanges/${x.id}/nominate`}>
            <TextField form={form} name="name" label={t.personName} required autocomplete="off" />
            <TextField
              form={form}
              name="email"
              type="email"
              label={t.email}
              required
              autocomplete="off"
              dir="ltr"
            />
            <SelectField
              form={form}
              name="locale"
              label={t.locale}
              options={LOCALES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
            />
            <SelectField
              form={form}
              name="profession"
              label={t.profession}
              options={PROFESSIONS.filter((p) => p !== 'other').map((p) => ({
                value: p,
                label: professions[p] ?? p,
              }))}
            />
            <button type="submit" class="btn">
              {t.submitNominate}
            </button>
          </Form>
        </div>
      ),
    });
  }
}
