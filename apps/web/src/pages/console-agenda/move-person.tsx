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
 * Moving one person: a select of the sessions posting to the move action. In a row of the
 * session's list (`inRow`) it is compact and its label is for screen readers (the row says
 * who); on the person's own page the select takes the width, to show whole titles.
 */
export function MovePersonForm(props: {
  ctx: WebContext;
  /** The session's console path. */
  base: string;
  person: Pick<ListPerson, 'signupId' | 'name'>;
  targets: SessionView[];
  inRow?: boolean;
}) {
  const { ctx, base, person: p, inRow } = props;
  const t = ctx.t.consoleAgenda;
  const id = inRow ? `move-${p.signupId}` : 'toSessionId';
  const label = (
    <label class={inRow ? 'visually-hidden' : undefined} for={id} dir="auto">
      {t.moveToLabel(p.name)}
    </label>
  );
  const select = (
    <select id={id} name="toSessionId">
      {props.targets.map((s) => (
        <option value={s.id}>
          {s.title} ({dayLabel(localDay(s.startsAt), ctx.locale)} {s.startsAt.slice(11, 16)})
        </option>
      ))}
    </select>
  );
  const action = `${base}/signups/${p.signupId}/move`;
  return inRow ? (
    <Form ctx={ctx} action={action} class="ca-move-person">
      {label}
      {select}
      <button type="submit" class="btn small secondary">
        {t.movePerson}
        <span class="visually-hidden"> {p.name}</span>
      </button>
    </Form>
  ) : (
    <Form ctx={ctx} action={action} class="card ca-move-one">
      <div class="field">
        {label}
        {select}
      </div>
      <div class="row">
        <button type="submit" class="btn">
          {t.movePerson}
        </button>
        <a href={base}>{t.backToSession}</a>
      </div>
    </Form>
  );
}
