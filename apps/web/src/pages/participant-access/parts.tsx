import { RegistrationBadge } from '../../components/registration-badge.js';
import type { WebContext } from '../../http/web-context.js';

type Status = keyof WebContext['t']['registration']['statuses'];

export function statusLabel(ctx: WebContext, status: string): string {
  const statuses = ctx.t.registration.statuses;
  return statuses[status as Status] ?? status;
}

/** The registration's status as a coloured word (never the colour alone). */
export function StatusBadge(props: { ctx: WebContext; status: string }) {
  return <RegistrationBadge status={props.status} label={statusLabel(props.ctx, props.status)} />;
}

/** What happens next for a registration in this status, and the waitlist place. */
export function WhatNext(props: {
  ctx: WebContext;
  status: string;
  position: number | null;
  headingLevel?: 2 | 3;
}) {
  const t = props.ctx.t.registration;
  const next = t.next[props.status as Status];
  const Heading = props.headingLevel === 3 ? 'h3' : 'h2';
  return (
    <section class="pa-next" aria-labelledby="pa-next-title">
      <Heading id="pa-next-title">{t.nextTitle}</Heading>
      {props.status === 'waitlisted' && props.position !== null && (
        <p class="pa-position">{t.position(props.position)}</p>
      )}
      {next && <p>{next}</p>}
    </section>
  );
}
