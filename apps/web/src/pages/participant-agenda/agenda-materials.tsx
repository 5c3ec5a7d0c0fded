import type { AgendaMaterial } from '#sharing';
import type { WebContext } from '../../http/web-context.js';

const extensionOf = (fileName: string) => /\.([a-z]+)$/.exec(fileName)?.[1] ?? '';

/** Where a participant downloads a document (the sharing pages check who may, again). */
export const materialHref = (slug: string, m: AgendaMaterial) =>
  `/e/${slug}/materials/${m.id}/download`;

/**
 * A session's (or the event's) documents on an agenda page: each a download link with its
 * type and size in words, so a participant on a slow line knows what a tap will cost.
 */
export function AgendaMaterialList(props: {
  ctx: WebContext;
  slug: string;
  materials: AgendaMaterial[] | undefined;
  /** A heading in front of the list (the session page and the event agenda have one). */
  heading?: string;
  headingLevel?: 2 | 3;
}) {
  const { ctx, slug, materials } = props;
  if (!materials || materials.length === 0) return null;
  const t = ctx.t.sharing.materials;
  const words = ctx.t.agendaMaterials;
  const list = (
    <ul class="pa-docs plain">
      {materials.map((m) => (
        <li>
          <a
            href={materialHref(slug, m)}
            download={m.fileName}
            dir="auto"
            aria-label={t.downloadNamed(m.title)}
          >
            {m.title}
          </a>{' '}
          <span class="pa-doc-details">
            (
            {words.details(
              t.types[extensionOf(m.fileName)] ?? '',
              t.size(Math.ceil(m.sizeBytes / 1024)),
            )}
            )
          </span>
        </li>
      ))}
    </ul>
  );
  if (!props.heading) return list;
  const Heading = props.headingLevel === 3 ? 'h3' : 'h2';
  return (
    <section class="pa-docs-section">
      <Heading>{props.heading}</Heading>
      {list}
    </section>
  );
}
