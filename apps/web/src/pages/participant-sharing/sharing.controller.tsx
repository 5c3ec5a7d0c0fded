import { Body, Get, Param, Post } from '@nestjs/common';
import { DomainError, isUuid, notFound } from '#core';
import { EventAccess, eventTextsIn } from '#events';
import { Directory, type DirectoryEntry, EventPeople, Materials } from '#sharing';
import { countryName } from '../../format/countries.js';
import { CheckboxField, emptyForm, Form } from '../../components/form.js';
import { requireActor, type WebContext } from '../../http/web-context.js';
import { WebController } from '../../http/web-controller.decorator.js';
import { Web } from '../../http/web-request.decorator.js';
import { Download, type PageResult, redirect } from '../../http/web-results.js';
import { renderPage } from '../../layout/layout.js';
import { languageName, MaterialList } from './sharing-parts.js';

/**
 * A participant's view of what an event shares: its documents (/e/<slug>/materials) and
 * the opt-in directory of the people coming (/e/<slug>/people). Who may see what is
 * decided in #sharing; another event's participant or a stranger gets 404.
 */
@WebController('e/:slug')
export class SharingPagesController {
  constructor(
    private readonly events: EventAccess,
    private readonly people: EventPeople,
    private readonly materials: Materials,
    private readonly directory: Directory,
  ) {}

  @Get('materials')
  async materialsPage(@Web() ctx: WebContext, @Param('slug') slug: string): Promise<PageResult> {
    const actor = requireActor(ctx);
    const event = await this.events.requireVisibleBySlug(actor, slug);
    const list = await this.materials.list(actor, event.id);
    const t = ctx.t.sharing;
    const name = eventTextsIn(event, ctx.locale).name;
    return renderPage(ctx, {
      title: `${t.materials.title} · ${name}`,
      children: (
        <div class="sh">
          <p class="pa-crumbs">
            <a href={`/e/${slug}`} dir="auto">
              {name}
            </a>
          </p>
          <h1>{t.materials.title}</h1>
          <p class="lead">{t.materials.lead}</p>
          <MaterialList
            ctx={ctx}
            materials={list}
            href={(m) => `/e/${slug}/materials/${m.id}/download`}
          />
          <p>
            <a href={`/e/${slug}/people`}>{t.people.peopleLink}</a>
          </p>
        </div>
      ),
    });
  }

  @Get('materials/:id/download')
  async download(
    @Web() ctx: WebContext,
    @Param('slug') slug: string,
    @Param('id') id: string,
  ): Promise<PageResult> {
    const actor = requireActor(ctx);
    const event = await this.events.requireVisibleBySlug(actor, slug);
    if (!isUuid(id)) throw notFound('Material');
    const file = await this.materials.read(actor, id);
    const mine = await this.materials.list(actor, event.id);
    if (!mine.some((m) => m.id === id)) throw notFound('Material');
    return new Download(file.bytes, file.contentType, file.fileName, 'attachment');
  }

  @Get('people')
  async peoplePage(@Web() ctx: WebContext, @Param('slug') slug: string): Promise<PageResult> {
    const actor = requireActor(ctx);
    const event = await this.events.requireVisibleBySlug(actor, slug);
    const s = await this.people.requireMember(actor, event.id, 'Event');
    const listed = s.registration
      ? (await this.directory.status(actor, s.registration.id)).listed
      : null;
    let entries: DirectoryEntry[] | null = null;
    try {
      entries = await this.directory.list(actor, event.id);
    } catch (e) {
      if (!(e instanceof DomainError) || e.code !== 'not_found') throw e;
    }
    const t = ctx.t.sharing.people;
    const name = eventTextsIn(event, ctx.locale).name;
    const professions = ctx.t.registration.professions as Record<string, string>;
    return renderPage(ctx, {
      title: `${t.title} · ${name}`,
      children: (
        <div class="sh">
          <p class="pa-crumbs">
            <a href={`/e/${slug}`} dir="auto">
              {name}
            </a>
          </p>
          <h1>{t.title}</h1>
          <p class="lead">{t.lead}</p>
          {listed !== null && (
            <section class="card" aria-labelledby="sh-optin">
              <h2 id="sh-optin">{t.optInTitle}</h2>
              <p role="status">{listed ? t.listed : t.notListed}</p>
              <Form ctx={ctx} action={`/e/${slug}/people`}>
                <CheckboxField
                  form={emptyForm({ listed })}
                  name="listed"
                  label={t.optInLabel}
                  hint={t.optInHint}
                />
                <button type="submit" class="btn">
                  {t.save}
                </button>
              </Form>
            </section>
          )}
          {entries && (
            <section aria-labelledby="sh-people">
              <h2 id="sh-people">{t.count(entries.length)}</h2>
              {entries.length === 0 ? (
                <p class="hint">{t.none}</p>
              ) : (
                <ul class="sh-people">
                  {entries.map((e) => (
                    <li class="sh-person">
                      <strong dir="auto">{e.name}</strong>
                      {e.isMe && <span class="hint"> {t.you}</span>}
                      <br />
                      <span dir="auto">{e.organisation.name}</span>
                      {' · '}
                      {countryName(e.organisation.country, ctx.locale)}
                      <br />
                      {e.profession === 'other' && e.professionOther ? (
                        <span dir="auto">{e.professionOther}</span>
                      ) : (
                        (professions[e.profession] ?? e.profession)
                      )}
                      {e.languages.length > 0 && (
                        <>
                          {' · '}
                          {t.languages(
                            e.languages.map((l) => languageName(l, ctx.locale)).join(', '),
                          )}
                        </>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          )}
          <p>
            <a href={`/e/${slug}/materials`}>{t.materialsLink}</a>
          </p>
        </div>
      ),
    });
  }

  @Post('people')
  async setListed(
    @Web() ctx: WebContext,
    @Param('slug') slug: string,
    @Body() body: Record<string, unknown>,
  ): Promise<PageResult> {
    const actor = requireActor(ctx);
    const event = await this.events.requireVisibleBySlug(actor, slug);
    const s = await this.people.requireMember(actor, event.id, 'Event');
    if (!s.registration) throw notFound('Registration');
    const listed = body?.listed === 'on';
    await this.directory.setListed(actor, s.registration.id, listed);
    return redirect(
      `/e/${slug}/people`,
      listed ? 'sharing.flash.listed' : 'sharing.flash.unlisted',
    );
  }
}
