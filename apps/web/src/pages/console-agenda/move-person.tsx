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

function SessionOptions(props: { ctx: WebContext; targets: SessionView[] }) {
  return (
    <>
      {props.targets.map((s) => (
        <option value={s.id}>
          {s.title} ({dayLabel(localDay(s.startsAt), props.ctx.locale)} {s.startsAt.slice(11, 16)})
        </option>
      ))}
    </>
  );
}

/** The compact form in a row of the session's list: the row says who, so the label is for screen readers. */
export function MovePersonRowForm(props: {
  ctx: WebContext;
  /** The session's console path. */
  base: string;
  person: Pick<ListPerson, 'signupId' | 'name'>;
  targets: SessionView[];
}) {
  const { ctx, base, person: p } = props;
  const t = ctx.t.consoleAgenda;
  const id = `move-${p.signupId}`;
  return (
    <Form ctx={ctx} action={`${base}/signups/${p.signupId}/move`} class="ca-move-person">
      <label class="visually-hidden" for={id}>
        {t.moveToLabel(p.name)}
      </label>
      <select id={id} name="toSessionId">
        <SessionOptions ctx={ctx} targets={props.targets} />
      </select>
      <button type="submit" class="btn small secondary">
        {t.movePerson}
        <span class="visually-hidden"> {p.name}</span>
      </button>
    </Form>
  );
}

/** The same move on the person's own page: a full-width select that shows whole titles. */
export function MovePersonPageForm(props: {
  ctx: WebContext;
  base: string;
  person: Pick<ListPerson, 'signupId' | 'name'>;
  targets: SessionView[];
}) {
  const { ctx, base, person: p } = props;
  const t = ctx.t.consoleAgenda;
  return (
    <Form ctx={ctx} action={`${base}/signups/${p.signupId}/move`} class="card ca-move-one">
      <div class="field">
        <label for="toSessionId" dir="auto">
          {t.moveToLabel(p.name)}
        </label>
        <select id="toSessionId" name="toSessionId">
          <SessionOptions ctx={ctx} targets={props.targets} />
        </select>
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
