import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect, type Socket } from 'node:net';
import { startTestApp, type TestApp } from './support/test-app.js';

/*
 * A connection left idle between two requests stays open well past Node's default 5 s,
 * as a proxy in front of the API expects (it reuses its upstream connections for up to
 * 60 s): closing it first turns the proxy's next request into a reset and a 502.
 */

let t: TestApp;
let server: Server;

beforeAll(async () => {
  t = await startTestApp('keepalive');
  server = t.app.getHttpServer() as Server;
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
});

afterAll(async () => {
  await t?.close();
});

/** Sends one request on the socket and resolves with its status line. */
function ask(socket: Socket): Promise<string> {
  return new Promise((resolve, reject) => {
    let received = '';
    const onData = (chunk: Buffer) => {
      received += chunk.toString('latin1');
      const end = received.indexOf('\r\n\r\n');
      const length = /content-length: (\d+)/i.exec(received);
      if (end >= 0 && length && received.length >= end + 4 + Number(length[1])) {
        socket.off('data', onData);
        resolve(received.slice(0, received.indexOf('\r\n')));
      }
    };
    socket.on('data', onData);
    socket.once('error', reject);
    socket.write(
      'GET /api/health/live HTTP/1.1\r\nHost: convene.test\r\nConnection: keep-alive\r\n\r\n',
    );
  });
}

it('keeps an idle keep-alive connection open longer than the 5 s Node default', async () => {
  const { port } = server.address() as AddressInfo;
  const socket = connect(port, '127.0.0.1');
  await once(socket, 'connect');
  let closedAt: number | undefined;
  socket.on('close', () => (closedAt = Date.now()));
  try {
    expect(await ask(socket)).toBe('HTTP/1.1 200 OK');
    const idleFrom = Date.now();
    await new Promise((r) => setTimeout(r, 6_500));
    expect(closedAt).toBeUndefined();
    // The same connection answers again.
    expect(await ask(socket)).toBe('HTTP/1.1 200 OK');
    expect(Date.now() - idleFrom).toBeGreaterThan(6_000);
  } finally {
    socket.destroy();
  }
});
