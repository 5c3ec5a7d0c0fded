import { Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { WebSessionsService } from '#accounts';
import { APP_CONFIG, type AppConfig } from '#core';
import { cookieOptions, parseCookies, secureCookies, SESSION_COOKIE } from './cookies.js';

/** Starts and ends the browser's session: the row in web_sessions and the cookie that names it. */
@Injectable()
export class SessionCookie {
  private readonly secure: boolean;

  constructor(
    private readonly sessions: WebSessionsService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.secure = secureCookies(config.publicUrl);
  }

  async start(res: Response, accountId: string): Promise<void> {
    const token = await this.sessions.start(accountId);
    // A session cookie (no Max-Age): the server-side row decides how long it lives.
    res.cookie(SESSION_COOKIE, token, cookieOptions(this.secure));
  }

  async end(req: Request, res: Response): Promise<void> {
    const token = parseCookies(req.headers.cookie)[SESSION_COOKIE];
    if (token) await this.sessions.end(token);
    res.clearCookie(SESSION_COOKIE, cookieOptions(this.secure));
  }
}
