import { Get, Param, Post } from '@nestjs/common';
import { type UnsubscribeState, UnsubscribeService } from '#messaging';
import { Form } from '../../components/form.js';
import type { WebContext } from '../../http/web-context.js';
import { WebController } from '../../http/web-controller.decorator.js';
import { Web } from '../../http/web-request.decorator.js';
import { HtmlResponse, type PageResult } from '../../http/web-results.js';
import { renderPage } from '../../layout/layout.js';

/**
 * /unsubscribe/<token>: where the link at the foot of an optional announcement leads a
 * person (the List-Unsubscribe header keeps the API's one-click URL for mail providers).
 * Opening it changes nothing, since mail scanners and previews open links; the button
 * does. The signed token is the proof: no sign-in. A forged token is the pages' 404.
 */
@WebController('unsubscribe')
export class UnsubscribePageController {
  constructor(private readonly unsubscribes: UnsubscribeService) {}

  private page(ctx: WebContext, token: string, state: UnsubscribeState, justDone: boolean) {
    const t = ctx.t.unsubscribe;
    return renderPage(ctx, {
      title: t.title,
      children: (
        <>
          <h1>{t.title}</h1>
          <p class="lead" dir="auto">
            {t.lead(state.eventName)}
          </p>
          <p>{t.explain}</p>
          {state.unsubscribed ? (
            <p class="flash" role="status" dir="auto">
              {justDone ? t.done(state.eventName) : t.already(state.eventName)}
            </p>
          ) : (
            <Form ctx={ctx} action={`/unsubscribe/${encodeURIComponent(token)}`}>
              <button type="submit" class="btn">
                {t.confirm}
              </button>
            </Form>
          )}
        </>
      ),
    });
  }

  @Get(':token')
  async show(@Web() ctx: WebContext, @Param('token') token: string): Promise<PageResult> {
    return this.page(ctx, token, await this.unsubscribes.state(token), false);
  }

  @Post(':token')
  async confirm(@Web() ctx: WebContext, @Param('token') token: string): Promise<PageResult> {
    // The answer is this page, as a 200 even though it is a POST.
    const done = await this.unsubscribes.unsubscribe(token);
    return new HtmlResponse(this.page(ctx, token, done, true), 200);
  }
}
