import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Actor, badRequest, forbidden, isAdmin, notFound } from '#core';

export interface ManagerView {
  accountId: string;
  name: string;
  email: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Who speaks for an organisation (nominates its visitors to an immersion). Set by admins
 * and by the organisers of an immersion the organisation takes part in; a manager is a
 * member of the organisation (their account belongs to it).
 */
@Injectable()
export class OrganisationManagers {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(actor: Actor, organisationId: string): Promise<ManagerView[]> {
    await this.requireSetter(actor, organisationId);
    return (
      (await this.dataSource.query(
        `SELECT a.id, a.name, a.email FROM organisation_managers m
           JOIN accounts a ON a.id = m.account_id
          WHERE m.organisation_id = $1 ORDER BY lower(a.name), a.id`,
        [organisationId],
      )) as Array<{ id: string; name: string; email: string }>
    ).map((r) => ({ accountId: r.id, name: r.name, email: r.email }));
  }

  async add(actor: Actor, organisationId: string, accountId: string): Promise<ManagerView[]> {
    await this.requireSetter(actor, organisationId);
    const [account] = (await this.dataSource.query(
      `SELECT organisation_id FROM accounts WHERE id = $1 AND erased_at IS NULL`,
      [accountId],
    )) as Array<{ organisation_id: string | null }>;
    if (!account)
      throw badRequest('accountId does not name a known account', { field: 'accountId' });
    if (account.organisation_id !== organisationId) {
      throw badRequest('accountId must be a member of the organisation', { field: 'accountId' });
    }
    await this.dataSource.query(
      `INSERT INTO organisation_managers (account_id, organisation_id) VALUES ($1, $2)
       ON CONFLICT DO NOTHING`,
      [accountId, organisationId],
    );
    return this.list(actor, organisationId);
  }

  async remove(actor: Actor, organisationId: string, accountId: string): Promise<void> {
    await this.requireSetter(actor, organisationId);
    await this.dataSource.query(
      `DELETE FROM organisation_managers WHERE organisation_id = $1 AND account_id = $2`,
      [organisationId, accountId],
    );
  }

  private async requireSetter(actor: Actor, organisationId: string): Promise<void> {
    if (!UUID.test(organisationId)) throw notFound('Organisation');
    const [org] = (await this.dataSource.query(
      `SELECT EXISTS (
          SELECT 1 FROM exchanges x JOIN event_staff s ON s.event_id = x.event_id
           WHERE s.account_id = $2 AND s.role = 'organiser'
             AND $1 IN (x.visiting_organisation_id, x.host_organisation_id)) AS organises
         FROM organisations WHERE id = $1`,
      [organisationId, actor.accountId],
    )) as Array<{ organises: boolean }>;
    if (!org) throw notFound('Organisation');
    if (!isAdmin(actor) && !org.organises) {
      throw forbidden('Only admins and the organisers of its immersions can set its managers');
    }
  }
}
