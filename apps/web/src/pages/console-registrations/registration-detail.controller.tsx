import { Get, Param, Post } from '@nestjs/common';
import { DomainError, isUuid, notFound } from '#core';
import type { EventView } from '#events';
import {
  canApply,
  RegistrationConsent,
  RegistrationReports,
  RegistrationsService,
  RegistrationWorkflow,
  RequiredReasonDto,
  type RegistrationAction,
  type RegistrationView,
} from '#registrations';
import { emptyForm, ErrorSummary, Form, type FormState, TextArea } from '../../components/form.js';
import { parseForm } from '../../http/forms.js';
import type { WebContext } from '../../http/web-context.js';
import { WebController } from '../../http/web-controller.decorator.js';
import { FormBody, Web } from '../../http/web-request.decorator.js';
import { HtmlResponse, redirect, type PageResult } from '../../http/web-results.js';
import { ConsoleAccess, consoleEventPath, renderConsolePage } from '../console/console-frame.js';
import { countryName } from '../../format/countries.js';
import {
  languageName,
  professionLabel,
  shortDateTime,
  StatusBadge,
  statusWords,
  visaLabel,
} from './registration-words.js';

type History = Awaited<ReturnType<RegistrationWorkflow['history']>>;

interface Person {
  name: string;
  email: string;
  organisation: string;
  country: string;
  visaStatus: string | null;
}

interface DetailState {
  reject?: FormState;
  cancel?: FormState;
  refusal?: string;
}

function Facts(props: { ctx: WebContext; event: EventView; r: RegistrationView; person: Person }) {
  const { ctx, event, r, person } = props;
  const t = ctx.t.consoleRegistrations;
  const orNone = (v: string | null) =>
    v ? <span dir="auto">{v}</span> : <span class="muted">{t.none}</span>;
  return (
    <dl class="facts cr-facts">
      <dt>{t.status}</dt>
      <dd>
        <StatusBadge ctx={ctx} status={r.status} />{' '}
        <span class="muted">
          {t.statusSince(shortDateTime(r.statusChangedAt, event.timezone, ctx.locale))}
        </span>
        {r.waitlistPosition !== null && (
          <> · {t.statusCount(t.waitlistPosition, r.waitlistPosition)}</>
        )}
      </dd>
      <dt>{t.email}</dt>
      <dd>
        <a href={`mailto:${person.email}`}>{person.email}</a>
      </dd>
      <dt>{t.phone}</dt>
      <dd>
        {r.phone ? <a href={`tel:${r.phone.replace(/[^\d+]/g, '')}`}>{r.phone}</a> : orNone(null)}
      </dd>
      <dt>{t.organisation}</dt>
      <dd>
        <span dir="auto">{person.organisation}</span> ({countryName(person.country, ctx.locale)})
      </dd>
      <dt>{t.profession}</dt>
      <dd>{professionLabel(ctx, r.profession, r.professionOther)}</dd>
      <dt>{t.languages}</dt>
      <dd>
        {r.languages.length > 0
          ? r.languages.map((l) => languageName(l, ctx.locale)).join(', ')
          : orNone(null)}
      </dd>
      <dt>{t.dietary}</dt>
      <dd>{orNone(r.dietary)}</dd>
      <dt>{t.accessibility}</dt>
      <dd>{orNone(r.accessibility)}</dd>
      <dt>{t.emergencyContact}</dt>
      <dd>
        {r.emergencyContact ? (
          <>
            <span dir="auto">{r.emergencyContact.name}</span>{' '}
            {r.emergencyContact.relation && (
              <span dir="auto">{t.emergencyRelation(r.emergencyContact.relation)}</span>
            )}
            ,{' '}
            <a href={`tel:${r.emergencyContact.phone.replace(/[^\d+]/g, '')}`}>
              {r.emergencyContact.phone}
            </a>
          </>
        ) : (
          orNone(null)
        )}
      </dd>
      <dt>{t.visaStatus}</dt>
      <dd>{visaLabel(ctx, person.visaStatus)}</dd>
      <dt>{t.registeredOn}</dt>
      <dd>{shortDateTime(r.createdAt, event.timezone, ctx.locale)}</dd>
      <dt>{t.consent}</dt>
      <dd>
        {r.consent.at
          ? t.consentGiven(shortDateTime(r.consent.at, event.timezone, ctx.locale))
          : t.consentMissing}
      </dd>
    </dl>
  );
}

function HistoryTable(props: { ctx: WebContext; event: EventView; history: History }) {
  const { ctx, event } = props;
  const t = ctx.t.consoleRegistrations;
  return (
    <div class="table-wrap">
      <table class="cr-table cr-history">
        <caption class="visually-hidden">{t.history}</caption>
        <thead>
          <tr>
            <th scope="col">{t.historyWhen}</th>
            <th scope="col">{t.historyWho}</th>
            <th scope="col">{t.historyFrom}</th>
            <th scope="col">{t.historyTo}</th>
            <th scope="col">{t.historyReason}</th>
          </tr>
        </thead>
        <tbody>
          {props.history.map((h) => (
            <tr>
              <td class="cr-nowrap">{shortDateTime(h.at, event.timezone, ctx.locale)}</td>
              <td dir="auto">{h.by ? (h.by.name ?? '') : t.historySystem}</td>
              <td>{h.from ? <StatusBadge ctx={ctx} status={h.from} /> : t.historyNew}</td>
              <td>
                <StatusBadge ctx={ctx} status={h.to} />
              </td>
              <td dir="auto">{h.reason ? (t.systemReasons[h.reason] ?? h.reason) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Reject or cancel: a decision that needs its reason in words, confirmed before it is sent. */
function ReasonForm(props: {
  ctx: WebContext;
  action: string;
  form: FormState;
  words: { title: string; reason: string; hint: string; confirm: string };
}) {
  const { ctx, form, words } = props;
  return (
    <Form ctx={ctx} action={props.action} class="card cr-decision">
      <h3>{words.title}</h3>
      <ErrorSummary ctx={ctx} form={form} labels={{ reason: words.reason }} />
      <TextArea
        form={form}
        name="reason"
        label={words.reason}
        hint={words.hint}
        rows={3}
        maxLength={1000}
        required
      />
      <button type="submit" class="btn danger" data-confirm={words.confirm}>
        {words.title}
      </button>
    </Form>
  );
}

function Decisions(props: {
  ctx: WebContext;
  base: string;
  r: RegistrationView;
  state: DetailState;
}) {
  const { ctx, base, r, state } = props;
  const t = ctx.t.consoleRegistrations;
  const status = r.status as Parameters<typeof canApply>[1];
  const can = (a: RegistrationAction) => canApply(a, status);
  const awaiting = r.status === 'awaiting_consent';
  if (!can('approve') && !can('reject') && !can('cancel')) return <p>{t.noActions}</p>;
  const reject = { ...(state.reject ?? emptyForm()), idPrefix: 'reject-' };
  const cancel = { ...(state.cancel ?? emptyForm()), idPrefix: 'cancel-' };
  return (
    <div class="cr-decisions">
      {awaiting && (
        <Form ctx={ctx} action={`${base}/resend-consent`} class="card cr-decision">
          <h3>{t.resend}</h3>
          <p class="hint">{t.resendHint}</p>
          <button type="submit" class="btn secondary">
            {t.resend}
          </button>
        </Form>
      )}
      {can('approve') && (
        <Form ctx={ctx} action={`${base}/approve`} class="card cr-decision">
          <h3>{t.approve}</h3>
          <p class="hint">{t.approveHint}</p>
          <button type="submit" class="btn">
            {t.approve}
          </button>
        </Form>
      )}
      {can('reject') && (
        <ReasonForm
          ctx={ctx}
          action={`${base}/reject`}
          form={reject}
          words={{
            title: t.reject,
            reason: t.rejectReason,
            hint: t.rejectHint,
            confirm: t.rejectConfirm,
          }}
        />
      )}
      {can('cancel') && (
        <ReasonForm
          ctx={ctx}
          action={`${base}/cancel`}
          form={cancel}
          words={{
            title: t.cancel,
            reason: t.cancelReason,
            hint: t.cancelHint,
            confirm: t.cancelConfirm,
          }}
        />
      )}
    </div>
  );
}

/**
 * One registration for its organisers: everything they may see, the audit trail, and
 * the decisions the service allows from its status. Each decision is a POST; the service
 * refuses what its rules refuse, and the page says so in words.
 */
@WebController('console/events/:eventId/registrations/:regId')
export class RegistrationDetailController {
  constructor(
    private readonly console: ConsoleAccess,
    private readonly registrations: RegistrationsService,
    private readonly workflow: RegistrationWorkflow,
    private readonly reports: RegistrationReports,
    private readonly consent: RegistrationConsent,
  ) {}

  /** The registration, only if it belongs to this event (else 404, like a stranger's). */
  private async load(ctx: WebContext, eventId: string, regId: string) {
    const { actor, event } = await this.console.event(ctx, eventId);
    if (!isUuid(regId)) throw notFound('Registration');
    const r = await this.registrations.get(actor, regId);
    if (r.eventId !== eventId) throw notFound('Registration');
    return { actor, event, r };
  }

  private async page(
    ctx: WebContext,
    eventId: string,
    regId: string,
    state: DetailState = {},
  ): Promise<string> {
    const { actor, event, r } = await this.load(ctx, eventId, regId);
    const [history, editions, item] = await Promise.all([
      this.workflow.history(actor, regId),
      this.workflow.editions(actor, regId),
      this.reports.item(actor, eventId, regId),
    ]);
    const t = ctx.t.consoleRegistrations;
    const base = `${consoleEventPath(eventId, 'registrations')}/${regId}`;
    const person: Person = {
      name: item?.account.name ?? '',
      email: item?.account.email ?? '',
      organisation: item?.organisation.name ?? '',
      country: item?.organisation.country ?? '',
      visaStatus: item?.visaStatus ?? null,
    };
    const others = editions.filter((e) => !e.current).length;
    return renderConsolePage(ctx, {
      event,
      section: 'registrations',
      title: t.detailTitle(person.name),
      children: (
        <div class="cr cr-detail">
          <p class="no-print">
            <a href={consoleEventPath(eventId, 'registrations')}>← {t.backToList}</a>
          </p>
          {state.refusal && (
            <p class="warning" role="alert">
              {state.refusal}
            </p>
          )}
          <div class="cr-detail-grid">
            <section aria-labelledby="cr-person">
              <h2 id="cr-person">{t.person}</h2>
              <Facts ctx={ctx} event={event} r={r} person={person} />
              {others > 0 && <p class="muted">{t.otherEditions(others)}</p>}
            </section>
            <section aria-labelledby="cr-actions" class="no-print">
              <h2 id="cr-actions">{t.actions}</h2>
              <Decisions ctx={ctx} base={base} r={r} state={state} />
            </section>
          </div>
          <section aria-labelledby="cr-history">
            <h2 id="cr-history">{t.history}</h2>
            <HistoryTable ctx={ctx} event={event} history={history} />
          </section>
        </div>
      ),
    });
  }

  @Get()
  show(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @Param('regId') regId: string,
  ): Promise<PageResult> {
    return this.page(ctx, eventId, regId);
  }

  @Post('approve')
  approve(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @Param('regId') regId: string,
  ): Promise<PageResult> {
    return this.decide(ctx, eventId, regId, 'approve', {});
  }

  @Post('reject')
  reject(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @Param('regId') regId: string,
    @FormBody() body: Record<string, unknown>,
  ): Promise<PageResult> {
    return this.decide(ctx, eventId, regId, 'reject', body);
  }

  @Post('cancel')
  cancel(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @Param('regId') regId: string,
    @FormBody() body: Record<string, unknown>,
  ): Promise<PageResult> {
    return this.decide(ctx, eventId, regId, 'cancel', body);
  }

  @Post('resend-consent')
  async resendConsent(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @Param('regId') regId: string,
  ): Promise<PageResult> {
    const { actor } = await this.load(ctx, eventId, regId);
    try {
      await this.consent.resend(actor, regId);
    } catch (e) {
      if (e instanceof DomainError && e.code === 'conflict') {
        const current = typeof e.details?.status === 'string' ? e.details.status : '';
        const t = ctx.t.consoleRegistrations;
        const refusal = `${t.resendRefused} ${t.refusedState[current] ?? statusWords(ctx, current)}`;
        return new HtmlResponse(await this.page(ctx, eventId, regId, { refusal }), 409);
      }
      throw e;
    }
    return redirect(
      `${consoleEventPath(eventId, 'registrations')}/${regId}`,
      'consoleRegistrations.flash.resent',
    );
  }

  private async decide(
    ctx: WebContext,
    eventId: string,
    regId: string,
    action: RegistrationAction,
    body: Record<string, unknown>,
  ): Promise<PageResult> {
    const { actor } = await this.load(ctx, eventId, regId);
    const t = ctx.t.consoleRegistrations;
    let reason: string | undefined;
    if (action !== 'approve') {
      const values = { reason: body.reason };
      const parsed = await parseForm(ctx, RequiredReasonDto, values);
      if (!parsed.ok) {
        const html = await this.page(ctx, eventId, regId, { [action]: parsed.state });
        return new HtmlResponse(html, 400);
      }
      reason = parsed.value.reason;
    }
    let status: string;
    try {
      status = (await this.workflow[action](actor, regId, reason)).status;
    } catch (e) {
      if (e instanceof DomainError && e.code === 'conflict') {
        const current = typeof e.details?.status === 'string' ? e.details.status : '';
        const refusal = `${t.refusedAction[action]} ${t.refusedState[current] ?? statusWords(ctx, current)}`;
        return new HtmlResponse(await this.page(ctx, eventId, regId, { refusal }), 409);
      }
      throw e;
    }
    const flash =
      action === 'approve'
        ? status === 'waitlisted'
          ? 'approvedWaitlisted'
          : 'approved'
        : action === 'reject'
          ? 'rejected'
          : 'cancelled';
    return redirect(
      `${consoleEventPath(eventId, 'registrations')}/${regId}`,
      `consoleRegistrations.flash.${flash}`,
    );
  }
}
