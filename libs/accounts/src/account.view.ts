import { type Account } from './account.entity.js';

/** The public shape of an account: never the password hash. */
export interface AccountView {
  id: string;
  email: string;
  name: string;
  locale: string;
  organisationId: string | null;
  platformRole: 'admin' | 'member';
  createdAt: string;
}

export const toAccountView = (a: Account): AccountView => ({
  id: a.id,
  email: a.email,
  name: a.name,
  locale: a.locale,
  organisationId: a.organisationId,
  platformRole: a.platformRole,
  createdAt: a.createdAt.toISOString(),
});
