import { Entity, PrimaryColumn } from 'typeorm';

@Entity('session_facilitators')
export class SessionFacilitator {
  @PrimaryColumn('uuid')
  sessionId!: string;

  @PrimaryColumn('uuid')
  accountId!: string;
}
