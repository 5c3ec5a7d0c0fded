import type { WebContext } from '../http/web-context.js';

/**
 * A text as written: when it is not in the reader's language (no translation yet) it
 * carries its own `lang` and says which language it is in ("(in French)").
 */
export function InLanguage(props: { ctx: WebContext; text: string; language: string | null }) {
  const { ctx, language } = props;
  const words = ctx.t.agenda.writtenIn as Record<string, string>;
  if (!language || language === ctx.locale || !words[language]) return <>{props.text}</>;
  return (
    <>
      <span lang={language}>{props.text}</span> <small class="pa-lang">({words[language]})</small>
    </>
  );
}
