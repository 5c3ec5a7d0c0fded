import type { NestApplicationOptions } from '@nestjs/common';
import { ExpressAdapter } from '@nestjs/platform-express';
import express, { type Express } from 'express';
import http from 'node:http';

/**
 * Express gives each request its own prototype by calling Object.setPrototypeOf on the
 * request and the response, every time. V8 then keeps those objects and everything they
 * reach alive past the next young collection: on a bare Express app answering one route,
 * 29 % of the young generation survived each scavenge and a full collection ran three times
 * a second, against 0.1 % and none once the objects were born with Express's prototype
 * (twice the requests a second; bench/README, "Requests born with Express's prototype").
 *
 * So the HTTP server builds its requests and responses from subclasses of Node's whose
 * prototypes inherit from the app's, and the app adopts those prototypes as its own:
 * Express's per-request setPrototypeOf then finds the prototype already in place, which
 * V8 treats as nothing to do.
 */
export class ConveneExpressAdapter extends ExpressAdapter {
  private readonly serverOptions: http.ServerOptions;

  constructor(app: Express = express()) {
    super(app);
    class ConveneRequest extends http.IncomingMessage {}
    class ConveneResponse extends http.ServerResponse {}
    // Once, at start: the app's prototypes (and through them Express's) stay inherited.
    Object.setPrototypeOf(ConveneRequest.prototype, app.request);
    Object.setPrototypeOf(ConveneResponse.prototype, app.response);
    app.request = ConveneRequest.prototype as Express['request'];
    app.response = ConveneResponse.prototype as Express['response'];
    this.serverOptions = {
      IncomingMessage: ConveneRequest,
      ServerResponse: ConveneResponse as http.ServerOptions['ServerResponse'],
    };
  }

  override initHttpServer(options: NestApplicationOptions): void {
    // Nest's own server for what Convene does not use (TLS in the process, connection
    // tracking at shutdown): the classes matter for speed only, never for behaviour.
    if (options.httpsOptions || options.forceCloseConnections || options.return503OnClosing) {
      super.initHttpServer(options);
      return;
    }
    this.httpServer = http.createServer(this.serverOptions, this.getInstance<Express>());
  }
}
