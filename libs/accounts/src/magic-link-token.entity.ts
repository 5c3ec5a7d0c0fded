import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('magic_link_tokens')
export class MagicLinkToken {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  accountId!: string;

  /** SHA-256 of the token: a database leak does not hand out logins. */
  @Column('text')
  tokenHash!: string;

  @Column('timestamptz')
  expiresAt!: Date;

  /** The page to open after signing in (web pages only), always a path on this site. */
  @Column('text', { nullable: true })
  nextPath!: string | null;

  /**
   * `sign_in`: asked for by its owner; a newer one retires the older unused ones.
   * `invitation`: sent with a staff invitation (a week long, opens the event).
   */
  @Column('text', { default: 'sign_in' })
  purpose!: 'sign_in' | 'invitation';

  @Column('timestamptz', { nullable: true })
  usedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
