import { Body, Get, Param, Post, Query, Req } from '@nestjs/common';
import { DomainError, isUuid, notFound } from '#core';
import { type EventView, toEventView } from '#events';
import { EventPeople, materialMaxBytes, Materials, megabytes } from '#sharing';
import { ActionButton } from '../../components/form.js';
import { type MultipartRequest } from '../../http/multipart-form.js';
import { requireActor, type WebContext } from '../../http/web-context.js';
import { WebController } from '../../http/web-controller.decorator.js';
import { Web } from '../../http/web-request.decorator.js';
import { HtmlResponse, type PageResult, redirect } from '../../http/web-results.js';
import { renderPage } from '../../layout/layout.js';
import { renderConsolePage } from '../console/console-frame.js';
import { MaterialList } from '../participant-sharing/sharing-parts.js';

interface UploadState {
  error?: string;
  title?: string;
  sessionId?: string;
}

/**
 * The organisers' page of an event's shared documents: upload (multipart, works without
 * JavaScript), list and delete. Rules (types from the bytes, size, who) live in #sharing.
 */
@WebController('console/events/:eventId/materials')
export class ConsoleMaterialsController {
  constructor(
    private readonly people: EventPeople,
    private readonly materials: Materials,
  ) {}

  /**
   * Organisers (and admins) run the whole page; a facilitator of the event shares for their
   * own sessions only (the service checks it again). Anyone else: 404, as for the console.
   */
  private async load(ctx: WebContext, eventId: string) {
    const actor = requireActor(ctx);
    if (!isUuid(eventId)) throw notFound('Event');
    const s = await this.people.standing(actor, eventId).catch(() => {
      throw notFound('Event');
    });
    if (!s.isOrganiser && !s.roles.includes('facilitator')) throw notFound('Event');
    return { actor, event: toEventView(s.event), organiser: s.isOrganiser };
  }

  @Get()
  async page(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @Query('sessionId') sessionId?: unknown,
  ): Promise<PageResult> {
    const { event, organiser } = await this.load(ctx, eventId);
    // Linked from a session's pages ("share a document for this session"): preselected.
    const preselect = typeof sessionId === 'string' && isUuid(sessionId) ? sessionId : undefined;
    return this.render(ctx, event, organiser, { sessionId: preselect });
  }

  @Post()
  async upload(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @Req() req: MultipartRequest,
    @Body() body: Record<string, string>,
  ): Promise<PageResult> {
    const { actor, event, organiser } = await this.load(ctx, eventId);
    const t = ctx.t.sharing.console;
    const state: UploadState = { title: body?.title, sessionId: body?.sessionId };
    const max = megabytes(materialMaxBytes());
    if (req.uploadError === 'too_large') {
      return this.render(ctx, event, organiser, { ...state, error: t.fileTooLarge(max) }, 400);
    }
    try {
      await this.materials.upload(
        actor,
        event.id,
        { title: body?.title, sessionId: body?.sessionId },
        req.files?.file,
      );
    } catch (e) {
      if (!(e instanceof DomainError) || e.code !== 'bad_request') throw e;
      const code = e.details?.code;
      const error =
        code === 'file_too_large'
          ? t.fileTooLarge(max)
          : code === 'file_type'
            ? t.fileType
            : code === 'file_required'
              ? t.fileRequired
              : ctx.t.validation.invalid;
      return this.render(ctx, event, organiser, { ...state, error }, 400);
    }
    return redirect(`/console/events/${event.id}/materials`, 'sharing.flash.uploaded');
  }

  @Post(':materialId/delete')
  async remove(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @Param('materialId') materialId: string,
  ): Promise<PageResult> {
    const { actor, event } = await this.load(ctx, eventId);
    if (!isUuid(materialId)) throw notFound('Material');
    const mine = await this.materials.list(actor, event.id);
    if (!mine.some((m) => m.id === materialId)) throw notFound('Material');
    await this.materials.remove(actor, materialId);
    return redirect(`/console/events/${event.id}/materials`, 'sharing.flash.removed');
  }

  private async render(
    ctx: WebContext,
    event: EventView,
    organiser: boolean,
    state: UploadState,
    status = 200,
  ) {
    const actor = ctx.actor!;
    const list = await this.materials.list(actor, event.id);
    const sessions = await this.materials.sessionChoices(actor, event.id, !organiser);
    const t = ctx.t.sharing.console;
    const max = megabytes(materialMaxBytes());
    const children = (
      <div class="sh">
        <p class="lead">{t.lead}</p>
        <section class="card" aria-labelledby="sh-upload">
          <h2 id="sh-upload">{t.uploadTitle}</h2>
          <form
            action={`/console/events/${event.id}/materials`}
            method="post"
            enctype="multipart/form-data"
            noValidate
          >
            <input type="hidden" name="_csrf" value={ctx.csrfToken} />
            <div class="field">
              <label for="f-sh-title">{t.docTitle}</label>
              <span class="hint" id="f-sh-title-hint">
                {t.docTitleHint}
              </span>
              <input
                type="text"
                id="f-sh-title"
                name="title"
                maxLength={200}
                value={state.title ?? ''}
                dir="auto"
                aria-describedby="f-sh-title-hint"
              />
            </div>
            <div class="field">
              <label for="f-sh-session">{t.session}</label>
              <select id="f-sh-session" name="sessionId">
                {organiser && <option value="">{t.wholeEvent}</option>}
                {sessions.map((s) => (
                  <option value={s.id} selected={state.sessionId === s.id}>
                    {s.title}
                  </option>
                ))}
              </select>
            </div>
            <div class={`field${state.error ? ' invalid' : ''}`}>
              <label for="f-sh-file">{t.file}</label>
              <span class="hint" id="f-sh-file-hint">
                {t.fileHint(max)}
              </span>
              {state.error && (
                <span class="error" id="f-sh-file-error" role="alert">
                  {state.error}
                </span>
              )}
              <input
                type="file"
                id="f-sh-file"
                name="file"
                accept=".pdf,.docx,.pptx,.xlsx,.png,.jpg,.jpeg"
                aria-invalid={state.error ? 'true' : undefined}
                aria-describedby={state.error ? 'f-sh-file-hint f-sh-file-error' : 'f-sh-file-hint'}
              />
            </div>
            <button type="submit" class="btn">
              {t.upload}
            </button>
          </form>
        </section>
        <section aria-labelledby="sh-list">
          <h2 id="sh-list">{t.listTitle}</h2>
          <MaterialList
            ctx={ctx}
            materials={list}
            href={(m) => `/e/${event.slug}/materials/${m.id}/download`}
            remove={(m) =>
              m.canDelete && (
                <ActionButton
                  ctx={ctx}
                  action={`/console/events/${event.id}/materials/${m.id}/delete`}
                  label={t.remove}
                  variant="danger"
                  confirm={t.removeConfirm}
                />
              )
            }
          />
        </section>
      </div>
    );
    const html = organiser
      ? renderConsolePage(ctx, { event, section: 'materials', title: t.title, children })
      : renderPage(ctx, {
          title: t.title,
          children: (
            <>
              <p class="pa-crumbs" dir="auto">
                {event.name}
              </p>
              <h1>{t.title}</h1>
              {children}
            </>
          ),
        });
    return status === 200 ? html : new HtmlResponse(html, status);
  }
}
