import { Get, Param, Query } from '@nestjs/common';
import { isUuid, notFound } from '#core';
import { type ProgrammeQueryDto, ProgrammesService } from '#exchanges';
import { Form, SelectField, emptyForm } from '../../components/form.js';
import { countryName } from '../../format/countries.js';
import { requireActor, type WebContext } from '../../http/web-context.js';
import { WebController } from '../../http/web-controller.decorator.js';
import { Web } from '../../http/web-request.decorator.js';
import { renderPage } from '../../layout/layout.js';
import { ProgrammeEntry } from './programme-parts.js';

/** The filters of the GET form, kept only when well formed (a select offers nothing else). */
function filtersOf(query: Record<string, unknown>): ProgrammeQueryDto {
  const text = (k: string) => (typeof query[k] === 'string' ? (query[k] as string).trim() : '');
  const partner = text('partner');
  const country = text('country').toUpperCase();
  const year = text('year');
  return {
    partner: isUuid(partner) ? partner : undefined,
    country: /^[A-Z]{2}$/.test(country) ? country : undefined,
    year: /^\d{4}$/.test(year) ? Number(year) : undefined,
  };
}

/**
 * The network's programmes, for anyone with an account: /programmes lists them, and
 * /programmes/<slug> shows the year's immersions and meetings with the figures the
 * network reports, filtered by partner, country and year (a GET form: no script needed).
 */
@WebController('programmes')
export class ProgrammesPagesController {
  constructor(private readonly programmes: ProgrammesService) {}

  @Get()
  async index(@Web() ctx: WebContext): Promise<string> {
    const actor = requireActor(ctx);
    const t = ctx.t.exchanges;
    const list = await this.programmes.list(ctx.locale);
    const organises = ctx.roles.includes('organiser') || actor.platformRole === 'admin';
    return renderPage(ctx, {
      title: t.programmesTitle,
      children: (
        <>
          <h1>{t.programmesTitle}</h1>
          <p class="lead">{t.programmesLead}</p>
          {list.length === 0 ? (
            <p>{t.noProgrammes}</p>
          ) : (
            <ul>
              {list.map((p) => (
                <li dir="auto">
                  <a href={`/programmes/${p.slug}`}>{p.name}</a>
                </li>
              ))}
            </ul>
          )}
          <p>
            <a href="/exchanges/nominate">{t.nominateTitle}</a>
            {organises && (
              <>
                {' · '}
                <a href="/console/exchanges">{t.consoleTitle}</a>
              </>
            )}
          </p>
        </>
      ),
    });
  }

  @Get(':slug')
  async programme(
    @Web() ctx: WebContext,
    @Param('slug') slug: string,
    @Query() query: Record<string, unknown>,
  ): Promise<string> {
    const actor = requireActor(ctx);
    if (!/^[a-z0-9][a-z0-9-]{0,120}$/.test(slug)) throw notFound('Programme');
    const filters = filtersOf(query);
    const p = await this.programmes.view(actor, slug, filters, ctx.locale);
    const t = ctx.t.exchanges;
    const form = emptyForm({
      partner: filters.partner ?? '',
      country: filters.country ?? '',
      year: filters.year ? String(filters.year) : '',
    });
    const filtered = !!(filters.partner || filters.country || filters.year);
    return renderPage(ctx, {
      title: p.name,
      children: (
        <div class="xp">
          <p class="pa-crumbs">
            <a href="/programmes">{t.programmesTitle}</a>
          </p>
          <h1 dir="auto">{p.name}</h1>
          <p class="lead xp-figures">
            {t.figures(p.figures.immersions, p.figures.socialWorkers, p.figures.countries)}
          </p>
          <section aria-labelledby="xp-filters" class="xp-filters">
            <h2 id="xp-filters" class="visually-hidden">
              {t.filters}
            </h2>
            <Form ctx={ctx} action={`/programmes/${p.slug}`} method="get">
              <SelectField
                form={form}
                name="partner"
                label={t.partner}
                placeholder={t.any}
                options={p.partners.map((o) => ({ value: o.id, label: o.name }))}
              />
              <SelectField
                form={form}
                name="country"
                label={t.country}
                placeholder={t.any}
                options={p.countries.map((c) => ({ value: c, label: countryName(c, ctx.locale) }))}
              />
              <SelectField
                form={form}
                name="year"
                label={t.year}
                placeholder={t.any}
                options={p.years.map((y) => ({ value: String(y), label: String(y) }))}
              />
              <p class="xp-actions">
                <button type="submit" class="btn">
                  {t.apply}
                </button>{' '}
                {filtered && <a href={`/programmes/${p.slug}`}>{t.clear}</a>}
              </p>
            </Form>
          </section>
          {p.items.length === 0 ? (
            <p>{t.nothing}</p>
          ) : (
            <ul class="plain xp-list">
              {p.items.map((item) => (
                <ProgrammeEntry ctx={ctx} item={item} />
              ))}
            </ul>
          )}
        </div>
      ),
    });
  }
}
