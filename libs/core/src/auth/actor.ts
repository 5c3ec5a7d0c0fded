/** Who is making a request, as every service sees it. */
export interface Actor {
  accountId: string;
  platformRole: 'admin' | 'member';
}

export const isAdmin = (actor: Actor) => actor.platformRole === 'admin';
