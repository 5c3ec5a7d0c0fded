import { Get, Param, Post, Query } from '@nestjs/common';
import { type Actor, DomainError, type Locale, LOCALES } from '#core';
import type { EventView } from '#events';
import {
  type ListMessagesQueryDto,
  MESSAGE_STATUSES,
  type MessageStatus,
  MessagesService,
  type MessageView,
  TEMPLATE_NAMES,
  type TemplateName,
} from '#messaging';
import { ActionButton, emptyForm, Form, SelectField, TextField } from '../../components/form.js';
import { safeNext, type WebContext } from '../../http/web-context.js';
import { WebController } from '../../http/web-controller.decorator.js';
import { FormBody, Web } from '../../http/web-request.decorator.js';
import { type PageResult, redirect } from '../../http/web-results.js';
import { ConsoleAccess, consoleEventPath, renderConsolePage } from '../console/console-frame.js';
import { count, shortInstant } from './words.js';

const PAGE_SIZE = 50;

interface Filters {
  status?: MessageStatus;
  template?: TemplateName;
  q?: string;
  page: number;
}

/** Filters from the query string: anything unknown is simply not a filter (never a 500). */
function filtersOf(query: Record<string, unknown>): Filters {
  const one = (v: unknown) => (typeof v === 'string' ? v.trim() : undefined);
  const status = one(query.status);
  const template = one(query.template);
  const q = one(query.q)?.slice(0, 200);
  const page = Number.parseInt(one(query.page) ?? '1', 10);
  return {
    status: (MESSAGE_STATUSES as readonly string[]).includes(status ?? '')
      ? (status as MessageStatus)
      : undefined,
    template: (TEMPLATE_NAMES as readonly string[]).includes(template ?? '')
      ? (template as TemplateName)
      : undefined,
    q: q || undefined,
    page: Number.isFinite(page) && page >= 1 && page <= 100_000 ? page : 1,
  };
}

function queryString(f: Filters, page = f.page): string {
  const params = new URLSearchParams();
  if (f.status) params.set('status', f.status);
  if (f.template) params.set('template', f.template);
  if (f.q) params.set('q', f.q);
  if (page > 1) params.set('page', String(page));
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** The last send error in words an organiser understands; the raw text stays one click away. */
function problemKey(
  error: string,
): keyof WebContext['t']['consoleMessages']['messages']['problems'] {
  if (/\bEENVELOPE\b|\bEADDRESS\b|invalid (recipient|address)/i.test(error)) return 'badAddress';
  if (/\b5\d\d\b/.test(error)) return 'refused';
  if (/\b4\d\d\b/.test(error)) return 'later';
  if (/ECONN|ETIMEDOUT|ESOCKET|EDNS|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|EPIPE/.test(error))
    return 'unreachable';
  return 'other';
}

function statusBadge(status: string): string {
  return status === 'sent' ? 'badge ok' : status === 'failed' ? 'badge bad' : 'badge wait';
}

/** The failed emails of the event, counted for the "retry every failed email" button. */
async function failedCount(messages: MessagesService, actor: Actor, eventId: string) {
  const failed = await messages.list(actor, eventId, {
    status: 'failed',
    page: 1,
    pageSize: 1,
  } as ListMessagesQueryDto);
  return failed.total;
}

function MessageRow(props: { ctx: WebContext; event: EventView; m: MessageView; back: string }) {
  const { ctx, event, m } = props;
  const t = ctx.t.consoleMessages.messages;
  const language = (LOCALES as readonly string[]).includes(m.locale)
    ? ctx.t.consoleMessages.languages[m.locale as Locale]
    : m.locale;
  return (
    <tr>
      <td>
        {m.recipientName && (
          <>
            <span dir="auto">{m.recipientName}</span>
            <br />
          </>
        )}
        <span class="muted cm-email-address">{m.recipientEmail}</span>
      </td>
      <td>
        <span dir="auto">{m.subject ?? t.templates[m.template] ?? m.template}</span>
        {m.subject && (
          <>
            <br />
            <span class="muted">{t.templates[m.template] ?? m.template}</span>
          </>
        )}
      </td>
      <td>{language}</td>
      <td>
        <span class={statusBadge(m.status)}>{t.statuses[m.status] ?? m.status}</span>
        {m.sentAt && (
          <>
            <br />
            <span class="muted">
              {t.sentAt(shortInstant(m.sentAt, event.timezone, ctx.locale))}
            </span>
          </>
        )}
        {m.status === 'delayed' && m.nextAttemptAt && (
          <>
            <br />
            <span class="muted">
              {t.nextAttemptAt(shortInstant(m.nextAttemptAt, event.timezone, ctx.locale))}
            </span>
          </>
        )}
      </td>
      <td class="num">{count(m.attempts, ctx.locale)}</td>
      <td>
        {m.lastError && (
          <>
            {t.problems[problemKey(m.lastError)]}
            <details>
              <summary>{t.technical}</summary>
              <code class="cm-raw">{m.lastError}</code>
            </details>
          </>
        )}
      </td>
      <td>
        {m.status === 'failed' && (
          <ActionButton
            ctx={ctx}
            action={`${consoleEventPath(event.id, 'messages')}/${m.id}/retry`}
            label={t.retry}
            variant="small"
            hidden={{ back: props.back }}
          />
        )}
      </td>
    </tr>
  );
}

/** The message log of one event: every email, filtered and paged, and retry for failed ones. */
@WebController('console/events/:eventId/messages')
export class ConsoleMessagesController {
  constructor(
    private readonly access: ConsoleAccess,
    private readonly messages: MessagesService,
  ) {}

  @Get()
  async list(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @Query() query: Record<string, unknown>,
  ): Promise<string> {
    const { actor, event } = await this.access.event(ctx, eventId);
    const f = filtersOf(query);
    const page = await this.messages.list(actor, event.id, {
      status: f.status,
      template: f.template,
      q: f.q,
      page: f.page,
      pageSize: PAGE_SIZE,
    } as ListMessagesQueryDto);
    const t = ctx.t.consoleMessages.messages;
    const pages = Math.max(1, Math.ceil(page.total / PAGE_SIZE));
    const base = consoleEventPath(event.id, 'messages');
    const here = `${base}${queryString(f)}`;
    const filtered = Boolean(f.status || f.template || f.q);
    const failed = await failedCount(this.messages, actor, event.id);
    const delayedShown = page.items.some((m) => m.status === 'delayed');
    const form = emptyForm({ status: f.status ?? '', template: f.template ?? '', q: f.q ?? '' });
    return renderConsolePage(ctx, {
      event,
      section: 'messages',
      title: t.title,
      children: (
        <div class="cm-messages">
          <p class="lead">{t.lead}</p>
          <Form ctx={ctx} action={base} method="get" class="toolbar cm-filters">
            <SelectField
              form={form}
              name="status"
              label={t.status}
              placeholder={t.any}
              options={MESSAGE_STATUSES.map((s) => ({ value: s, label: t.statuses[s] ?? s }))}
            />
            <SelectField
              form={form}
              name="template"
              label={t.template}
              placeholder={t.any}
              options={TEMPLATE_NAMES.map((n) => ({ value: n, label: t.templates[n] ?? n }))}
            />
            <TextField form={form} name="q" label={t.search} maxLength={200} />
            <button type="submit" class="btn">
              {t.filter}
            </button>
            {filtered && <a href={base}>{t.clear}</a>}
          </Form>
          <p role="status">
            {page.total === 0 ? (filtered ? t.none : t.noneYet) : t.count(page.total)}
          </p>
          {failed > 0 && (
            <ActionButton
              ctx={ctx}
              action={`${base}/retry-failed`}
              label={`${t.retryAllFailed} (${count(failed, ctx.locale)})`}
              variant="secondary"
              hidden={{ back: here }}
            />
          )}
          {delayedShown && <p class="muted">{t.delayedNote}</p>}
          {page.items.length > 0 && (
            <div class="table-wrap">
              <table class="cm-table cm-log">
                <thead>
                  <tr>
                    <th scope="col">{t.columns.recipient}</th>
                    <th scope="col">{t.columns.subject}</th>
                    <th scope="col">{t.columns.language}</th>
                    <th scope="col">{t.columns.status}</th>
                    <th scope="col" class="num">
                      {t.columns.attempts}
                    </th>
                    <th scope="col">{t.columns.problem}</th>
                    <th scope="col">
                      <span class="visually-hidden">{t.columns.action}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((m) => (
                    <MessageRow ctx={ctx} event={event} m={m} back={here} />
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {pages > 1 && (
            <nav class="pager" aria-label={t.pagesNav}>
              {f.page > 1 && (
                <a href={`${base}${queryString(f, f.page - 1)}`} rel="prev">
                  {ctx.t.common.previous}
                </a>
              )}
              <span>{ctx.t.common.page(f.page, pages)}</span>
              {f.page < pages && (
                <a href={`${base}${queryString(f, f.page + 1)}`} rel="next">
                  {ctx.t.common.next}
                </a>
              )}
            </nav>
          )}
        </div>
      ),
    });
  }

  @Post('retry-failed')
  async retryFailed(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @FormBody() body: Record<string, unknown>,
  ): Promise<PageResult> {
    const { actor, event } = await this.access.event(ctx, eventId);
    const base = consoleEventPath(event.id, 'messages');
    const back = safeNext(body.back, base);
    await this.messages.retryFailed(actor, event.id);
    return redirect(
      back.startsWith(base) ? back : base,
      'consoleMessages.messages.retriedAllFlash',
    );
  }

  @Post(':messageId/retry')
  async retry(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @Param('messageId') messageId: string,
    @FormBody() body: Record<string, unknown>,
  ): Promise<PageResult> {
    const { actor, event } = await this.access.event(ctx, eventId);
    const base = consoleEventPath(event.id, 'messages');
    const back = safeNext(body.back, base);
    if (!/^[0-9a-f-]{36}$/i.test(messageId)) return redirect(back);
    const to = back.startsWith(base) ? back : base;
    try {
      await this.messages.retry(actor, messageId);
    } catch (e) {
      // Already queued again (a second click): nothing to do, the log shows where it is.
      if (e instanceof DomainError && e.code === 'conflict') return redirect(to);
      throw e;
    }
    return redirect(to, 'consoleMessages.messages.retriedFlash');
  }
}
