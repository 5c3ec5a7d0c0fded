import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A document attached to an event, or to one of its sessions (sessionId). */
@Entity('event_materials')
export class EventMaterial {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  eventId!: string;

  @Column('uuid', { nullable: true })
  sessionId!: string | null;

  @Column('text')
  title!: string;

  /** The name to download under: the uploader's, stripped to safe characters. */
  @Column('text')
  fileName!: string;

  /** From the bytes (sniffMaterialType), never from the client. */
  @Column('text')
  contentType!: string;

  @Column('integer')
  sizeBytes!: number;

  @Column('text')
  storageKey!: string;

  @Column('uuid', { nullable: true })
  uploadedBy!: string | null;

  @Column('timestamptz')
  uploadedAt!: Date;
}

/** A registration whose participant agreed to appear in the event's directory. */
@Entity('directory_listings')
export class DirectoryListing {
  @PrimaryColumn('uuid')
  registrationId!: string;

  @Column('uuid')
  eventId!: string;

  @Column('timestamptz')
  listedAt!: Date;
}
