import type { ServerResponse } from 'node:http';

/**
 * Runs `listener` once, just before the response's status line and headers are written,
 * whoever writes them (Express's send, a stream piped into the response, an error filter):
 * Node's `end()` and first `write()` go through `writeHead` too. Headers passed to
 * `writeHead` itself are applied after the listener; nothing in Convene passes any.
 */
export function beforeHeadersSent(res: ServerResponse, listener: () => void): void {
  const writeHead = res.writeHead;
  let ran = false;
  res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    if (!ran) {
      ran = true;
      listener();
    }
    return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
  } as ServerResponse['writeHead'];
}
