import { Get, Param, Post, Query } from '@nestjs/common';
import { type Actor, DomainError, isUuid, notFound } from '#core';
import type { EventView } from '#events';
import {
  type LetterBatchOutcome,
  ListVisasQueryDto,
  MoveVisaDto,
  PutVisaRulesDto,
  TravelPlans,
  VisaLetters,
  VisaReports,
  VisaRulesService,
  VisaStatuses,
  type VisaStatus,
} from '#travel';
import { emptyForm, type FormState } from '../../components/form.js';
import { checked, listOf, parseForm, textOf } from '../../http/forms.js';
import type { WebContext } from '../../http/web-context.js';
import { WebController } from '../../http/web-controller.decorator.js';
import { FormBody, Web } from '../../http/web-request.decorator.js';
import { Download, HtmlResponse, redirect, type PageResult } from '../../http/web-results.js';
import { ConsoleAccess, renderConsolePage } from '../console/console-frame.js';
import { type LetterOutcome, VisaBoardPage, visasPath } from './visa-board.page.js';
import { VisaPersonPage } from './visa-person.page.js';
import { VisaRulesPage } from './visa-rules.page.js';

/** More ticks than this in one submit are not a person's selection. */
const MAX_BULK = 200;

const FILTER_FIELDS = ['status', 'nationality', 'passportExpiring', 'q', 'page'] as const;

function uuidOr404(id: string): string {
  if (!isUuid(id)) throw notFound('Registration');
  return id;
}

/** Only the filter fields, each as one string (a field sent twice keeps its first value). */
function filterValues(raw: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of FILTER_FIELDS) {
    const value = textOf(raw, key);
    // A page number the database could not take (1e300) is no page of this board.
    if (key === 'page' && value !== undefined && !/^[1-9]\d{0,5}$/.test(value)) continue;
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/** What happened to one letter of a bulk submit, the service's refusals told apart by what their details name. */
function letterOutcome(o: LetterBatchOutcome): LetterOutcome {
  const outcome: LetterOutcome = { registrationId: o.id, name: o.name, result: 'refused' };
  if (!o.refusal) {
    outcome.result = o.issued ? 'issued' : 'already';
    return outcome;
  }
  const e = o.refusal;
  const details = (e.details ?? {}) as Record<string, unknown>;
  outcome.reason =
    e.code === 'not_found' || e.code === 'forbidden'
      ? 'not_found'
      : e.code !== 'conflict'
        ? 'other'
        : details.reason === 'letter_details_missing'
          ? 'details_missing'
          : 'fields' in details
            ? 'passport_missing'
            : 'status' in details
              ? 'not_confirmed'
              : 'visaStatus' in details
                ? 'not_requested'
                : 'other';
  return outcome;
}

/**
 * The visa board of an event (organisers only): counts, filters, statuses with notes,
 * invitation letters one by one or in bulk, and the visa rules. Every rule and check is
 * in the travel services; this turns forms into their calls and their answers into pages.
 */
@WebController('console/events/:eventId/visas')
export class ConsoleVisasController {
  constructor(
    private readonly access: ConsoleAccess,
    private readonly reports: VisaReports,
    private readonly statuses: VisaStatuses,
    private readonly letters: VisaLetters,
    private readonly rules: VisaRulesService,
    private readonly plans: TravelPlans,
  ) {}

  /** The filters as the service's query: fields in error are dropped and shown as errors. */
  private async filters(ctx: WebContext, raw: Record<string, unknown>) {
    const values = filterValues(raw);
    const parsed = await parseForm(ctx, ListVisasQueryDto, values, { ...values });
    if (parsed.ok) return { query: parsed.value, form: emptyForm(values) };
    const clean = { ...values };
    for (const field of Object.keys(parsed.state.errors)) delete clean[field];
    const again = await parseForm(ctx, ListVisasQueryDto, clean, { ...clean });
    return { query: again.ok ? again.value : new ListVisasQueryDto(), form: parsed.state };
  }

  private async board(
    ctx: WebContext,
    actor: Actor,
    event: EventView,
    raw: Record<string, unknown>,
    extra: { outcomes?: LetterOutcome[]; bulkError?: string } = {},
  ): Promise<string> {
    const { query, form } = await this.filters(ctx, raw);
    const board = await this.reports.list(actor, event.id, query);
    return renderConsolePage(ctx, {
      event,
      section: 'visas',
      title: ctx.t.consoleVisas.boardTitle,
      children: <VisaBoardPage ctx={ctx} event={event} board={board} filters={form} {...extra} />,
    });
  }

  @Get()
  async list(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @Query() raw: Record<string, unknown>,
  ): Promise<PageResult> {
    const { actor, event } = await this.access.event(ctx, eventId);
    return this.board(ctx, actor, event, raw);
  }

  /**
   * Issues the letters ticked (or the one whose row button was pressed) and shows the
   * board again with what happened to each. Issuing twice changes nothing, so a second
   * submit of the same form is harmless.
   */
  @Post('letters')
  async issueLetters(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @FormBody() body: Record<string, unknown>,
  ): Promise<PageResult> {
    const { actor, event } = await this.access.event(ctx, eventId);
    const only = textOf(body, 'only');
    const ids = [...new Set(only ? [only] : listOf(body, 'registrationId'))].slice(0, MAX_BULK);
    const back = Object.fromEntries(new URLSearchParams(textOf(body, 'back') ?? ''));
    if (ids.length === 0) {
      const html = await this.board(ctx, actor, event, back, {
        bulkError: ctx.t.consoleVisas.bulk.noneSelected,
      });
      return new HtmlResponse(html, 400);
    }
    const batch = await this.letters.issueBatch(actor, event.id, ids, {
      withoutDetails: checked(body, 'withoutDetails'),
    });
    const outcomes = batch.map(letterOutcome);
    // Shown straight away (what happened is this answer), as a 200 even though it is a POST.
    return new HtmlResponse(await this.board(ctx, actor, event, back, { outcomes }), 200);
  }

  @Get('rules')
  async rulesPage(@Web() ctx: WebContext, @Param('eventId') eventId: string) {
    const { actor, event } = await this.access.event(ctx, eventId);
    const rules = await this.rules.get(actor, eventId);
    return this.renderRules(
      ctx,
      event,
      rules,
      emptyForm({ visaRequiredFor: rules.visaRequiredFor }),
    );
  }

  @Post('rules')
  async saveRules(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @FormBody() body: Record<string, unknown>,
  ): Promise<PageResult> {
    const { actor, event } = await this.access.event(ctx, eventId);
    const values = { visaRequiredFor: listOf(body, 'visaRequiredFor') };
    const parsed = await parseForm(ctx, PutVisaRulesDto, values, { ...values });
    if (!parsed.ok) {
      const rules = await this.rules.get(actor, eventId);
      return new HtmlResponse(this.renderRules(ctx, event, rules, parsed.state), 400);
    }
    await this.rules.put(actor, eventId, parsed.value);
    return redirect(`${visasPath(eventId)}/rules`, 'consoleVisas.flash.rulesSaved');
  }

  private renderRules(
    ctx: WebContext,
    event: EventView,
    rules: Awaited<ReturnType<VisaRulesService['get']>>,
    form: FormState,
  ): string {
    return renderConsolePage(ctx, {
      event,
      section: 'visas',
      title: ctx.t.consoleVisas.rules.title,
      children: <VisaRulesPage ctx={ctx} event={event} rules={rules} form={form} />,
    });
  }

  @Get(':registrationId')
  async person(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @Param('registrationId') registrationId: string,
  ): Promise<PageResult> {
    const { actor, event } = await this.access.event(ctx, eventId);
    return this.renderPerson(ctx, actor, event, uuidOr404(registrationId), emptyForm());
  }

  private async renderPerson(
    ctx: WebContext,
    actor: Actor,
    event: EventView,
    registrationId: string,
    change: FormState,
  ): Promise<string> {
    const item = await this.reports.one(actor, event.id, registrationId);
    const plan = await this.plans.get(actor, registrationId);
    return renderConsolePage(ctx, {
      event,
      section: 'visas',
      title: item.account.name,
      children: (
        <VisaPersonPage
          ctx={ctx}
          event={event}
          item={item}
          history={plan.visa.history}
          change={{ ...change, idPrefix: '' }}
        />
      ),
    });
  }

  /** A status change with its note; the service says which moves are allowed. */
  @Post(':registrationId/status')
  async changeStatus(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @Param('registrationId') registrationId: string,
    @FormBody() body: Record<string, unknown>,
  ): Promise<PageResult> {
    const { actor, event } = await this.access.event(ctx, eventId);
    const id = uuidOr404(registrationId);
    const item = await this.reports.one(actor, eventId, id);
    const withoutLetterDetails = checked(body, 'withoutLetterDetails');
    const values = {
      status: textOf(body, 'status'),
      note: textOf(body, 'note'),
      withoutLetterDetails: withoutLetterDetails ? 'on' : '',
    };
    const parsed = await parseForm(ctx, MoveVisaDto, values, {
      status: values.status,
      note: values.note,
      withoutLetterDetails,
    });
    if (!parsed.ok) {
      return new HtmlResponse(await this.renderPerson(ctx, actor, event, id, parsed.state), 400);
    }
    try {
      await this.statuses.move(actor, id, parsed.value);
    } catch (e) {
      if (!(e instanceof DomainError) || e.code !== 'conflict') throw e;
      const t = ctx.t.consoleVisas;
      if (e.details?.reason === 'letter_details_missing') {
        const state = { values, errors: { status: t.reasons.details_missing } };
        return new HtmlResponse(await this.renderPerson(ctx, actor, event, id, state), 409);
      }
      const details = (e.details ?? {}) as { from?: VisaStatus | null; allowed?: VisaStatus[] };
      const from = t.statuses[details.from ?? item.visaStatus ?? 'unknown'];
      const allowed = (details.allowed ?? []).map((s) => t.statuses[s]);
      const message = `${t.change.refused(from, t.statuses[parsed.value.status])} ${
        allowed.length > 0 ? t.change.allowed(allowed.join(', ')) : t.change.nothingAllowed
      }`;
      const state = { values, errors: { status: message } };
      return new HtmlResponse(await this.renderPerson(ctx, actor, event, id, state), 409);
    }
    return redirect(`${visasPath(eventId)}/${id}`, 'consoleVisas.flash.statusChanged');
  }

  /** The letter as a PDF, once issued (downloading never issues it: that is a POST). */
  @Get(':registrationId/letter.pdf')
  async letter(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @Param('registrationId') registrationId: string,
  ): Promise<PageResult> {
    const { actor } = await this.access.event(ctx, eventId);
    const id = uuidOr404(registrationId);
    await this.reports.one(actor, eventId, id);
    const { filename, pdf } = await this.letters.download(actor, id);
    return new Download(pdf, 'application/pdf', filename, 'attachment');
  }
}
