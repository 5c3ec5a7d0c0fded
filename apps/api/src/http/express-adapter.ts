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
 * So the HTTP server is given request and response classes whose prototypes carry
 * everything Express's per-app prototypes carry; Express's own setPrototypeOf then finds
 * the prototype already in place, which V8 treats as nothing to do.
 */
export class ConveneExpressAdapter extends ExpressAdapter {
  private readonly serverOptions: http.ServerOptions;

  constructor(app: Express = express()) {
    super(app);
    class ConveneRequest extends http.IncomingMessage {}
    class ConveneResponse extends http.ServerResponse {}
    app.request = adoptPrototype(ConveneRequest, app.request, http.IncomingMessage.prototype);
    app.response = adoptPrototype(ConveneResponse, app.response, http.ServerResponse.prototype);
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

/**
 * Copies Express's prototype chain for one app (the app's prototype, then Express's
 * request or response methods, down to but not including Node's own) onto `cls`, and
 * returns `cls.prototype` to become the app's prototype.
 */
function adoptPrototype<T extends object>(
  cls: { prototype: object },
  expressPrototype: T,
  nodePrototype: object,
): T {
  const chain: object[] = [];
  for (let p: object | null = expressPrototype; p && p !== nodePrototype;) {
    chain.unshift(p);
    p = Object.getPrototypeOf(p) as object | null;
  }
  for (const layer of chain) {
    for (const key of Reflect.ownKeys(layer)) {
      Object.defineProperty(cls.prototype, key, Object.getOwnPropertyDescriptor(layer, key)!);
    }
  }
  return cls.prototype as T;
}
