import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { beforeHeadersSent } from './before-headers-sent.js';

/** A real server whose handler answers as `answer` does, the hook set first. */
async function serve(answer: (res: ServerResponse) => void) {
  let calls = 0;
  const server: Server = createServer((_req, res) => {
    beforeHeadersSent(res, () => {
      calls++;
      res.setHeader('Cache-Control', 'private, no-store');
    });
    answer(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  try {
    const res = await fetch(`http://127.0.0.1:${port}/`);
    return { cacheControl: res.headers.get('cache-control'), body: await res.text(), calls };
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

describe('beforeHeadersSent', () => {
  it('runs when end() writes the headers implicitly, after the handler set its own', async () => {
    const got = await serve((res) => {
      res.setHeader('Cache-Control', 'public, max-age=300');
      res.end('calendar');
    });
    expect(got).toEqual({ cacheControl: 'private, no-store', body: 'calendar', calls: 1 });
  });

  it('runs once for a streamed body written in several chunks', async () => {
    const got = await serve((res) => {
      Readable.from(['a', 'b', 'c']).pipe(res);
    });
    expect(got).toEqual({ cacheControl: 'private, no-store', body: 'abc', calls: 1 });
  });

  it('runs when the status is written explicitly', async () => {
    const got = await serve((res) => {
      res.writeHead(404);
      res.end();
    });
    expect(got.cacheControl).toBe('private, no-store');
    expect(got.calls).toBe(1);
  });
});
