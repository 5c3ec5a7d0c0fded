import { displayNames, type Locale } from '#core';
import type { MaterialView } from '#sharing';
import type { WebContext } from '../../http/web-context.js';

/** A language code in the reader's language ("vi" -> "vietnamien"). */
export function languageName(code: string, locale: Locale): string {
  try {
    return displayNames(locale, { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

const extensionOf = (fileName: string) => /\.([a-z]+)$/.exec(fileName)?.[1] ?? '';

/** The list of shared documents, each a download link; `remove` adds a delete button. */
export function MaterialList(props: {
  ctx: WebContext;
  materials: MaterialView[];
  href: (m: MaterialView) => string;
  remove?: (m: MaterialView) => preact.ComponentChildren;
}) {
  const t = props.ctx.t.sharing.materials;
  if (props.materials.length === 0) return <p class="hint">{t.none}</p>;
  return (
    <ul class="sh-list">
      {props.materials.map((m) => (
        <li class="sh-item">
          <a
            href={props.href(m)}
            download={m.fileName}
            dir="auto"
            aria-label={t.downloadNamed(m.title)}
          >
            {m.title}
          </a>
          <span class="hint">
            {' '}
            {t.types[extensionOf(m.fileName)] ?? ''} · {t.size(Math.ceil(m.sizeBytes / 1024))}
            {' · '}
            <span dir="auto">{m.sessionTitle ? t.forSession(m.sessionTitle) : t.eventWide}</span>
          </span>
          {props.remove?.(m)}
        </li>
      ))}
    </ul>
  );
}
