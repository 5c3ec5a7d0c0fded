import { Get, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AccountsService, UpdateMeDto } from '#accounts';
import { DomainError } from '#core';
import { AccountErasure, PersonalDataExport, type PersonalDataExportView } from '#privacy';
import { maskPassportNumber } from '#travel';
import {
  ErrorSummary,
  Form,
  type FormState,
  SelectField,
  TextField,
} from '../../components/form.js';
import { localeOptions } from '../../components/choices.js';
import { instantIn } from '../../format/dates.js';
import { parseForm, textOf } from '../../http/forms.js';
import { SessionCookie } from '../../http/session-cookie.js';
import { requireActor, type WebContext } from '../../http/web-context.js';
import { WebController } from '../../http/web-controller.decorator.js';
import { FormBody, Web } from '../../http/web-request.decorator.js';
import { Download, HtmlResponse, type PageResult, redirect } from '../../http/web-results.js';
import { renderPage } from '../../layout/layout.js';
import { countryName } from '../../format/countries.js';
import { dayOf, longDate } from './travel-format.js';

/** Emails listed on the page; the download holds them all. */
const MESSAGES_SHOWN = 20;
const LIVE = ['pending', 'confirmed', 'waitlisted'];

/**
 * What Convene holds about me, the JSON export (GDPR art. 15 and 20), name and language,
 * and deleting my account after its consequences are said.
 */
@WebController('my/data')
export class MyDataPageController {
  constructor(
    private readonly exporter: PersonalDataExport,
    private readonly accounts: AccountsService,
    private readonly erasure: AccountErasure,
    private readonly cookie: SessionCookie,
  ) {}

  private async page(ctx: WebContext, profile?: FormState, status = 200): Promise<PageResult> {
    const data = await this.exporter.export(requireActor(ctx));
    const html = renderPage(ctx, {
      title: ctx.t.mydata.title,
      children: (
        <MyDataPage
          ctx={ctx}
          data={data}
          profile={
            profile ?? {
              values: { name: data.account.name, locale: data.account.locale },
              errors: {},
            }
          }
        />
      ),
    });
    return status === 200 ? html : new HtmlResponse(html, status);
  }

  @Get()
  show(@Web() ctx: WebContext): Promise<PageResult> {
    return this.page(ctx);
  }

  @Get('export.json')
  async download(@Web() ctx: WebContext, @Res() res: Response): Promise<PageResult> {
    const data = await this.exporter.export(requireActor(ctx));
    res.setHeader('Cache-Control', 'no-store');
    return new Download(
      `${JSON.stringify(data, null, 2)}\n`,
      'application/json; charset=utf-8',
      `convene-my-data-${data.exportedAt.slice(0, 10)}.json`,
      'attachment',
    );
  }

  @Post('profile')
  async saveProfile(
    @Web() ctx: WebContext,
    @FormBody() body: Record<string, unknown>,
  ): Promise<PageResult> {
    const actor = requireActor(ctx);
    const values = { name: textOf(body, 'name') ?? '', locale: textOf(body, 'locale') ?? '' };
    const t = ctx.t.mydata;
    const parsed = await parseForm(ctx, UpdateMeDto, values, {
      name: values.name,
      locale: values.locale,
    });
    if (!parsed.ok) {
      const errors: Record<string, string> = {};
      if (parsed.state.errors.name) errors.name = t.nameError;
      if (parsed.state.errors.locale) errors.locale = t.languageError;
      return this.page(ctx, { values, errors }, 400);
    }
    await this.accounts.update(actor, actor.accountId, {
      name: parsed.value.name,
      locale: parsed.value.locale,
    });
    // ?lang= makes the pages follow the new language at once (and remembers it).
    return redirect(`/my/data?lang=${parsed.value.locale}`, 'mydata.profileSaved');
  }

  @Get('delete')
  async confirm(@Web() ctx: WebContext): Promise<PageResult> {
    const data = await this.exporter.export(requireActor(ctx));
    return confirmPage(ctx, data);
  }

  @Post('delete')
  async erase(
    @Web() ctx: WebContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<PageResult> {
    const actor = requireActor(ctx);
    try {
      await this.erasure.eraseSelf(actor);
    } catch (e) {
      if (e instanceof DomainError && e.code === 'conflict') {
        const events = (e.details?.events as string[] | undefined) ?? [];
        const data = await this.exporter.export(actor);
        return new HtmlResponse(
          confirmPage(ctx, data, ctx.t.mydata.soleOrganiser(events.join(', '))),
          409,
        );
      }
      throw e;
    }
    // The erasure deleted every session of the account; the browser forgets its cookie.
    await this.cookie.end(req, res);
    // Signed out now: ?lang= keeps the page in the language the person was reading.
    return redirect(`/my/data/deleted?lang=${ctx.locale}`);
  }

  @Get('deleted')
  deleted(@Web() ctx: WebContext): string {
    const t = ctx.t.mydata;
    return renderPage(ctx, {
      title: t.deletedTitle,
      children: (
        <>
          <h1>{t.deletedTitle}</h1>
          <p class="lead">{t.deletedBody}</p>
          <p>
            <a href="/">{ctx.t.common.goHome}</a>
          </p>
        </>
      ),
    });
  }
}

function confirmPage(ctx: WebContext, data: PersonalDataExportView, refusal?: string): string {
  const t = ctx.t.mydata;
  const live = data.registrations.filter((r) => LIVE.includes(r.status));
  return renderPage(ctx, {
    title: t.confirmTitle,
    children: (
      <div class="md">
        <h1>{t.confirmTitle}</h1>
        {refusal && (
          <p class="warning" role="alert">
            {refusal}
          </p>
        )}
        <p>{t.consequences}</p>
        <ul class="md-consequences">
          <li>
            {t.consequenceRegistrations(live.length)}
            {live.length > 0 && (
              <ul>
                {live.map((r) => (
                  <li>{r.event.name}</li>
                ))}
              </ul>
            )}
          </li>
          {live.length > 0 && <li>{t.consequenceSeats}</li>}
          <li>{t.consequenceErased}</li>
          <li>{t.consequenceCounts}</li>
          <li>
            <strong>{t.consequenceFinal}</strong>
          </li>
        </ul>
        <p>
          {t.consequenceExport} <a href="/my/data/export.json">{t.download}</a>
        </p>
        <Form ctx={ctx} action="/my/data/delete" class="md-actions">
          <button class="btn danger" type="submit">
            {t.confirmDelete}
          </button>{' '}
          <a class="btn secondary" href="/my/data">
            {t.keep}
          </a>
        </Form>
      </div>
    ),
  });
}

function MyDataPage(props: { ctx: WebContext; data: PersonalDataExportView; profile: FormState }) {
  const { ctx, data, profile } = props;
  const t = ctx.t.mydata;
  const a = data.account;
  const langs = ctx.t.common.languageNames;
  return (
    <div class="md">
      <h1>{t.title}</h1>
      <p class="lead">{t.lead}</p>
      <p>
        <a class="btn" href="/my/data/export.json" download>
          {t.download}
        </a>
      </p>
      <p class="hint">{t.downloadHint}</p>

      <section class="card" aria-labelledby="md-account">
        <h2 id="md-account">{t.accountTitle}</h2>
        <dl class="facts md-facts">
          <dt>{t.name}</dt>
          <dd dir="auto">{a.name}</dd>
          <dt>{t.email}</dt>
          <dd class="md-break">{a.email}</dd>
          <dt>{t.language}</dt>
          <dd>{langs[a.locale as keyof typeof langs] ?? a.locale}</dd>
          {a.organisation && (
            <>
              <dt>{t.organisation}</dt>
              <dd dir="auto">
                {a.organisation.name} ({countryName(a.organisation.country, ctx.locale)})
              </dd>
            </>
          )}
          <dt>{t.createdAt}</dt>
          <dd>{dayOf(a.createdAt, ctx.locale)}</dd>
          <dt>{t.password}</dt>
          <dd>{a.hasPassword ? t.passwordSet : t.passwordNone}</dd>
        </dl>
        <h3>{t.profileTitle}</h3>
        <ErrorSummary ctx={ctx} form={profile} labels={{ name: t.name, locale: t.language }} />
        <Form ctx={ctx} action="/my/data/profile">
          <TextField
            form={profile}
            name="name"
            label={t.name}
            autocomplete="name"
            maxLength={200}
          />
          <SelectField
            form={profile}
            name="locale"
            label={t.language}
            options={localeOptions(ctx)}
          />
          <button class="btn" type="submit">
            {t.saveProfile}
          </button>
        </Form>
      </section>

      <section class="card" aria-labelledby="md-regs">
        <h2 id="md-regs">{t.registrationsTitle}</h2>
        {data.registrations.length === 0 && <p>{t.noRegistrations}</p>}
        {data.registrations.map((r) => (
          <Registration ctx={ctx} r={r} />
        ))}
      </section>

      <section class="card" aria-labelledby="md-consents">
        <h2 id="md-consents">{t.consentsTitle}</h2>
        {data.consents.length === 0 ? (
          <p>{t.noConsents}</p>
        ) : (
          <ul>
            {data.consents.map((c) => {
              const r = data.registrations.find((x) => x.id === c.registrationId);
              const zone = r?.event.timezone ?? 'UTC';
              const city = r?.event.venueCity ?? null;
              return (
                <li>{t.consentLine(c.eventName, instantIn(c.givenAt, zone, ctx.locale, city))}</li>
              );
            })}
          </ul>
        )}
      </section>

      <section class="card" aria-labelledby="md-signups">
        <h2 id="md-signups">{t.signupsTitle}</h2>
        {data.sessionSignups.length === 0 ? (
          <p>{t.noSignups}</p>
        ) : (
          <ul>
            {data.sessionSignups.map((s) => (
              <li dir="auto">
                {t.signupLine(s.sessionTitle, s.eventName, t.signupStatuses[s.status] ?? s.status)}
              </li>
            ))}
          </ul>
        )}
      </section>

      {data.staffRoles.length > 0 && (
        <section class="card" aria-labelledby="md-roles">
          <h2 id="md-roles">{t.rolesTitle}</h2>
          <ul>
            {data.staffRoles.map((r) => (
              <li dir="auto">{t.roleLine(r.eventName, t.roles[r.role] ?? r.role)}</li>
            ))}
          </ul>
        </section>
      )}

      <section class="card" aria-labelledby="md-cal">
        <h2 id="md-cal">{t.calendarTitle}</h2>
        <p>
          {data.calendarSubscription.exists && data.calendarSubscription.createdAt
            ? t.calendarYes(dayOf(data.calendarSubscription.createdAt, ctx.locale))
            : t.calendarNo}{' '}
          <a href="/my/calendar">{t.calendarManage}</a>
        </p>
      </section>

      <section class="card" aria-labelledby="md-mail">
        <h2 id="md-mail">{t.messagesTitle}</h2>
        {data.messages.length === 0 ? (
          <p>{t.noMessages}</p>
        ) : (
          <ul class="md-mails">
            {data.messages.slice(0, MESSAGES_SHOWN).map((m) => (
              <li>
                <span dir="auto">{m.subject}</span>
                <br />
                <span class="hint">
                  {dayOf(m.sentAt ?? m.createdAt, ctx.locale)} ·{' '}
                  {t.messageStatuses[m.status] ?? m.status}
                </span>
              </li>
            ))}
          </ul>
        )}
        {data.messages.length > MESSAGES_SHOWN && (
          <p class="hint">{t.messagesMore(data.messages.length - MESSAGES_SHOWN)}</p>
        )}
      </section>

      <section class="card md-danger" aria-labelledby="md-delete">
        <h2 id="md-delete">{t.deleteTitle}</h2>
        <p>{t.deleteLead}</p>
        <a class="btn danger" href="/my/data/delete">
          {t.deleteStart}
        </a>
      </section>
    </div>
  );
}

function Registration(props: {
  ctx: WebContext;
  r: PersonalDataExportView['registrations'][number];
}) {
  const { ctx, r } = props;
  const t = ctx.t.mydata;
  const tv = ctx.t.travel;
  const or = (v: string | null | undefined) => v || t.nothing;
  const travel = r.travel;
  const p = travel?.passport;
  const langs = ctx.t.common.languageNames as Record<string, string>;
  const leg = (l: NonNullable<typeof travel>['arrival']) =>
    l
      ? `${tv.flightLine(l.flightNumber, l.airport)} · ${instantIn(l.at, l.airportTimezone ?? r.event.timezone, ctx.locale, l.airportTimezone ? null : r.event.venueCity)}`
      : tv.noFlight;
  return (
    <article class="md-reg">
      <h3 dir="auto">{r.event.name}</h3>
      <dl class="facts md-facts">
        <dt>{t.status}</dt>
        <dd>{t.statuses[r.status] ?? r.status}</dd>
        <dt>{t.organisation}</dt>
        <dd dir="auto">{or(r.organisationName)}</dd>
        <dt>{t.profession}</dt>
        <dd dir="auto">
          {t.professions[r.profession] ?? r.profession}
          {r.professionOther ? ` (${r.professionOther})` : ''}
        </dd>
        <dt>{t.languagesSpoken}</dt>
        <dd>{r.languages.length ? r.languages.map((l) => langs[l] ?? l).join(', ') : t.nothing}</dd>
        <dt>{t.phone}</dt>
        <dd dir="ltr">{or(r.phone)}</dd>
        <dt>{t.dietary}</dt>
        <dd dir="auto">{or(r.dietary)}</dd>
        <dt>{t.accessibility}</dt>
        <dd dir="auto">{or(r.accessibility)}</dd>
        <dt>{t.emergencyContact}</dt>
        <dd dir="auto">
          {r.emergencyContact
            ? [r.emergencyContact.name, r.emergencyContact.relation, r.emergencyContact.phone]
                .filter(Boolean)
                .join(', ')
            : t.nothing}
        </dd>
        <dt>{t.passport}</dt>
        <dd>
          {p
            ? t.passportLine(
                p.nationality ? countryName(p.nationality, ctx.locale) : t.nothing,
                p.number ? maskPassportNumber(p.number) : t.nothing,
                p.expiresOn ? longDate(p.expiresOn, ctx.locale) : t.nothing,
              )
            : tv.passportMissing}
        </dd>
        <dt>{t.arrival}</dt>
        <dd>{leg(travel?.arrival ?? null)}</dd>
        <dt>{t.departure}</dt>
        <dd>{leg(travel?.departure ?? null)}</dd>
        <dt>{t.visa}</dt>
        <dd>{tv.visaStatuses[travel?.visa.status ?? 'unknown']}</dd>
      </dl>
      {r.consent.at && (
        <p class="hint">
          {t.consentGiven(instantIn(r.consent.at, r.event.timezone, ctx.locale, r.event.venueCity))}
        </p>
      )}
      {p?.number && <p class="hint">{t.passportMaskedNote}</p>}
      <p>
        <a href={`/my/registrations/${r.id}/travel`}>{t.travelPage}</a>
      </p>
    </article>
  );
}
