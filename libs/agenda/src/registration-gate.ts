import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { pgErrorCode } from '#core';

/**
 * Reads the registrations table owned by the registrations lib, by SQL only, so the
 * agenda does not depend on its module: who holds a confirmed registration, and a
 * phone number for bus lists when the registration keeps one.
 */
@Injectable()
export class RegistrationGate {
  private contactSql: Promise<ContactSql> | undefined;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async confirmedRegistrationId(
    eventId: string,
    accountId: string,
    manager?: EntityManager,
  ): Promise<string | undefined> {
    const q = manager ?? this.dataSource.manager;
    try {
      const rows: Array<{ id: string }> = await q.query(
        `SELECT id FROM registrations WHERE event_id = $1 AND account_id = $2 AND status = 'confirmed'
          ORDER BY id LIMIT 1`,
        [eventId, accountId],
      );
      return rows[0]?.id;
    } catch (e) {
      if (pgErrorCode(e) === '42P01') return undefined; // registrations not installed yet
      throw e;
    }
  }

  /** Event ids where the account holds a confirmed registration. */
  async confirmedEventIds(accountId: string): Promise<string[]> {
    try {
      const rows: Array<{ event_id: string }> = await this.dataSource.query(
        `SELECT DISTINCT event_id FROM registrations WHERE account_id = $1 AND status = 'confirmed'`,
        [accountId],
      );
      return rows.map((r) => r.event_id);
    } catch (e) {
      if (pgErrorCode(e) === '42P01') return [];
      throw e;
    }
  }

  /**
   * SQL expressions over alias `r` (registrations) for the person's phone and their
   * emergency contact, built from the columns the registrations lib actually has;
   * 'NULL' for what it does not keep.
   */
  contactColumns(): Promise<ContactSql> {
    this.contactSql ??= this.findContactColumns();
    return this.contactSql;
  }

  private async findContactColumns(): Promise<ContactSql> {
    const columns: Array<{ column_name: string; data_type: string }> = await this.dataSource.query(
      `SELECT column_name, data_type FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name = 'registrations'`,
    );
    const types = new Map(columns.map((c) => [c.column_name, c.data_type]));
    const pick = (candidates: string[], jsonKey?: string) => {
      const parts = candidates.filter((c) => types.get(c) === 'text').map((c) => `r.${c}`);
      if (jsonKey && types.get('emergency_contact') === 'jsonb') {
        parts.push(`r.emergency_contact->>'${jsonKey}'`);
      }
      return parts.length ? `COALESCE(${parts.join(', ')})` : 'NULL';
    };
    return {
      phone: pick(['phone', 'mobile_phone', 'phone_number']),
      emergencyName: pick(['emergency_contact_name'], 'name'),
      emergencyPhone: pick(['emergency_contact_phone', 'emergency_phone'], 'phone'),
    };
  }
}

export interface ContactSql {
  phone: string;
  emergencyName: string;
  emergencyPhone: string;
}
