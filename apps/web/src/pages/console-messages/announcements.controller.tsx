import { Get, Param, Post } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { DomainError, isUuid, type Locale, LOCALES } from '#core';
import type { EventView } from '#events';
import { messages } from '#i18n';
import {
  type AnnouncementProgress,
  AnnouncementsService,
  type AnnouncementTarget,
  type AudienceChoices,
  type AudienceSummary,
  CreateAnnouncementDto,
} from '#messaging';
import {
  ActionButton,
  CheckboxField,
  emptyForm,
  ErrorSummary,
  Form,
  type FormState,
  SelectField,
  TextArea,
  TextField,
} from '../../components/form.js';
import { instantIn } from '../../format/dates.js';
import { parseForm, textOf } from '../../http/forms.js';
import type { WebContext } from '../../http/web-context.js';
import { WebController } from '../../http/web-controller.decorator.js';
import { FormBody, Web } from '../../http/web-request.decorator.js';
import { HtmlResponse, type PageResult, redirect } from '../../http/web-results.js';
import { ConsoleAccess, consoleEventPath, renderConsolePage } from '../console/console-frame.js';
import { countryName } from '../../format/countries.js';
import { count } from './words.js';
import { formatCount } from '#i18n';

const AUDIENCES = ['confirmed', 'waitlisted', 'all', 'organisation', 'country'] as const;
/** Seconds between reloads of the progress page while emails are waiting. */
const REFRESH_SECONDS = 3;

/** The languages the event writes in, as form field pairs (the app's three at most). */
function eventLocales(event: EventView): Locale[] {
  const own = LOCALES.filter((l) => event.languages.includes(l));
  return own.length > 0 ? own : [...LOCALES];
}

/** "2 in French, 3 in English" for a count per language. */
function readerParts(ctx: WebContext, byLocale: Partial<Record<Locale, number>>): string[] {
  const t = ctx.t.consoleMessages;
  return LOCALES.filter((l) => (byLocale[l] ?? 0) > 0).map((l) =>
    t.announcements.readerPart(byLocale[l] ?? 0, t.languages[l]),
  );
}

/** What a preview checked: sending needs the same audience and written languages. */
function signatureOf(target: AnnouncementTarget, written: Locale[], recipients: number): string {
  return createHash('sha256')
    .update(
      JSON.stringify([target.audience, target.organisationId, target.country, written, recipients]),
    )
    .digest('hex')
    .slice(0, 24);
}

interface Preview {
  emails: Array<{ locale: Locale; subject: string; text: string }>;
  summary: AudienceSummary;
  signature: string;
  changed?: boolean;
  /** The form had been sent already with other words: this would be a new announcement. */
  alreadySent?: boolean;
}

function AudienceTable(props: { ctx: WebContext; choices: AudienceChoices }) {
  const t = props.ctx.t.consoleMessages.announcements;
  return (
    <div class="table-wrap">
      <table class="cm-table">
        <caption>{t.whoTitle}</caption>
        <thead>
          <tr>
            <th scope="col">{t.whoColumns.audience}</th>
            <th scope="col" class="num">
              {t.whoColumns.recipients}
            </th>
            <th scope="col">{t.whoColumns.reads}</th>
          </tr>
        </thead>
        <tbody>
          {props.choices.audiences.map((a) => (
            <tr>
              <th scope="row">{t.audiences[a.audience]}</th>
              <td class="num">{count(a.recipients, props.ctx.locale)}</td>
              <td>{t.readers(readerParts(props.ctx, a.byReaderLocale))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function PreviewBlock(props: { ctx: WebContext; preview: Preview; form: FormState }) {
  const { ctx, preview } = props;
  const t = ctx.t.consoleMessages;
  const a = t.announcements;
  const s = preview.summary;
  return (
    <section class="cm-preview" aria-labelledby="preview-h">
      <h2 id="preview-h">{a.previewTitle}</h2>
      {preview.changed && (
        <p class="warning" role="alert">
          {a.checkAgain}
        </p>
      )}
      {preview.alreadySent && (
        <p class="warning" role="alert">
          {a.alreadySent}
        </p>
      )}
      {s.recipients === 0 ? (
        <p class="warning" role="status">
          {a.noRecipients}
        </p>
      ) : (
        <p class="notice cm-count" role="status">
          {a.willGoTo(s.recipients, readerParts(ctx, s.byLocale))}
        </p>
      )}
      {s.fallbacks.length > 0 && (
        <div class="warning cm-fallback" role="alert">
          <h3>{a.fallbackTitle}</h3>
          <ul>
            {s.fallbacks.map((f) => (
              <li>{a.fallback(f.recipients, t.languages[f.from], t.languages[f.to])}</li>
            ))}
          </ul>
          <p>{a.fallbackHint}</p>
          {/* Sending to people in another language than theirs is a deliberate act. */}
          <CheckboxField form={props.form} name="allowFallback" label={a.fallbackConfirm} />
        </div>
      )}
      <p class="muted">{a.previewLead}</p>
      <div class="cm-emails">
        {preview.emails.map((e) => (
          <article class="cm-email card" lang={e.locale} aria-labelledby={`email-${e.locale}`}>
            <h3 id={`email-${e.locale}`}>{a.previewIn(t.languages[e.locale])}</h3>
            <p>
              <strong>{a.emailSubject}</strong> <span dir="auto">{e.subject}</span>
            </p>
            <div class="cm-email-text" dir="auto">
              {e.text}
            </div>
          </article>
        ))}
      </div>
    </section>
  );
}

function ComposeForm(props: {
  ctx: WebContext;
  event: EventView;
  form: FormState;
  choices: AudienceChoices;
  announcementId: string;
  preview?: Preview;
}) {
  const { ctx, event, form, choices } = props;
  const t = ctx.t.consoleMessages;
  const a = t.announcements;
  const locales = eventLocales(event);
  const labels: Record<string, string> = {
    audience: a.audience,
    organisationId: a.organisation,
    country: a.country,
    announcementId: a.newTitle,
    allowFallback: a.fallbackTitle,
  };
  for (const l of locales) {
    labels[`subject.${l}`] = `${a.subject} (${t.languages[l]})`;
    labels[`body.${l}`] = `${a.body} (${t.languages[l]})`;
  }
  const canSend = props.preview && props.preview.summary.recipients > 0;
  return (
    <section aria-labelledby="compose-h">
      <h2 id="compose-h">{a.newTitle}</h2>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <Form ctx={ctx} action={consoleEventPath(event.id, 'announcements')} class="cm-compose">
        <input type="hidden" name="announcementId" value={props.announcementId} />
        {props.preview && <input type="hidden" name="checked" value={props.preview.signature} />}
        <div class="cm-languages">
          {locales.map((l) => (
            <fieldset class="cm-language" lang={l}>
              <legend>{a.languageLegend(t.languages[l])}</legend>
              <TextField form={form} name={`subject.${l}`} label={a.subject} maxLength={200} />
              <TextArea
                form={form}
                name={`body.${l}`}
                label={a.body}
                hint={a.bodyHint}
                rows={8}
                maxLength={20000}
              />
            </fieldset>
          ))}
        </div>
        <SelectField
          form={form}
          name="audience"
          label={a.audience}
          options={AUDIENCES.map((value) => ({ value, label: a.audiences[value] }))}
        />
        <div class="row">
          <SelectField
            form={form}
            name="organisationId"
            label={a.organisation}
            hint={a.chooseOrganisation}
            placeholder={a.choose}
            options={choices.organisations.map((o) => ({
              value: o.id,
              label: `${o.name} (${countryName(o.country, ctx.locale)}) · ${a.people(o.recipients)}`,
            }))}
          />
          <SelectField
            form={form}
            name="country"
            label={a.country}
            hint={a.chooseCountry}
            placeholder={a.choose}
            options={choices.countries
              .map((c) => ({
                code: c.country,
                name: countryName(c.country, ctx.locale),
                n: c.recipients,
              }))
              .sort((x, y) => x.name.localeCompare(y.name, ctx.locale))
              .map((c) => ({ value: c.code, label: `${c.name} · ${a.people(c.n)}` }))}
          />
        </div>
        {props.preview && <PreviewBlock ctx={ctx} preview={props.preview} form={form} />}
        <div class="cm-buttons">
          <button
            type="submit"
            name="action"
            value="preview"
            class={canSend ? 'btn secondary' : 'btn'}
          >
            {a.previewButton}
          </button>
          {canSend && (
            <button type="submit" name="action" value="send" class="btn">
              {a.sendButton(props.preview!.summary.recipients)}
            </button>
          )}
        </div>
      </Form>
    </section>
  );
}

function PastAnnouncements(props: {
  ctx: WebContext;
  event: EventView;
  list: AnnouncementProgress[];
}) {
  const { ctx, event } = props;
  const a = ctx.t.consoleMessages.announcements;
  return (
    <section aria-labelledby="past-h">
      <h2 id="past-h">{a.pastTitle}</h2>
      {props.list.length === 0 ? (
        <p class="muted">{a.noneYet}</p>
      ) : (
        <div class="table-wrap">
          <table class="cm-table">
            <thead>
              <tr>
                <th scope="col">{a.pastColumns.sentOn}</th>
                <th scope="col">{a.pastColumns.subject}</th>
                <th scope="col">{a.pastColumns.audience}</th>
                <th scope="col" class="num">
                  {a.pastColumns.recipients}
                </th>
                <th scope="col">{a.pastColumns.delivery}</th>
              </tr>
            </thead>
            <tbody>
              {props.list.map((p) => (
                <tr>
                  <td>{instantIn(p.createdAt, event.timezone, ctx.locale, event.venue.city)}</td>
                  <td dir="auto">
                    <a href={`${consoleEventPath(event.id, 'announcements')}/${p.announcementId}`}>
                      {subjectFor(p, ctx.locale)}
                    </a>
                  </td>
                  <td>{p.audience ? (a.audiences[p.audience] ?? p.audience) : ''}</td>
                  <td class="num">{count(p.total, ctx.locale)}</td>
                  <td>
                    {a.deliveredOf(p.sent, p.total)}
                    {p.failed > 0 && (
                      <>
                        {' '}
                        <span class="badge bad">{a.failedCount(p.failed)}</span>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** The subject in the reader's language when it went out in it, else the first one. */
function subjectFor(p: AnnouncementProgress, locale: Locale): string {
  return p.subjects[locale] ?? LOCALES.map((l) => p.subjects[l]).find(Boolean) ?? '';
}

/** The ProgressCounts of one announcement, as a definition list and a bar. */
function ProgressCounts(props: { ctx: WebContext; p: AnnouncementProgress }) {
  const { ctx, p } = props;
  const t = ctx.t.consoleMessages.progress;
  const rows: Array<[keyof typeof t.statuses, number]> = [
    ['queued', p.queued - p.delayed],
    ['delayed', p.delayed],
    ['sending', p.sending],
    ['sent', p.sent],
    ['failed', p.failed],
  ];
  return (
    <table class="cm-table cm-progress-table" id="delivery-counts">
      <caption class="visually-hidden">{t.countsCaption}</caption>
      <thead>
        <tr>
          <th scope="col">{t.status}</th>
          <th scope="col" class="num">
            {t.emails}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([key, n]) => (
          <tr class={`cm-status-${key}`} data-status={key}>
            <th scope="row">{t.statuses[key]}</th>
            <td class="num">{count(n, ctx.locale)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * Announcements: write one per language with a preview of each, see who receives it and
 * in which language before sending, then follow its delivery and retry what failed.
 */
@WebController('console/events/:eventId/announcements')
export class ConsoleAnnouncementsController {
  constructor(
    private readonly access: ConsoleAccess,
    private readonly announcements: AnnouncementsService,
  ) {}

  private async page(
    ctx: WebContext,
    event: EventView,
    options: { form?: FormState; announcementId?: string; preview?: Preview } = {},
  ): Promise<string> {
    const actor = ctx.actor!;
    const [choices, list] = await Promise.all([
      this.announcements.audienceChoices(actor, event.id),
      this.announcements.list(actor, event.id),
    ]);
    const a = ctx.t.consoleMessages.announcements;
    return renderConsolePage(ctx, {
      event,
      section: 'announcements',
      title: a.title,
      children: (
        <div class="cm-announcements">
          <p class="lead">{a.lead}</p>
          <AudienceTable ctx={ctx} choices={choices} />
          <ComposeForm
            ctx={ctx}
            event={event}
            form={options.form ?? emptyForm({ audience: 'confirmed' })}
            choices={choices}
            announcementId={options.announcementId ?? randomUUID()}
            preview={options.preview}
          />
          <PastAnnouncements ctx={ctx} event={event} list={list} />
        </div>
      ),
    });
  }

  @Get()
  async compose(@Web() ctx: WebContext, @Param('eventId') eventId: string): Promise<string> {
    const { event } = await this.access.event(ctx, eventId);
    return this.page(ctx, event);
  }

  @Post()
  async submit(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @FormBody() body: Record<string, unknown>,
  ): Promise<PageResult> {
    const { actor, event } = await this.access.event(ctx, eventId);
    const posted = textOf(body, 'announcementId');
    const announcementId = posted && isUuid(posted) ? posted.toLowerCase() : randomUUID();
    const values: Record<string, unknown> = {};
    const subject: Record<string, string> = {};
    const text: Record<string, string> = {};
    for (const l of LOCALES) {
      const s = textOf(body, `subject.${l}`);
      const b = textOf(body, `body.${l}`);
      values[`subject.${l}`] = s ?? '';
      values[`body.${l}`] = b ?? '';
      if (s) subject[l] = s;
      if (b) text[l] = b;
    }
    for (const name of ['audience', 'organisationId', 'country'])
      values[name] = textOf(body, name) ?? '';
    values.allowFallback = textOf(body, 'allowFallback') === 'on';
    const audience = String(values.audience);
    const input = {
      subject,
      body: text,
      audience,
      organisationId: audience === 'organisation' ? values.organisationId || undefined : undefined,
      country: audience === 'country' ? values.country || undefined : undefined,
      allowFallback: values.allowFallback === true,
    };
    // A POST answering with a page says 200 (a preview) or 400 (errors) itself.
    const again = async (form: FormState, preview?: Preview, status = 400) =>
      new HtmlResponse(await this.page(ctx, event, { form, announcementId, preview }), status);

    const parsed = await parseForm(ctx, CreateAnnouncementDto, values, input);
    if (!parsed.ok) return again(parsed.state);
    const dto = parsed.value;

    let emails: Preview['emails'];
    try {
      // Each email in its own language, the name replaced by that language's placeholder.
      const placeholder = (l: Locale) => messages(l).consoleMessages.announcements.namePlaceholder;
      emails = await this.announcements.preview(
        actor,
        event.id,
        dto,
        { fr: placeholder('fr'), en: placeholder('en'), es: placeholder('es') },
        { publicUrl: ctx.publicUrl },
      );
    } catch (e) {
      return again({ values, errors: this.writingErrors(ctx, e) });
    }
    const written = emails.map((e) => e.locale);
    const target: AnnouncementTarget = {
      audience: dto.audience,
      organisationId: dto.organisationId,
      country: dto.country,
    };
    const summary = await this.announcements.audience(actor, event.id, target, written);
    const signature = signatureOf(target, written, summary.recipients);
    const preview: Preview = { emails, summary, signature };

    if (textOf(body, 'action') === 'send') {
      if (textOf(body, 'checked') !== signature) {
        return again({ values, errors: {} }, { ...preview, changed: true }, 200);
      }
      if (summary.fallbacks.length > 0 && values.allowFallback !== true) {
        const error = ctx.t.consoleMessages.announcements.fallbackUnconfirmed;
        return again({ values, errors: { allowFallback: error } }, preview, 400);
      }
      if (summary.recipients > 0) {
        try {
          await this.announcements.announce(actor, event.id, dto, announcementId);
        } catch (e) {
          // This form was sent before with other words (reopened with Back): a new one.
          if (!(e instanceof DomainError) || e.code !== 'conflict') throw e;
          if (e.details?.code === 'announcement_language_missing') {
            const error = ctx.t.consoleMessages.announcements.fallbackUnconfirmed;
            return again({ values, errors: { allowFallback: error } }, preview, 409);
          }
          const html = await this.page(ctx, event, {
            form: { values, errors: {} },
            announcementId: randomUUID(),
            preview: { ...preview, alreadySent: true },
          });
          return new HtmlResponse(html, 200);
        }
        return redirect(
          `${consoleEventPath(event.id, 'announcements')}/${announcementId}`,
          'consoleMessages.announcements.sentFlash',
        );
      }
    }
    return again({ values, errors: {} }, preview, 200);
  }

  /** The service's refusal of what was written, next to the field it names. */
  private writingErrors(ctx: WebContext, error: unknown): Record<string, string> {
    if (!(error instanceof DomainError) || error.code !== 'bad_request') throw error;
    const t = ctx.t.consoleMessages.announcements;
    const fields = (error.details?.fields as Array<{ field: string }> | undefined) ?? [];
    const errors: Record<string, string> = {};
    for (const { field } of fields) {
      if (field === 'subject') errors['subject.' + LOCALES[0]] = t.nothingWritten;
      else if (field.startsWith('subject.')) errors[field] = t.subjectMissing;
      else if (field.startsWith('body.')) errors[field] = t.bodyMissing;
    }
    if (Object.keys(errors).length === 0) errors._form = error.message;
    return errors;
  }

  @Get(':announcementId')
  async progress(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @Param('announcementId') announcementId: string,
  ): Promise<string> {
    const { actor, event } = await this.access.event(ctx, eventId);
    const p = await this.announcements.progress(actor, event.id, announcementId);
    const t = ctx.t.consoleMessages;
    const pending = p.queued + p.sending > 0;
    const messagesPath = `${consoleEventPath(event.id, 'messages')}?template=announcement${p.failed > 0 ? '&status=failed' : ''}`;
    return renderConsolePage(ctx, {
      event,
      section: 'announcements',
      title: t.progress.title,
      children: (
        <div class="cm-progress" data-pending={pending ? 'true' : 'false'}>
          {/*
           * While emails wait: without script the page reloads itself; with script,
           * 45-console-messages.js refreshes the numbers in place (the live region speaks).
           */}
          {pending && (
            <noscript>
              <meta http-equiv="refresh" content={String(REFRESH_SECONDS)} />
            </noscript>
          )}
          <p class="cm-subject" dir="auto">
            <strong>{subjectFor(p, ctx.locale)}</strong>
          </p>
          <p class="muted">
            {t.progress.sentOn(
              instantIn(p.createdAt, event.timezone, ctx.locale, event.venue.city),
            )}
            {p.audience && (
              <>
                {' · '}
                {t.progress.audience}: {t.announcements.audiences[p.audience] ?? p.audience}
              </>
            )}
            {' · '}
            {t.progress.byLanguage}: {readerParts(ctx, p.byLocale).join(', ')}
          </p>
          <div
            role="status"
            class="cm-progress-status"
            id="delivery-live"
            data-poll={pending ? String(REFRESH_SECONDS) : undefined}
          >
            <p class="cm-headline" id="progress-summary">
              {t.progress.summary(p.sent, p.total)}
            </p>
            <progress max={p.total} value={p.sent} aria-labelledby="progress-summary">
              {`${formatCount(ctx.locale, p.sent)}/${formatCount(ctx.locale, p.total)}`}
            </progress>
            <p class="muted">
              {pending
                ? t.progress.updating
                : p.failed > 0
                  ? t.progress.someFailed(p.failed)
                  : t.progress.done}
            </p>
          </div>
          <div id="delivery-rest">
            <ProgressCounts ctx={ctx} p={p} />
            {p.failed > 0 && (
              <ActionButton
                ctx={ctx}
                action={`${consoleEventPath(event.id, 'announcements')}/${p.announcementId}/retry-failed`}
                label={t.progress.retryFailed}
              />
            )}
            <ul class="cm-after">
              <li>
                <a href={messagesPath}>{t.progress.seeMessages}</a>
              </li>
              <li>
                <a href={consoleEventPath(event.id, 'announcements')}>{t.progress.backToList}</a>
              </li>
            </ul>
          </div>
        </div>
      ),
    });
  }

  @Post(':announcementId/retry-failed')
  async retryFailed(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @Param('announcementId') announcementId: string,
  ): Promise<PageResult> {
    const { actor, event } = await this.access.event(ctx, eventId);
    await this.announcements.retryFailed(actor, event.id, announcementId);
    return redirect(
      `${consoleEventPath(event.id, 'announcements')}/${announcementId.toLowerCase()}`,
      'consoleMessages.progress.retriedFlash',
    );
  }
}
