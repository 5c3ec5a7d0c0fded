import type { MySignup, SessionView } from '#agenda';
import { ActionButton } from '../../components/form.js';
import { InLanguage } from '../../components/in-language.js';
import type { WebContext } from '../../http/web-context.js';
import { languageName, timeRange } from './agenda-format.js';

export const sessionPath = (slug: string, id: string) => `/e/${slug}/sessions/${id}`;
export const agendaPath = (slug: string) => `/e/${slug}/agenda`;

/** Kinds everyone attends: no seat count or sign-up talk for them. */
const EVERYONE_KINDS = new Set(['plenary', 'meal', 'break']);

/** The caller's mark on a session: signed up, waiting (with the place), or leading it. */
export function Mark(props: { ctx: WebContext; hold?: MySignup; leads?: boolean }) {
  const t = props.ctx.t.agenda.mark;
  if (props.leads) return <span class="badge pa-lead">{t.facilitating}</span>;
  if (!props.hold) return null;
  return props.hold.status === 'confirmed' ? (
    <span class="badge ok">{t.confirmed}</span>
  ) : (
    <span class="badge wait">{t.waitlisted(props.hold.position)}</span>
  );
}

/** "Salle Bleue · En français, interprétation en anglais · Avec Awa, Samira". */
export function SessionMeta(props: { ctx: WebContext; s: SessionView; noRoom?: boolean }) {
  const { ctx, s } = props;
  const t = ctx.t.agenda;
  const parts: string[] = [];
  // The session page already says the room under "Where".
  if (s.room?.name && !props.noRoom) parts.push(s.room.name);
  if (s.language) {
    const interp = s.interpretationLanguages.filter((l) => l !== s.language);
    parts.push(
      t.inLanguage(languageName(ctx.t, s.language)) +
        (interp.length ? `, ${t.interpretation(interp.map((l) => languageName(ctx.t, l)))}` : ''),
    );
  }
  const people = [
    ...s.facilitators.map((f) => f.name),
    ...s.externalFacilitators.map((f) => f.name),
  ];
  if (people.length) parts.push(`${t.with} ${people.join(', ')}`);
  if (parts.length === 0) return null;
  return (
    <p class="pa-meta" dir="auto">
      {parts.join(' · ')}
    </p>
  );
}

/** Seats left, full, people waiting: only for sessions that take sign-ups. */
export function Seats(props: { ctx: WebContext; s: SessionView }) {
  const { ctx, s } = props;
  const t = ctx.t.agenda;
  if (s.status === 'cancelled') return <p class="badge bad">{t.cancelledBadge}</p>;
  if (!s.signupRequired) {
    return EVERYONE_KINDS.has(s.kind) ? null : <p class="pa-seats muted">{t.openToAll}</p>;
  }
  if (s.seats.remaining === null) return null;
  return (
    <p class="pa-seats">
      {s.seats.remaining > 0 ? t.seatsLeft(s.seats.remaining) : <strong>{t.full}</strong>}
      {s.seats.waitlisted > 0 && ` · ${t.waitingCount(s.seats.waitlisted)}`}
    </p>
  );
}

/**
 * What the person can do: sign up (or join the waiting list), cancel, or for a visit
 * with rules go to its page to accept them first. Every action is a POST form.
 */
export function SignupAction(props: {
  ctx: WebContext;
  slug: string;
  s: SessionView;
  hold?: MySignup;
  back?: string;
  /** False for someone signed in without a confirmed registration (a host, an organiser). */
  mayJoin?: boolean;
  /** Say why there is no button (a session's page), rather than showing nothing (a list). */
  explain?: boolean;
}) {
  const { ctx, slug, s, hold } = props;
  const t = ctx.t.agenda;
  if (!s.signupRequired || s.status !== 'published') return null;
  const path = sessionPath(slug, s.id);
  if (!ctx.actor) {
    return (
      <p>
        <a href={`/signin?next=${encodeURIComponent(path)}`}>{t.signInToSignUp}</a>
      </p>
    );
  }
  if (hold) {
    return (
      <ActionButton
        ctx={ctx}
        action={`${path}/cancel`}
        label={hold.status === 'confirmed' ? t.cancelPlace : t.leaveWaitlist}
        variant="secondary"
        confirm={t.confirmCancel}
        hidden={props.back ? { back: props.back } : undefined}
      />
    );
  }
  // The button would only be refused: a host or an organiser sees who may sign up instead.
  if (props.mayJoin === false) {
    return props.explain ? <p class="muted">{t.participantsOnly}</p> : null;
  }
  const full = s.seats.remaining !== null && s.seats.remaining <= 0;
  const label = full ? t.joinWaitlist : t.signUp;
  if ((s.siteVisit?.rules.length ?? 0) > 0) {
    return (
      <p>
        <a class="btn" href={`${path}#signup`}>
          {label}
        </a>
      </p>
    );
  }
  return (
    <ActionButton
      ctx={ctx}
      action={`${path}/signup`}
      label={label}
      hidden={props.back ? { back: props.back } : undefined}
    />
  );
}

/** One session in a day's list. */
export function AgendaItem(props: {
  ctx: WebContext;
  slug: string;
  zone: string;
  s: SessionView;
  hold?: MySignup;
  back: string;
  mayJoin: boolean;
}) {
  const { ctx, slug, s } = props;
  const leads = !!ctx.actor && s.facilitators.some((f) => f.accountId === ctx.actor?.accountId);
  return (
    <li
      class={`pa-item pa-${s.kind}${s.status === 'cancelled' ? ' pa-cancelled' : ''}`}
      id={`s-${s.id}`}
    >
      <p class="pa-time">{timeRange(s.startsAt, s.endsAt, props.zone, ctx.locale)}</p>
      <div class="pa-body">
        <p class="pa-tags">
          <span class="pa-kind">{ctx.t.agenda.kinds[s.kind]}</span>{' '}
          <Mark ctx={ctx} hold={props.hold} leads={leads} />
        </p>
        <h3 dir="auto">
          <a href={sessionPath(slug, s.id)}>
            <InLanguage ctx={ctx} text={s.title} language={s.titleLanguage} />
          </a>
        </h3>
        <SessionMeta ctx={ctx} s={s} />
        <Seats ctx={ctx} s={s} />
        <SignupAction
          ctx={ctx}
          slug={slug}
          s={s}
          hold={props.hold}
          back={props.back}
          mayJoin={props.mayJoin}
        />
      </div>
    </li>
  );
}
