import type { Conflict, SessionView } from '#agenda';
import type { EventView } from '#events';
import type { WebContext } from '../../http/web-context.js';
import {
  type ConflictContext,
  conflictText,
  conflictsOf,
  dayLabel,
  hhmm,
  localDay,
  localTime,
  minutesOf,
} from './agenda-words.js';
import { formatCount } from '#i18n';

const ROW_MINUTES = 15;
/** Stands for a title in a sentence, where a link goes. */
const MARK = '\u0001';
const DAY_START = 8 * 60;
const DAY_END = 20 * 60;

interface Placed {
  session: SessionView;
  start: number;
  end: number;
  lane: number;
}

interface Column {
  key: string;
  label: string;
  roomId: string | null;
  capacity: number | null;
  placed: Placed[];
  lanes: number;
}

/** Minutes since the day's midnight of a session's start and end, clipped to that day. */
function span(s: SessionView, day: string): { start: number; end: number } {
  const start = localDay(s.startsAt) < day ? 0 : minutesOf(localTime(s.startsAt));
  const end = localDay(s.endsAt) > day ? 24 * 60 : minutesOf(localTime(s.endsAt));
  return { start, end: Math.max(end, start + ROW_MINUTES) };
}

/** Side-by-side lanes inside one room's column, so overlapping sessions both stay visible. */
function placeInLanes(sessions: SessionView[], day: string): { placed: Placed[]; lanes: number } {
  const ends: number[] = [];
  const placed = sessions
    .map((session) => ({ session, ...span(session, day) }))
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .map((p) => {
      let lane = ends.findIndex((end) => end <= p.start);
      if (lane === -1) {
        lane = ends.length;
        ends.push(p.end);
      } else ends[lane] = p.end;
      return { ...p, lane };
    });
  return { placed, lanes: Math.max(1, ends.length) };
}

/** An event's agenda in the console, on one day's tab if given. */
export const agendaPath = (eventId: string, day?: string) =>
  `/console/events/${eventId}/agenda${day ? `?day=${day}` : ''}`;

export const sessionPath = (eventId: string, sessionId: string) =>
  `/console/events/${eventId}/agenda/sessions/${sessionId}`;

/**
 * One day of the agenda as a CSS grid: rooms as columns (a session without a room in a
 * column of its own), 15-minute rows from 08:00 to 20:00 (wider when sessions are
 * earlier or later), each session placed by its start and end with its conflicts
 * written on it.
 */
export function AgendaGrid(props: {
  ctx: WebContext;
  event: EventView;
  day: string;
  sessions: SessionView[];
  rooms: Array<{ id: string; name: string; capacity: number | null }>;
  conflicts: Conflict[];
  names: ConflictContext;
}) {
  const { ctx, event, day } = props;
  const t = ctx.t.consoleAgenda;
  const onDay = props.sessions.filter(
    (s) => s.status !== 'cancelled' && localDay(s.startsAt) <= day && localDay(s.endsAt) >= day,
  );
  // A session of the day before that ends at midnight has nothing on this day.
  const visible = onDay.filter(
    (s) =>
      !(
        localDay(s.startsAt) < day &&
        localDay(s.endsAt) === day &&
        localTime(s.endsAt) === '00:00'
      ),
  );

  const columns: Column[] = [
    ...props.rooms.map((r) => ({
      key: r.id,
      label: r.name,
      roomId: r.id as string | null,
      capacity: r.capacity,
      ...placeInLanes(
        visible.filter((s) => s.room?.id === r.id),
        day,
      ),
    })),
    {
      key: 'none',
      label: t.noRoom,
      roomId: null,
      capacity: null,
      ...placeInLanes(
        visible.filter((s) => !s.room),
        day,
      ),
    },
  ];

  let from = DAY_START;
  let to = DAY_END;
  for (const c of columns) {
    for (const p of c.placed) {
      from = Math.min(from, Math.floor(p.start / 60) * 60);
      to = Math.max(to, Math.ceil(p.end / 60) * 60);
    }
  }
  const rows = (to - from) / ROW_MINUTES;
  const rowOf = (minutes: number) => Math.floor((minutes - from) / ROW_MINUTES) + 2;

  const template = [
    '4rem',
    ...columns.map((c) => `repeat(${c.lanes}, minmax(${c.lanes > 1 ? 6 : 9}rem, 1fr))`),
  ].join(' ');
  let nextColumn = 2;
  const columnStart = columns.map((c) => {
    const start = nextColumn;
    nextColumn += c.lanes;
    return start;
  });
  const hours: number[] = [];
  for (let m = from; m < to; m += 60) hours.push(m);
  const newPath = `/console/events/${event.id}/agenda/sessions/new?day=${day}`;

  return (
    <div class="ca-grid-wrap">
      <div
        class="ca-grid"
        data-day={day}
        data-from={from}
        style={`grid-template-columns:${template};grid-template-rows:auto repeat(${rows}, var(--ca-row))`}
      >
        <div class="ca-corner" style="grid-row:1;grid-column:1">
          {t.time}
        </div>
        {hours.map((m) => (
          <>
            <div class="ca-hour" style={`grid-row:${rowOf(m)} / span 4;grid-column:1`}>
              {hhmm(m)}
            </div>
            <div
              class="ca-line"
              aria-hidden="true"
              style={`grid-row:${rowOf(m)} / span 4;grid-column:2 / -1`}
            />
          </>
        ))}
        {columns.map((c, i) => (
          <>
            <div
              class={`ca-room${c.roomId ? '' : ' ca-room-none'}`}
              data-room={c.roomId ?? ''}
              style={`grid-row:1;grid-column:${columnStart[i]} / span ${c.lanes}`}
            >
              <h3 class="ca-room-name">{c.label}</h3>
              {c.capacity != null && (
                <span class="ca-room-cap">({formatCount(ctx.locale, c.capacity)})</span>
              )}{' '}
              <a
                class="ca-add no-print"
                href={c.roomId ? `${newPath}&roomId=${c.roomId}` : newPath}
                aria-label={t.addSessionIn(c.label)}
              >
                +
              </a>
            </div>
            {c.placed.map((p) => {
              const s = p.session;
              const mine = conflictsOf(props.conflicts, s.id);
              return (
                <article
                  class={`ca-block ca-kind-${s.kind}${mine.length ? ' ca-clash' : ''}${s.status === 'draft' ? ' ca-draft' : ''}`}
                  style={`grid-row:${rowOf(p.start)} / ${Math.max(rowOf(p.end), rowOf(p.start) + 1)};grid-column:${columnStart[i] + p.lane}`}
                  data-session={s.id}
                  {...(localDay(s.startsAt) === localDay(s.endsAt)
                    ? {
                        draggable: true,
                        'data-move': `${sessionPath(event.id, s.id)}/move`,
                        'data-start': p.start,
                        'data-end': p.end,
                      }
                    : {})}
                >
                  <h4 class="ca-title">
                    <a href={sessionPath(event.id, s.id)}>{s.title}</a>
                  </h4>
                  <p class="ca-meta">
                    {t.kinds[s.kind]} · {localTime(s.startsAt)}–{localTime(s.endsAt)}
                    {s.status === 'draft' && <> · {t.statuses.draft}</>}
                    {s.signupRequired && s.capacity != null && (
                      <>
                        {' · '}
                        <span aria-hidden="true">
                          {formatCount(ctx.locale, s.seats.confirmed)}/
                          {formatCount(ctx.locale, s.capacity)}
                        </span>
                        <span class="visually-hidden">
                          {t.seats(s.seats.confirmed, s.capacity)}
                        </span>
                      </>
                    )}
                  </p>
                  {mine.length > 0 && (
                    <ul class="ca-reasons">
                      {mine.map((c) => (
                        <li>
                          <strong>{t.conflictMark}:</strong>{' '}
                          {conflictText(ctx, c, s.id, props.names)}
                        </li>
                      ))}
                    </ul>
                  )}
                </article>
              );
            })}
          </>
        ))}
      </div>
      {visible.length === 0 && <p class="muted">{t.emptyDay}</p>}
    </div>
  );
}

/** Every conflict of the event, each with links to its sessions and to its day. */
export function ConflictList(props: {
  ctx: WebContext;
  event: EventView;
  conflicts: Conflict[];
  sessions: SessionView[];
  names: ConflictContext;
}) {
  const { ctx, event } = props;
  const t = ctx.t.consoleAgenda;
  const byId = new Map(props.sessions.map((s) => [s.id, s]));
  return (
    <>
      <p>{t.conflictsCount(props.conflicts.length)}</p>
      {props.conflicts.length > 0 && (
        <ul class="ca-conflicts">
          {props.conflicts.map((c) => {
            const first = byId.get(c.sessionIds[0]);
            const other = c.sessionIds[1] ? byId.get(c.sessionIds[1]) : undefined;
            const day = first ? localDay(first.startsAt) : undefined;
            // The other session's title becomes a link inside the sentence itself.
            const [before, after] = conflictText(
              ctx,
              c,
              c.sessionIds[0],
              props.names,
              other ? MARK : undefined,
            ).split(MARK);
            return (
              <li>
                {first && (
                  <>
                    <a href={sessionPath(event.id, first.id)}>{first.title}</a>
                    {' — '}
                  </>
                )}
                {before}
                {other && after !== undefined && (
                  <>
                    <a href={sessionPath(event.id, other.id)}>{other.title}</a>
                    {after}
                  </>
                )}
                {day && (
                  <>
                    {' · '}
                    <a href={`/console/events/${event.id}/agenda?day=${day}`}>
                      {dayLabel(day, ctx.locale)} {first ? localTime(first.startsAt) : ''}
                    </a>
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
