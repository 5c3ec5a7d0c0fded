import { Get, Param } from '@nestjs/common';
import { isUuid, notFound, UuidParamPipe } from '#core';
import { Receipts } from '#finance';
import { RegistrationAccess } from '#registrations';
import { requireActor, type WebContext } from '../../http/web-context.js';
import { WebController } from '../../http/web-controller.decorator.js';
import { Web } from '../../http/web-request.decorator.js';
import { Download, type PageResult } from '../../http/web-results.js';

/** A participant's own receipts (the travel page links them); anyone else's is a 404. */
@WebController('my/registrations')
export class MyCostsController {
  constructor(
    private readonly access: RegistrationAccess,
    private readonly receipts: Receipts,
  ) {}

  @Get(':id/costs/receipts/:receiptId')
  async receipt(
    @Web() ctx: WebContext,
    @Param('id', new UuidParamPipe('Registration')) id: string,
    @Param('receiptId') receiptId: string,
  ): Promise<PageResult> {
    const actor = requireActor(ctx);
    if (!isUuid(receiptId)) throw notFound('Receipt');
    const { isOwner } = await this.access.load(actor, id);
    if (!isOwner) throw notFound('Registration');
    const file = await this.receipts.read(actor, receiptId);
    if (file.registrationId !== id) throw notFound('Receipt');
    return new Download(file.bytes, file.contentType, file.fileName, 'attachment');
  }
}
