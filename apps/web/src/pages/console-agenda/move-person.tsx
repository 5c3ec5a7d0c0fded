import type { ListPerson, SessionView } from '#agenda';
import { Form } from '../../components/form.js';
import type { WebContext } from '../../http/web-context.js';
import type { AgendaData } from './agenda-data.js';
import { dayLabel, localDay } from './agenda-words.js';

/** Where people can be moved from a session: a published session of the event that takes sign-ups. */
export function moveTargets(data: AgendaData, fromSessionId: string): SessionView[] {
  return data.sessions.filter(
    (s) => s.status === 'published' && s.signupRequired && s.id !== fromSessionId,
  );
}

/**
 * The select of sessions and its button, posting to the existing move action. In a row of
 * the session's list the label is for screen readers only (the row says who); on the
 * person's own page it is shown.
 */
export function MovePersonForm(props: {
  ctx: WebContext;
  /** The session's console path. */
  base: string;
  person: Pick<ListPerson, 'signupId' | 'name'>;
  targets: SessionView[];
  hiddenLabel?: boolean;
}) {
  const { ctx, base, person: p, targets } = props;
  const t = ctx.t.consoleAgenda;
  const id = `move-${p.signupId}`;
  return (
    <Form ctx={ctx} action={`${base}/signups/${p.signupId}/move`} class="ca-move-person">
      <label class={props.hiddenLabel ? 'visually-hidden' : undefined} for={id}>
        {t.moveToLabel(p.name)}
      </label>
      <select id={id} name="toSessionId">
        {targets.map((s) => (
          <option value={s.id}>
            {s.title} ({dayLabel(localDay(s.startsAt), ctx.locale)} {s.startsAt.slice(11, 16)})
          </option>
        ))}
      </select>
      <button type="submit" class="btn small secondary">
        {t.movePerson}
        {props.hiddenLabel && <span class="visually-hidden"> {p.name}</span>}
      </button>
    </Form>
  );
}
