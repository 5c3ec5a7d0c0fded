import type { ComponentChildren } from 'preact';
import type { DeskPerson } from '#onsite';
import { Form } from '../../components/form.js';
import type { WebContext } from '../../http/web-context.js';

/** What a scan came to, said in big letters: present, already present, or not valid. */
export interface Outcome {
  tone: 'ok' | 'again' | 'bad';
  text: string;
  note?: string;
}

export const checkinPath = (eventId: string) => `/console/events/${eventId}/check-in`;
export const dayPath = (eventId: string) => `${checkinPath(eventId)}/day`;
export const doorPath = (eventId: string, sessionId: string) =>
  `${checkinPath(eventId)}/sessions/${sessionId}`;

/** The result of the last scan; the script swaps this block in place after each scan. */
export function ResultBlock(props: { outcome?: Outcome }) {
  const o = props.outcome;
  return (
    <div id="ci-result" class={`ci-result${o ? ` ci-${o.tone}` : ''}`} role="status">
      {o && (
        <>
          <p class="ci-big">{o.text}</p>
          {o.note && <p class="ci-note">{o.note}</p>}
        </>
      )}
    </div>
  );
}

/**
 * The scanning page's body: result, camera (shown by the script when the browser reads
 * codes), the code typed by hand, and a search by name that works without JavaScript.
 */
export function ScanPage(props: {
  ctx: WebContext;
  action: string;
  outcome?: Outcome;
  count: string;
  query: string;
  people: DeskPerson[] | null;
  /** The person's state on this page: present since when, or null. */
  presence: (p: DeskPerson) => string | null;
  children?: ComponentChildren;
}) {
  const { ctx } = props;
  const t = ctx.t.checkin;
  return (
    <div class="ci-page" data-ci-action={props.action}>
      <ResultBlock outcome={props.outcome} />
      <p class="ci-count" id="ci-count">
        {props.count}
      </p>
      <p
        id="ci-queue"
        class="ci-queue"
        role="status"
        hidden
        data-words-one={t.queued(1)}
        data-words-many={t.queued(1000001).replace('1000001', '{n}')}
      ></p>
      <section class="ci-camera" id="ci-camera" hidden aria-labelledby="ci-camera-title">
        <h2 id="ci-camera-title">{t.scanTitle}</h2>
        <video id="ci-video" muted playsInline aria-label={t.scanTitle}></video>
        <p>
          <button
            type="button"
            class="btn"
            id="ci-camera-toggle"
            data-start={t.cameraStart}
            data-stop={t.cameraStop}
          >
            {t.cameraStart}
          </button>
        </p>
      </section>
      <p class="ci-no-camera" id="ci-no-camera" hidden>
        {t.cameraUnavailable}
      </p>
      <Form ctx={ctx} action={props.action} class="ci-code-form" id="ci-code-form">
        <div class="field">
          <label for="ci-code">{t.codeLabel}</label>
          <span class="hint" id="ci-code-hint">
            {t.codeHint}
          </span>
          <input
            id="ci-code"
            name="code"
            type="text"
            autocomplete="off"
            autocapitalize="off"
            spellcheck={false}
            maxLength={500}
            dir="ltr"
            aria-describedby="ci-code-hint"
          />
        </div>
        <button type="submit" class="btn">
          {t.submitCode}
        </button>
      </Form>
      <section class="ci-search" aria-labelledby="ci-search-title">
        <h2 id="ci-search-title">{t.searchTitle}</h2>
        <form method="get" action={props.action} class="ci-search-form" role="search">
          <div class="field">
            <label for="ci-q">{t.searchLabel}</label>
            <input id="ci-q" name="q" type="search" value={props.query} maxLength={100} />
          </div>
          <button type="submit" class="btn secondary">
            {t.searchSubmit}
          </button>
        </form>
        {props.people !== null && props.people.length === 0 && (
          <p>{props.query.trim().length < 2 ? t.searchFirst : t.noMatch}</p>
        )}
        {props.people !== null && props.people.length > 0 && (
          <ul class="ci-people">
            {props.people.map((p) => {
              const present = props.presence(p);
              return (
                <li>
                  <span class="ci-person">
                    <bdi>{p.name}</bdi>
                    <span class="muted"> · {p.organisation}</span>
                  </span>
                  {present ? (
                    <span class="badge ok">{present}</span>
                  ) : (
                    <Form
                      ctx={ctx}
                      action={`${props.action}/people/${p.registrationId}`}
                      class="inline-form"
                    >
                      <input type="hidden" name="q" value={props.query} />
                      <button type="submit" class="btn small" aria-label={t.checkInPerson(p.name)}>
                        {t.checkInShort}
                      </button>
                    </Form>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>
      {props.children}
    </div>
  );
}
