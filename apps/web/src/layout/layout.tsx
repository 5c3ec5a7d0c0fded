import type { ComponentChildren } from 'preact';
import { render as renderToString } from 'preact-render-to-string';
import { LOCALES } from '#core';
import { pageAssets } from '../assets/bundle.js';
import { ActionButton } from '../components/form.js';
import type { WebContext } from '../http/web-context.js';

export interface PageOptions {
  title: string;
  /** Console and grids use the laptop width; participant pages a reading width. */
  wide?: boolean;
  children: ComponentChildren;
}

/** The same path with ?lang=xx, keeping the rest of the query. */
function withLang(path: string, lang: string): string {
  const url = new URL(path, 'http://x');
  url.searchParams.set('lang', lang);
  return `${url.pathname}${url.search}`;
}

function isCurrent(ctx: WebContext, href: string): boolean {
  const path = ctx.path.split('?')[0];
  return href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`);
}

function NavLink(props: { ctx: WebContext; href: string; children: ComponentChildren }) {
  return (
    <li>
      <a href={props.href} aria-current={isCurrent(props.ctx, props.href) ? 'page' : undefined}>
        {props.children}
      </a>
    </li>
  );
}

function Header({ ctx }: { ctx: WebContext }) {
  const t = ctx.t.common;
  const staff = ctx.roles.includes('organiser') || ctx.actor?.platformRole === 'admin';
  const host = ctx.roles.includes('host');
  return (
    <header class="site-header">
      <div class="bar">
        <a class="brand" href="/">
          {t.appName}
        </a>
        <nav aria-label={t.mainNav}>
          <ul class="nav">
            <NavLink ctx={ctx} href="/">
              {t.home}
            </NavLink>
            {ctx.actor && (
              <>
                <NavLink ctx={ctx} href="/my/registrations">
                  {t.myRegistrations}
                </NavLink>
                <NavLink ctx={ctx} href="/my/agenda">
                  {t.myAgenda}
                </NavLink>
                <NavLink ctx={ctx} href="/programmes">
                  {ctx.t.exchanges.navLink}
                </NavLink>
                {host && (
                  <NavLink ctx={ctx} href="/host">
                    {t.hostPages}
                  </NavLink>
                )}
                {staff && (
                  <NavLink ctx={ctx} href="/console">
                    {t.console}
                  </NavLink>
                )}
                <NavLink ctx={ctx} href="/my/data">
                  {t.myData}
                </NavLink>
                <li>
                  <ActionButton ctx={ctx} action="/signout" label={t.signOut} variant="linkish" />
                </li>
              </>
            )}
            {!ctx.actor && (
              <NavLink ctx={ctx} href={`/signin?next=${encodeURIComponent(ctx.path)}`}>
                {t.signIn}
              </NavLink>
            )}
          </ul>
        </nav>
        <ul class="langs" aria-label={t.language}>
          {LOCALES.map((l) => (
            <li>
              <a
                href={withLang(ctx.path, l)}
                lang={l}
                hrefLang={l}
                aria-current={l === ctx.locale ? 'true' : undefined}
              >
                {t.languageNames[l]}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </header>
  );
}

function Layout(props: PageOptions & { ctx: WebContext }) {
  const { ctx } = props;
  const assets = pageAssets(ctx.path);
  return (
    <html lang={ctx.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · ${ctx.t.common.appName}`}</title>
        {/* No favicon request (and no 404 page) on every first visit over a slow link. */}
        <link rel="icon" href="data:," />
        {ctx.inlineStylesheet ? (
          <>
            {/* A first visit: no second round trip before the page can paint. The CSP allows
                this element by its hash. Fetched afterwards, when the link is idle, for the
                next pages to link (assets.controller.ts sets the cookie that says so). */}
            <style dangerouslySetInnerHTML={{ __html: assets.stylesheetText }} />
            <link rel="prefetch" href={assets.stylesheet.path} as="style" />
          </>
        ) : (
          <link rel="stylesheet" href={assets.stylesheet.path} />
        )}
        <script src={assets.script.path} defer />
      </head>
      <body>
        <a class="skip" href="#main">
          {ctx.t.common.skipToContent}
        </a>
        <Header ctx={ctx} />
        <main id="main" class={props.wide ? 'wide' : undefined}>
          {ctx.flash && (
            <p class="flash" role="status">
              {ctx.flash}
            </p>
          )}
          {props.children}
        </main>
        <footer class="site-footer">
          <p>
            {ctx.t.common.footer}. {ctx.t.common.privacyNote}
          </p>
        </footer>
      </body>
    </html>
  );
}

/**
 * A whole HTML document: the layout around a page's content, escaped by Preact.
 *
 * Long tables (a thousand people) write each row as its own component, not as elements
 * made in the page's `rows.map(...)`: Preact makes a component's elements as it writes it,
 * so each row's die young, where a thousand rows made at once lived through the whole
 * page's writing and the collector copied them with it (35-42 % of the rooms and finance
 * pages' time; bench/README, "Big console pages whose rows die young").
 */
export function renderPage(ctx: WebContext, options: PageOptions): string {
  return `<!doctype html>${renderToString(<Layout ctx={ctx} {...options} />)}`;
}
