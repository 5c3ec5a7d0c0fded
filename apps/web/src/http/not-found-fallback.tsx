import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Express, Request, Response } from 'express';
import { isLocale, messages, negotiateLocale } from '#i18n';
import { renderPage } from '../layout/layout.js';
import { LOCALE_COOKIE, parseCookies } from './cookies.js';
import { setPageSecurityHeaders } from './page-headers.js';

/**
 * The last handler, registered once every route is: an unknown /api path gets the API's
 * JSON error shape, any other path a 404 page in the visitor's language instead of
 * Express's bare "Cannot GET".
 */
@Injectable()
export class NotFoundFallback implements OnApplicationBootstrap {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onApplicationBootstrap(): void {
    const express = this.adapterHost.httpAdapter.getInstance<Express>();
    express.use((req: Request, res: Response) => {
      if (req.path === '/api' || req.path.startsWith('/api/')) {
        res.status(404).json({
          statusCode: 404,
          error: 'Not Found',
          message: `Cannot ${req.method} ${req.path}`,
        });
        return;
      }
      const remembered = parseCookies(req.headers.cookie)[LOCALE_COOKIE];
      const locale = isLocale(remembered)
        ? remembered
        : negotiateLocale(req.headers['accept-language']);
      const t = messages(locale).common;
      const ctx = {
        locale,
        t: messages(locale),
        roles: [],
        csrfToken: '',
        path: '/',
        publicUrl: '',
      };
      setPageSecurityHeaders(res);
      res.setHeader('Cache-Control', 'private, no-cache');
      res
        .status(404)
        .type('html')
        .send(
          renderPage(ctx, {
            title: t.notFoundTitle,
            children: (
              <>
                <h1>{t.notFoundTitle}</h1>
                <p>{t.notFoundBody}</p>
                <p>
                  <a href="/">{t.goHome}</a>
                </p>
              </>
            ),
          }),
        );
    });
  }
}
