import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { isUuid, notFound, unauthenticated } from '#core';
import { Costs } from '#finance';
import type { AuthedRequest } from '../http/request-context.js';

/**
 * Runs before the multipart interceptor reads the receipt: only the cost's organisers get
 * that far; anyone else has the service's answer (404, or 403 for the participant it
 * belongs to) before the body is buffered, and the connection is closed, not drained.
 */
@Injectable()
export class ReceiptUploadGuard implements CanActivate {
  constructor(private readonly costs: Costs) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<AuthedRequest>();
    const res = context.switchToHttp().getResponse<Response>();
    const itemId = String(req.params.itemId ?? '');
    if (!req.actor) throw unauthenticated();
    res.setHeader('Connection', 'close');
    if (!isUuid(itemId)) throw notFound('Cost');
    await this.costs.loadItemForOrganiser(req.actor, itemId);
    res.removeHeader('Connection');
    return true;
  }
}
