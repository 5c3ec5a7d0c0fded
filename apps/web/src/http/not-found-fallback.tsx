import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Express, Request, Response } from 'express';
import { messagePage, visitorContext } from './message-page.js';
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
      const ctx = visitorContext(req);
      setPageSecurityHeaders(res);
      res.setHeader('Cache-Control', 'private, no-cache');
      const t = ctx.t.common;
      res
        .status(404)
        .type('html')
        .send(messagePage(ctx, t.notFoundTitle, t.notFoundBody));
    });
  }
}
