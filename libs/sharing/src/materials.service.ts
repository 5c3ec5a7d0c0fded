import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, type FindOptionsWhere } from 'typeorm';
import { type Actor, badRequest, forbidden, notFound, toZonedIso } from '#core';
import { requireWritable } from '#events';
import { FILE_STORAGE, type FileStorage } from '#files';
import { MATERIAL_EXTENSION, sniffMaterialType } from './material-types.js';
import { EventPeople } from './audience.js';
import { EventMaterial } from './sharing.entities.js';

/** 20 MB by default (workshop slides with photos); MATERIALS_MAX_BYTES changes it. */
export function materialMaxBytes(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.MATERIALS_MAX_BYTES);
  return Number.isInteger(n) && n > 0 ? n : 20 * 1024 * 1024;
}

/** A material says its limit in whole MB. */
export const megabytes = (bytes: number) => Math.max(1, Math.round(bytes / (1024 * 1024)));

/** An event holds a reasonable number of documents, not an archive. */
export const MATERIALS_PER_EVENT = 200;

export interface MaterialFile {
  buffer: Buffer;
  originalname?: string;
  size: number;
}

export interface MaterialView {
  id: string;
  eventId: string;
  sessionId: string | null;
  sessionTitle: string | null;
  title: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  uploadedAt: string;
  /** Whether the reader may delete it (its organisers, the session's facilitators). */
  canDelete: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Documents organisers and facilitators share with an event's people: the guide handed
 * over at the meeting, a workshop's slides. Bytes go to the FILE_STORAGE (libs/files);
 * only the event's staff and its confirmed or waitlisted participants can list or read
 * them; everyone else gets 404.
 */
@Injectable()
export class Materials {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    private readonly people: EventPeople,
  ) {}

  async upload(
    actor: Actor,
    eventId: string,
    input: { title?: unknown; sessionId?: unknown },
    file: MaterialFile | undefined,
  ): Promise<MaterialView> {
    const s = await this.people.requireMember(actor, eventId, 'Event');
    const sessionId = await this.checkSession(eventId, input.sessionId);
    if (!s.isOrganiser && !(sessionId && (await this.people.facilitates(actor, sessionId)))) {
      throw forbidden(
        "Only the event's organisers, or a session's facilitators for their session, can share materials",
      );
    }
    requireWritable(s.event);
    if (!file || file.size === 0) {
      throw badRequest('file is required: a PDF, Word, PowerPoint, Excel, PNG or JPEG document', {
        field: 'file',
        code: 'file_required',
      });
    }
    const max = materialMaxBytes();
    if (file.size > max) {
      throw badRequest(`file must be at most ${megabytes(max)} MB`, {
        field: 'file',
        code: 'file_too_large',
        maxBytes: max,
      });
    }
    const type = sniffMaterialType(file.buffer);
    if (!type) {
      throw badRequest(
        'file is not a PDF, Word, PowerPoint, Excel, PNG or JPEG document (whatever its name says)',
        { field: 'file', code: 'file_type' },
      );
    }
    const title = typeof input.title === 'string' ? input.title.normalize('NFC').trim() : '';
    if (title.length > 200) {
      throw badRequest('title must be at most 200 characters', {
        field: 'title',
        code: 'title_too_long',
      });
    }
    const repo = this.dataSource.getRepository(EventMaterial);
    if ((await repo.countBy({ eventId })) >= MATERIALS_PER_EVENT) {
      throw badRequest(`An event holds at most ${MATERIALS_PER_EVENT} materials`, {
        field: 'file',
        code: 'too_many_materials',
      });
    }
    const id = randomUUID();
    const extension = MATERIAL_EXTENSION[type];
    const fileName = safeMaterialName(file.originalname, extension);
    const key = `materials/${eventId}/${id}.${extension}`;
    await this.storage.put(key, file.buffer, type);
    const row = await repo.save({
      id,
      eventId,
      sessionId,
      title: title || fileName.replace(/\.[^.]+$/, ''),
      fileName,
      contentType: type,
      sizeBytes: file.size,
      storageKey: key,
      uploadedBy: actor.accountId,
      uploadedAt: new Date(),
    });
    return (await this.views(actor, eventId, [row]))[0]!;
  }

  /** The event's materials (optionally one session's), newest first. */
  async list(actor: Actor, eventId: string, sessionId?: string): Promise<MaterialView[]> {
    await this.people.requireMember(actor, eventId, 'Event');
    const where: FindOptionsWhere<EventMaterial> = { eventId };
    if (sessionId !== undefined) {
      if (!UUID.test(sessionId)) {
        throw badRequest('sessionId must be a UUID', { field: 'sessionId', code: 'uuid' });
      }
      where.sessionId = sessionId;
    }
    const rows = await this.dataSource
      .getRepository(EventMaterial)
      .find({ where, order: { uploadedAt: 'DESC', id: 'ASC' } });
    return this.views(actor, eventId, rows);
  }

  /** The bytes and how to name them; 404 for anyone not among the event's people. */
  async read(
    actor: Actor,
    materialId: string,
  ): Promise<{ bytes: Buffer; contentType: string; fileName: string }> {
    const row = await this.dataSource.getRepository(EventMaterial).findOneBy({ id: materialId });
    if (!row) throw notFound('Material');
    await this.people.requireMember(actor, row.eventId, 'Material');
    const bytes = await this.storage.get(row.storageKey);
    if (!bytes) throw notFound('Material');
    return { bytes, contentType: row.contentType, fileName: row.fileName };
  }

  async remove(actor: Actor, materialId: string): Promise<void> {
    const repo = this.dataSource.getRepository(EventMaterial);
    const row = await repo.findOneBy({ id: materialId });
    if (!row) throw notFound('Material');
    const s = await this.people.requireMember(actor, row.eventId, 'Material');
    if (!(await this.mayDelete(actor, s.isOrganiser, row))) {
      throw forbidden("Only the event's organisers or the session's facilitators can delete it");
    }
    requireWritable(s.event);
    await repo.delete({ id: materialId });
    await this.storage.delete(row.storageKey);
  }

  /** The sessions a material may be attached to (the console's choice), in time order. */
  async sessionChoices(
    actor: Actor,
    eventId: string,
    onlyMine = false,
  ): Promise<Array<{ id: string; title: string }>> {
    await this.people.requireMember(actor, eventId, 'Event');
    return (await this.dataSource.query(
      `SELECT s.id, s.title FROM sessions s
        WHERE s.event_id = $1
          AND (NOT $3::boolean OR EXISTS (SELECT 1 FROM session_facilitators f
                                           WHERE f.session_id = s.id AND f.account_id = $2))
        ORDER BY s.starts_at, s.title, s.id`,
      [eventId, actor.accountId, onlyMine],
    )) as Array<{ id: string; title: string }>;
  }

  /** The session must be one of the event's; undefined or '' means the whole event. */
  private async checkSession(eventId: string, sessionId: unknown): Promise<string | null> {
    if (sessionId === undefined || sessionId === null || sessionId === '') return null;
    if (typeof sessionId !== 'string' || !UUID.test(sessionId)) {
      throw badRequest("sessionId must be the id of one of the event's sessions", {
        field: 'sessionId',
        code: 'uuid',
      });
    }
    const found = (await this.dataSource.query(
      `SELECT 1 FROM sessions WHERE id = $1 AND event_id = $2`,
      [sessionId, eventId],
    )) as unknown[];
    if (found.length === 0) {
      throw badRequest("sessionId is not one of the event's sessions", {
        field: 'sessionId',
        code: 'unknown_session',
      });
    }
    return sessionId;
  }

  private async mayDelete(actor: Actor, isOrganiser: boolean, row: EventMaterial) {
    if (isOrganiser) return true;
    return row.sessionId !== null && (await this.people.facilitates(actor, row.sessionId));
  }

  private async views(actor: Actor, eventId: string, rows: EventMaterial[]) {
    const s = await this.people.standing(actor, eventId);
    const sessionIds = [...new Set(rows.map((r) => r.sessionId).filter((x): x is string => !!x))];
    const titles = new Map<string, string>();
    const facilitated = new Set<string>();
    if (sessionIds.length > 0) {
      const found = (await this.dataSource.query(
        `SELECT s.id, s.title,
                EXISTS (SELECT 1 FROM session_facilitators f
                         WHERE f.session_id = s.id AND f.account_id = $2) AS mine
           FROM sessions s WHERE s.id = ANY($1::uuid[])`,
        [sessionIds, actor.accountId],
      )) as Array<{ id: string; title: string; mine: boolean }>;
      for (const f of found) {
        titles.set(f.id, f.title);
        if (f.mine) facilitated.add(f.id);
      }
    }
    return rows.map((r): MaterialView => ({
      id: r.id,
      eventId: r.eventId,
      sessionId: r.sessionId,
      sessionTitle: r.sessionId ? (titles.get(r.sessionId) ?? null) : null,
      title: r.title,
      fileName: r.fileName,
      contentType: r.contentType,
      sizeBytes: r.sizeBytes,
      uploadedAt: toZonedIso(r.uploadedAt, s.event.timezone),
      canDelete: s.isOrganiser || (r.sessionId !== null && facilitated.has(r.sessionId)),
    }));
  }
}

/** A name to download under: the uploader's, stripped to letters, digits, spaces and dashes. */
export function safeMaterialName(given: string | undefined, extension: string): string {
  const base = (given ?? '')
    .normalize('NFC')
    .replace(/\.[^.]*$/, '')
    .replace(/[^\p{L}\p{M}\p{N} _-]+/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 80);
  return `${base || 'document'}.${extension}`;
}

/**
 * Content-Disposition for a download: an ASCII fallback and the real name in RFC 5987
 * form (filename*=UTF-8''...), so "Guide du participant – Tanger.pdf" keeps its accents.
 */
export function attachmentDisposition(fileName: string): string {
  const ascii =
    fileName
      .normalize('NFKD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/["\\%;]/g, '')
      .trim() || 'document';
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
