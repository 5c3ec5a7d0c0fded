import { Get, Param } from '@nestjs/common';
import { isUuid, notFound } from '#core';
import { Badges } from '#onsite';
import { requireActor, type WebContext } from '../../http/web-context.js';
import { WebController } from '../../http/web-controller.decorator.js';
import { Web } from '../../http/web-request.decorator.js';
import { Download, type PageResult } from '../../http/web-results.js';

/** "My badge (PDF)" on /my/registrations: the holder's own badge, once confirmed. */
@WebController('my/registrations')
export class MyBadgeController {
  constructor(private readonly badges: Badges) {}

  @Get(':id/badge.pdf')
  async badge(@Web() ctx: WebContext, @Param('id') id: string): Promise<PageResult> {
    const actor = requireActor(ctx);
    if (!isUuid(id)) throw notFound('Registration');
    const file = await this.badges.forRegistration(actor, id, ctx.locale);
    return new Download(file.pdf, 'application/pdf', file.filename);
  }
}
