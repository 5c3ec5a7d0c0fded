/** What a template decides; the layout turns it into a text part and a small HTML part. */
export interface EmailContent {
  subject: string;
  greeting: string;
  paragraphs: string[];
  /** Free text written by a person (an announcement): kept as typed, line breaks included. */
  quote?: string;
  details?: Array<[label: string, value: string]>;
  action?: { label: string; url: string };
  /** Why this person receives this email. */
  footer: string;
  signature: string;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Only http(s) links become clickable; anything else is shown as text. */
const safeUrl = (url: string) => (/^https?:\/\//i.test(url) ? url : '#');

/** Subjects are one line: a newline in a subject would be a header injection. */
const oneLine = (value: string) => value.replace(/[\r\n]+/g, ' ').trim();

export function renderLayout(content: EmailContent, lang: string): RenderedEmail {
  const subject = oneLine(content.subject);
  const text = [
    content.greeting,
    ...content.paragraphs,
    content.quote,
    content.details?.map(([label, value]) => `${label}: ${value}`).join('\n'),
    content.action ? `${content.action.label}:\n${content.action.url}` : undefined,
    content.signature,
    `--\n${content.footer}`,
  ]
    .filter((part): part is string => Boolean(part))
    .join('\n\n');

  const p = (s: string) => `<p style="margin:0 0 14px">${escapeHtml(s)}</p>`;
  const quote = content.quote
    ? `<div style="margin:0 0 14px;padding:8px 12px;border-left:3px solid #2b6cb0">${content.quote
        .split(/\n{2,}/)
        .map(
          (block) => `<p style="margin:0 0 10px">${escapeHtml(block).replace(/\n/g, '<br>')}</p>`,
        )
        .join('')}</div>`
    : '';
  const details = content.details?.length
    ? `<table role="presentation" style="margin:0 0 14px;border-collapse:collapse">${content.details
        .map(
          ([label, value]) =>
            `<tr><td style="padding:2px 12px 2px 0;color:#555;vertical-align:top">${escapeHtml(label)}</td><td style="padding:2px 0">${escapeHtml(value)}</td></tr>`,
        )
        .join('')}</table>`
    : '';
  const action = content.action
    ? `<p style="margin:0 0 14px"><a href="${escapeHtml(safeUrl(content.action.url))}" style="display:inline-block;padding:10px 16px;background:#2b6cb0;color:#fff;text-decoration:none;border-radius:4px">${escapeHtml(content.action.label)}</a></p><p style="margin:0 0 14px;font-size:12px;color:#555;word-break:break-all">${escapeHtml(content.action.url)}</p>`
    : '';
  const html =
    `<!doctype html><html lang="${escapeHtml(lang)}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head>` +
    `<body style="margin:0;padding:16px;font-family:Arial,sans-serif;font-size:15px;line-height:1.4;color:#222">` +
    `<div style="max-width:560px;margin:0 auto">` +
    p(content.greeting) +
    content.paragraphs.map(p).join('') +
    quote +
    details +
    action +
    p(content.signature) +
    `<hr style="border:0;border-top:1px solid #ddd;margin:20px 0 10px">` +
    `<p style="margin:0;font-size:12px;color:#666">${escapeHtml(content.footer).replace(/\n/g, '<br>')}</p>` +
    `</div></body></html>`;
  return { subject, text, html };
}
