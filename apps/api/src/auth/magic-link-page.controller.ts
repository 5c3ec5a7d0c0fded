import { Controller, Get, Header, Headers } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from './auth.decorators.js';

const TEXT = {
  fr: {
    title: 'Connexion à Convene',
    button: 'Me connecter',
    done: 'Vous êtes connecté·e :',
    failed: 'Ce lien est invalide, expiré ou déjà utilisé. Demandez-en un nouveau.',
  },
  en: {
    title: 'Log in to Convene',
    button: 'Log me in',
    done: 'You are logged in:',
    failed: 'This link is invalid, expired or already used. Ask for a new one.',
  },
  es: {
    title: 'Entrar en Convene',
    button: 'Entrar',
    done: 'Ha entrado como:',
    failed: 'Este enlace no es válido, ha caducado o ya se usó. Pida uno nuevo.',
  },
} as const;

function pickLocale(acceptLanguage: string | undefined): keyof typeof TEXT {
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.trim().slice(0, 2).toLowerCase();
    if (tag === 'fr' || tag === 'en' || tag === 'es') return tag;
  }
  return 'en';
}

/**
 * Where the emailed login link lands. The token is only spent when the person presses
 * the button (a POST): mail scanners that open every link with GET would otherwise
 * burn it before its owner clicks. A few kilobytes, no external assets, for weak
 * mobile connections; a client app can replace it by setting PUBLIC_URL.
 */
@ApiExcludeController()
@Public()
@Controller('login')
export class MagicLinkPageController {
  @Get('magic')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  page(@Headers('accept-language') acceptLanguage?: string): string {
    const locale = pickLocale(acceptLanguage);
    const t = TEXT[locale];
    return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width"><title>${t.title}</title></head>
<body style="font-family:Arial,sans-serif;max-width:30em;margin:2em auto;padding:0 1em">
<h1 style="font-size:1.3em">${t.title}</h1>
<button id="go" style="font-size:1.1em;padding:.6em 1.2em">${t.button}</button>
<p id="out" role="status"></p>
<script>
document.getElementById('go').onclick = async function () {
  this.disabled = true;
  var token = new URLSearchParams(location.search).get('token') || '';
  var out = document.getElementById('out');
  try {
    var res = await fetch('/api/auth/magic-link/verify', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: token }) });
    if (!res.ok) throw new Error();
    var body = await res.json();
    localStorage.setItem('convene.accessToken', body.accessToken);
    out.textContent = ${JSON.stringify(t.done)} + ' ' + body.account.name + ' (' + body.account.email + ')';
  } catch (e) {
    out.textContent = ${JSON.stringify(t.failed)};
    this.disabled = false;
  }
};
</script></body></html>`;
  }
}
