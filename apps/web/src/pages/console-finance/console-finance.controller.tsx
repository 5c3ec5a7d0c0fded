import { Get, Param, Post, Query, Req } from '@nestjs/common';
import { type Actor, csvSeparatorFor, DomainError, isUuid, notFound } from '#core';
import type { EventView } from '#events';
import {
  CostCoverageService,
  Costs,
  CurrencyRates,
  FinanceReports,
  Receipts,
  type RegistrationCostsView,
  COST_STATUSES,
  type CostStatus,
} from '#finance';
import { emptyForm, type FormState } from '../../components/form.js';
import { textOf } from '../../http/forms.js';
import type { WebContext } from '../../http/web-context.js';
import { WebController } from '../../http/web-controller.decorator.js';
import { FormBody, Web } from '../../http/web-request.decorator.js';
import { Download, HtmlResponse, redirect, type PageResult } from '../../http/web-results.js';
import { ConsoleAccess, renderConsolePage } from '../console/console-frame.js';
import { FinanceCoveragePage } from './finance-coverage.page.js';
import { costForm, coverageForm, overrideForm, rateForm } from './finance-forms.js';
import { FinancePersonPage, overrideValues } from './finance-person.page.js';
import { FinanceSummaryPage } from './finance-summary.page.js';
import { type MultipartRequest } from '../../http/multipart-form.js';
import { amountField, financePath } from './money-format.js';

const idOr404 = (id: string, what: string) => {
  if (!isUuid(id)) throw notFound(what);
  return id;
};

/**
 * The finance pages of an event (organisers only): totals, who pays what, exchange rates,
 * and each participant's costs with receipts. Rules and checks live in #finance.
 */
@WebController('console/events/:eventId/finance')
export class ConsoleFinanceController {
  constructor(
    private readonly access: ConsoleAccess,
    private readonly reports: FinanceReports,
    private readonly coverage: CostCoverageService,
    private readonly rates: CurrencyRates,
    private readonly costs: Costs,
    private readonly receipts: Receipts,
  ) {}

  @Get()
  async summary(@Web() ctx: WebContext, @Param('eventId') eventId: string) {
    const { actor, event } = await this.access.event(ctx, eventId);
    const summary = await this.reports.summary(actor, event.id, { items: false });
    return renderConsolePage(ctx, {
      event,
      section: 'finance',
      title: ctx.t.finance.title,
      children: <FinanceSummaryPage ctx={ctx} event={event} summary={summary} />,
    });
  }

  @Get('export.csv')
  async csv(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @Query('separator') separator?: string,
  ): Promise<PageResult> {
    const { actor, event } = await this.access.event(ctx, eventId);
    const body = await this.reports.csv(actor, event.id, csvSeparatorFor(ctx.locale, separator));
    return new Download(body, 'text/csv; charset=utf-8', `finance-${event.slug}.csv`);
  }

  // ---- who pays what, and rates ----

  @Get('coverage')
  async coveragePage(@Web() ctx: WebContext, @Param('eventId') eventId: string) {
    const { actor, event } = await this.access.event(ctx, eventId);
    return this.renderCoverage(ctx, actor, event);
  }

  private async renderCoverage(
    ctx: WebContext,
    actor: Actor,
    event: EventView,
    form?: FormState,
    rateState?: FormState,
  ): Promise<string> {
    const coverage = await this.coverage.getForEvent(actor, event.id);
    const rates = await this.rates.list(actor, event.id);
    const values = coverage.configured
      ? {
          currency: coverage.currency,
          travel: coverage.travel.payer,
          visaFees: coverage.visaFees.payer,
          accommodation: coverage.accommodation.payer,
          meals: coverage.meals.payer,
          perDiem: coverage.perDiem.payer,
          perDiemDaily: amountField(
            coverage.perDiem.dailyMinor,
            coverage.perDiem.currency ?? 'EUR',
            ctx.locale,
          ),
          perDiemCurrency: coverage.perDiem.currency,
        }
      : { currency: 'EUR', perDiemCurrency: 'EUR', perDiemDaily: '0' };
    return renderConsolePage(ctx, {
      event,
      section: 'finance',
      title: ctx.t.finance.coverage.title,
      children: (
        <FinanceCoveragePage
          ctx={ctx}
          event={event}
          coverage={coverage}
          rates={rates}
          form={form ?? emptyForm(values)}
          rateForm={rateState ?? emptyForm()}
        />
      ),
    });
  }

  @Post('coverage')
  async saveCoverage(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @FormBody() body: Record<string, unknown>,
  ): Promise<PageResult> {
    const { actor, event } = await this.access.event(ctx, eventId);
    const parsed = coverageForm(ctx, body);
    if (!parsed.ok) {
      return new HtmlResponse(await this.renderCoverage(ctx, actor, event, parsed.state), 400);
    }
    await this.coverage.putForEvent(actor, event.id, parsed.value);
    return redirect(financePath(event.id), 'finance.flash.coverageSaved');
  }

  @Post('rates')
  async saveRate(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @FormBody() body: Record<string, unknown>,
  ): Promise<PageResult> {
    const { actor, event } = await this.access.event(ctx, eventId);
    const parsed = rateForm(ctx, body);
    if (!parsed.ok) {
      const html = await this.renderCoverage(ctx, actor, event, undefined, parsed.state);
      return new HtmlResponse(html, 400);
    }
    await this.rates.put(actor, event.id, parsed.value.currency, parsed.value.rate);
    return redirect(`${financePath(event.id)}/coverage#fin-rates`, 'finance.flash.rateSaved');
  }

  @Post('rates/:currency/delete')
  async deleteRate(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @Param('currency') currency: string,
  ): Promise<PageResult> {
    const { actor, event } = await this.access.event(ctx, eventId);
    await this.rates.remove(actor, event.id, currency.toUpperCase());
    return redirect(`${financePath(event.id)}/coverage#fin-rates`, 'finance.flash.rateRemoved');
  }

  // ---- receipts ----

  @Get('receipts/:receiptId')
  async receipt(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @Param('receiptId') receiptId: string,
  ): Promise<PageResult> {
    const { actor, event } = await this.access.event(ctx, eventId);
    const file = await this.receipts.read(actor, idOr404(receiptId, 'Receipt'));
    if (file.eventId !== event.id) throw notFound('Receipt');
    return new Download(file.bytes, file.contentType, file.fileName, 'attachment');
  }

  // ---- one participant ----

  @Get(':registrationId')
  async person(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @Param('registrationId') registrationId: string,
  ): Promise<PageResult> {
    const { actor, event } = await this.access.event(ctx, eventId);
    return this.renderPerson(ctx, actor, event, idOr404(registrationId, 'Registration'), {});
  }

  private async load(actor: Actor, event: EventView, registrationId: string) {
    const costs = await this.costs.get(actor, registrationId);
    if (costs.eventId !== event.id) throw notFound('Registration');
    return costs;
  }

  private async renderPerson(
    ctx: WebContext,
    actor: Actor,
    event: EventView,
    registrationId: string,
    state: {
      coverage?: FormState;
      cost?: FormState;
      upload?: { itemId: string; error: string };
      notice?: string;
      costs?: RegistrationCostsView;
    },
  ): Promise<string> {
    const costs = state.costs ?? (await this.load(actor, event, registrationId));
    const eventCoverage = await this.coverage.getForEvent(actor, event.id);
    return renderConsolePage(ctx, {
      event,
      section: 'finance',
      title: costs.participant.name,
      children: (
        <FinancePersonPage
          ctx={ctx}
          event={event}
          eventCoverage={eventCoverage}
          costs={costs}
          coverageForm={
            state.coverage ?? emptyForm(overrideValues(costs, eventCoverage, ctx.locale))
          }
          costForm={
            state.cost ?? emptyForm({ kind: 'flight', currency: costs.coverage.currency ?? 'EUR' })
          }
          upload={state.upload}
          notice={state.notice}
        />
      ),
    });
  }

  private personPath(eventId: string, registrationId: string, anchor = '') {
    return `${financePath(eventId)}/${registrationId}${anchor}`;
  }

  /** A refusal the page can explain (409s of the services), else thrown again. */
  private notice(ctx: WebContext, e: unknown): string {
    if (!(e instanceof DomainError) || e.code !== 'conflict') throw e;
    const t = ctx.t.finance.errors;
    const reason = (e.details as { reason?: string } | undefined)?.reason;
    switch (reason) {
      case 'coverage_not_set':
        return t.coverageFirst;
      case 'not_borne_by_network':
        return t.notBorne;
      case 'cost_settled':
        return t.settled;
      case 'no_per_diem':
        return t.noPerDiem;
      case 'too_many_receipts':
        return t.tooManyReceipts;
      default:
        return t.wrongMove;
    }
  }

  @Post(':registrationId/coverage')
  async saveOverride(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @Param('registrationId') registrationId: string,
    @FormBody() body: Record<string, unknown>,
  ): Promise<PageResult> {
    const { actor, event } = await this.access.event(ctx, eventId);
    const id = idOr404(registrationId, 'Registration');
    const costs = await this.load(actor, event, id);
    const parsed = overrideForm(ctx, body, costs.coverage.perDiem.currency);
    if (!parsed.ok) {
      const html = await this.renderPerson(ctx, actor, event, id, {
        costs,
        coverage: parsed.state,
      });
      return new HtmlResponse(html, 400);
    }
    try {
      await this.coverage.putForRegistration(actor, id, parsed.value);
    } catch (e) {
      const notice = this.notice(ctx, e);
      return new HtmlResponse(await this.renderPerson(ctx, actor, event, id, { notice }), 409);
    }
    return redirect(this.personPath(event.id, id, '#fin-cov'), 'finance.flash.exceptionsSaved');
  }

  @Post(':registrationId/items')
  async addCost(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @Param('registrationId') registrationId: string,
    @FormBody() body: Record<string, unknown>,
  ): Promise<PageResult> {
    const { actor, event } = await this.access.event(ctx, eventId);
    const id = idOr404(registrationId, 'Registration');
    await this.load(actor, event, id);
    const parsed = costForm(ctx, body);
    if (!parsed.ok) {
      const html = await this.renderPerson(ctx, actor, event, id, { cost: parsed.state });
      return new HtmlResponse(html, 400);
    }
    const item = await this.costs.add(actor, id, parsed.value);
    return redirect(this.personPath(event.id, id, `#cost-${item.id}`), 'finance.flash.costAdded');
  }

  @Post(':registrationId/per-diem')
  async perDiem(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @Param('registrationId') registrationId: string,
  ): Promise<PageResult> {
    const { actor, event } = await this.access.event(ctx, eventId);
    const id = idOr404(registrationId, 'Registration');
    await this.load(actor, event, id);
    try {
      const item = await this.costs.recordPerDiem(actor, id);
      return redirect(
        this.personPath(event.id, id, `#cost-${item.id}`),
        'finance.flash.perDiemRecorded',
      );
    } catch (e) {
      const notice = this.notice(ctx, e);
      return new HtmlResponse(await this.renderPerson(ctx, actor, event, id, { notice }), 409);
    }
  }

  /** The item of this participant of this event, else 404 (ids from another page are refused). */
  private async item(actor: Actor, event: EventView, registrationId: string, itemId: string) {
    const id = idOr404(registrationId, 'Registration');
    const { item } = await this.costs.loadItemForOrganiser(actor, idOr404(itemId, 'Cost'));
    if (item.registrationId !== id || item.eventId !== event.id) throw notFound('Cost');
    return { id, item };
  }

  @Post(':registrationId/items/:itemId/status')
  async move(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @Param('registrationId') registrationId: string,
    @Param('itemId') itemId: string,
    @FormBody() body: Record<string, unknown>,
  ): Promise<PageResult> {
    const { actor, event } = await this.access.event(ctx, eventId);
    const { id, item } = await this.item(actor, event, registrationId, itemId);
    const status = textOf(body, 'status');
    if (!status || !(COST_STATUSES as readonly string[]).includes(status)) {
      const notice = ctx.t.finance.errors.wrongMove;
      return new HtmlResponse(await this.renderPerson(ctx, actor, event, id, { notice }), 400);
    }
    try {
      await this.costs.move(actor, item.id, { status: status as CostStatus });
    } catch (e) {
      const notice = this.notice(ctx, e);
      return new HtmlResponse(await this.renderPerson(ctx, actor, event, id, { notice }), 409);
    }
    return redirect(
      this.personPath(event.id, id, `#cost-${item.id}`),
      'finance.flash.statusChanged',
    );
  }

  @Post(':registrationId/items/:itemId/delete')
  async remove(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @Param('registrationId') registrationId: string,
    @Param('itemId') itemId: string,
  ): Promise<PageResult> {
    const { actor, event } = await this.access.event(ctx, eventId);
    const { id, item } = await this.item(actor, event, registrationId, itemId);
    try {
      const { storageKeys } = await this.costs.remove(actor, item.id);
      await this.receipts.forget(storageKeys);
    } catch (e) {
      const notice = this.notice(ctx, e);
      return new HtmlResponse(await this.renderPerson(ctx, actor, event, id, { notice }), 409);
    }
    return redirect(this.personPath(event.id, id, '#fin-lines'), 'finance.flash.costRemoved');
  }

  /** Multipart (see FinancePagesModule's middleware): the file is checked by its bytes. */
  @Post(':registrationId/items/:itemId/receipts')
  async attach(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @Param('registrationId') registrationId: string,
    @Param('itemId') itemId: string,
    @Req() req: MultipartRequest,
  ): Promise<PageResult> {
    const { actor, event } = await this.access.event(ctx, eventId);
    const { id, item } = await this.item(actor, event, registrationId, itemId);
    const e = ctx.t.finance.errors;
    const fail = async (error: string, status: number) =>
      new HtmlResponse(
        await this.renderPerson(ctx, actor, event, id, { upload: { itemId: item.id, error } }),
        status,
      );
    if (req.uploadError === 'too_large') return fail(e.fileTooLarge, 400);
    try {
      await this.receipts.attach(actor, item.id, req.files?.file);
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      const code = (err.details as { code?: string } | undefined)?.code;
      if (err.code === 'bad_request') {
        return fail(
          code === 'file_too_large'
            ? e.fileTooLarge
            : code === 'file_type'
              ? e.fileType
              : e.fileRequired,
          400,
        );
      }
      return fail(this.notice(ctx, err), 409);
    }
    return redirect(
      this.personPath(event.id, id, `#cost-${item.id}`),
      'finance.flash.receiptAttached',
    );
  }
}
