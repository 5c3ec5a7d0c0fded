import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  APP_CONFIG,
  type Actor,
  type AppConfig,
  badRequest,
  conflict,
  FieldCipher,
  notFound,
  toZonedIso,
} from '#core';
import { requireWritable } from '#events';
import { EXTENSION_OF, FILE_STORAGE, type FileStorage, sniffType } from '#files';
import { CostReceipt } from './cost-item.entity.js';
import type { ReceiptView } from './cost.views.js';
import { Costs } from './costs.service.js';
import { openReceipt, sealReceipt } from './receipt-cipher.js';

/** 5 MB: a phone photo of a receipt or a scanned invoice, not a whole archive. */
export const RECEIPT_MAX_BYTES = 5 * 1024 * 1024;
/** A cost line carries a few receipts at most (a flight and its change fee). */
export const RECEIPTS_PER_ITEM = 5;

export interface UploadedFile {
  buffer: Buffer;
  originalname?: string;
  size: number;
}

/**
 * Receipts of cost lines: organisers attach them; the participant and the organisers read
 * them. The type comes from the bytes (PDF, JPEG, PNG), never from the name.
 */
@Injectable()
export class Receipts {
  private readonly cipher: FieldCipher;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly costs: Costs,
  ) {
    this.cipher = new FieldCipher(config.dataEncryptionKey);
  }

  async attach(actor: Actor, itemId: string, file: UploadedFile | undefined): Promise<ReceiptView> {
    const { item, loaded } = await this.costs.loadItemForOrganiser(actor, itemId);
    requireWritable(loaded.event);
    if (!file || file.size === 0) {
      throw badRequest('file is required: a PDF, JPEG or PNG receipt', {
        field: 'file',
        code: 'file_required',
      });
    }
    if (file.size > RECEIPT_MAX_BYTES) {
      throw badRequest('file must be at most 5 MB', { field: 'file', code: 'file_too_large' });
    }
    const type = sniffType(file.buffer);
    if (!type) {
      throw badRequest('file must be a PDF, JPEG or PNG', { field: 'file', code: 'file_type' });
    }
    const repo = this.dataSource.getRepository(CostReceipt);
    if ((await repo.countBy({ costItemId: itemId })) >= RECEIPTS_PER_ITEM) {
      throw conflict(`A cost holds at most ${RECEIPTS_PER_ITEM} receipts`, {
        reason: 'too_many_receipts',
      });
    }
    const id = randomUUID();
    const key = `receipts/${item.eventId}/${id}.enc`;
    // Encrypted at rest; the row keeps the real type and size.
    await this.storage.put(key, sealReceipt(this.cipher, file.buffer), 'application/octet-stream');
    const row = await repo.save({
      id,
      costItemId: itemId,
      registrationId: item.registrationId,
      eventId: item.eventId,
      storageKey: key,
      contentType: type,
      sizeBytes: file.size,
      fileName: safeFileName(file.originalname, EXTENSION_OF[type]),
      uploadedBy: actor.accountId,
      uploadedAt: new Date(),
    });
    return {
      id: row.id,
      fileName: row.fileName,
      contentType: row.contentType,
      sizeBytes: row.sizeBytes,
      uploadedAt: toZonedIso(row.uploadedAt, loaded.event.timezone),
    };
  }

  /** The bytes, for the participant and the event's organisers; 404 for anyone else. */
  async read(
    actor: Actor,
    receiptId: string,
  ): Promise<{
    bytes: Buffer;
    contentType: string;
    fileName: string;
    eventId: string;
    registrationId: string;
  }> {
    const row = await this.dataSource.getRepository(CostReceipt).findOneBy({ id: receiptId });
    if (!row) throw notFound('Receipt');
    await this.costs.loadItemRegistration(actor, row.registrationId).catch(() => {
      throw notFound('Receipt');
    });
    const stored = await this.storage.get(row.storageKey);
    if (!stored) throw notFound('Receipt');
    const bytes = openReceipt(this.cipher, stored);
    return {
      bytes,
      contentType: row.contentType,
      fileName: row.fileName,
      eventId: row.eventId,
      registrationId: row.registrationId,
    };
  }

  async remove(actor: Actor, receiptId: string): Promise<void> {
    const row = await this.dataSource.getRepository(CostReceipt).findOneBy({ id: receiptId });
    if (!row) throw notFound('Receipt');
    const { loaded } = await this.costs.loadItemForOrganiser(actor, row.costItemId).catch(() => {
      throw notFound('Receipt');
    });
    requireWritable(loaded.event);
    await this.dataSource.getRepository(CostReceipt).delete({ id: receiptId });
    await this.storage.delete(row.storageKey);
  }

  /** Files of deleted cost lines (their rows went with the line). */
  async forget(storageKeys: string[]): Promise<void> {
    await Promise.all(storageKeys.map((k) => this.storage.delete(k)));
  }
}

/** A name to show and download under: the client's, stripped to safe characters. */
export function safeFileName(given: string | undefined, extension: string): string {
  const base = (given ?? '')
    .normalize('NFC')
    .replace(/\.[^.]*$/, '')
    .replace(/[^\p{L}\p{N} _-]+/gu, '')
    .trim()
    .slice(0, 80);
  return `${base || 'receipt'}.${extension}`;
}
