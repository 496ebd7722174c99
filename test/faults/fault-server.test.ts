// The raw-socket fault server says on the wire exactly what its steps say: lying lengths, cut
// bodies, extra bytes on a kept-alive connection, resets, trickled heads, connections never read.
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { responseBytes, startFaultServer, type FaultServer } from '../support/fault-server.js';

const HEAD = 'DELETE /b/k?uploadId=u HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n';

/** Connects, sends the request heads 100 ms apart, and collects what comes back until the connection closes or `untilMs` passes. */
async function exchange(
  url: string,
  heads: string[],
  untilMs: number,
): Promise<{ data: string; chunks: { at: number; text: string }[]; error?: string; ended: boolean }> {
  const { port } = new URL(url);
  const socket: Socket = connect(Number(port), '127.0.0.1');
  const started = Date.now();
  const chunks: { at: number; text: string }[] = [];
  let error: string | undefined;
  let ended = false;
  socket.on('data', (d: Buffer) => chunks.push({ at: Date.now() - started, text: d.toString('latin1') }));
  socket.on('error', (e: NodeJS.ErrnoException) => (error = e.code ?? e.message));
  const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
  void closed.then(() => (ended = true));
  for (const h of heads) {
    if (!ended) socket.write(h);
    await new Promise((r) => setTimeout(r, 100));
  }
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([closed, new Promise<void>((resolve) => (timer = setTimeout(resolve, untilMs)))]);
  clearTimeout(timer);
  socket.destroy();
  return { data: chunks.map((c) => c.text).join(''), chunks, ...(error ? { error } : {}), ended };
}

describe('fault server', () => {
  let server: FaultServer;
  beforeAll(async () => {
    server = await startFaultServer();
  });
  afterAll(async () => {
    await server.stop();
  });

  it('builds heads with the declared length, a cut body and extra bytes', () => {
    const r = responseBytes({ status: 404, headers: { 'Content-Type': 'application/xml' }, body: 'abcdefgh', contentLength: 20, bodyBytes: 3, extra: 'XY' });
    expect(r.statusLine).toBe('HTTP/1.1 404 Not Found\r\n');
    expect(r.headerBlock).toBe('Content-Type: application/xml\r\nx-amz-request-id: REQ123\r\nx-amz-id-2: HOSTID456\r\nContent-Length: 20\r\n\r\n');
    expect(r.body.toString()).toBe('abcXY');
    expect(responseBytes({ status: 204, contentLength: null }).headerBlock).not.toContain('Content-Length');
  });

  it('leaves the bytes past a short Content-Length on the kept-alive connection, then answers the next request', async () => {
    server.script([{ status: 500, body: 'abcdef', contentLength: 3 }, { status: 204 }]);
    const r = await exchange(server.url, [HEAD, HEAD], 300);
    expect(r.data).toBe(
      'HTTP/1.1 500 Internal Server Error\r\nx-amz-request-id: REQ123\r\nx-amz-id-2: HOSTID456\r\nContent-Length: 3\r\n\r\nabcdef' +
        'HTTP/1.1 204 No Content\r\nx-amz-request-id: REQ123\r\nx-amz-id-2: HOSTID456\r\nContent-Length: 0\r\n\r\n',
    );
    expect(r.ended).toBe(false);
    expect(server.stats()).toEqual({ connections: 1, requests: 2, attempts: 2 });
  });

  it('closes after a body shorter than declared, and resets in the middle of one', async () => {
    server.script([{ status: 200, body: 'abc', contentLength: 10, then: 'close' }]);
    const closed = await exchange(server.url, [HEAD], 1000);
    expect(closed).toMatchObject({ ended: true });
    expect(closed.error).toBeUndefined();
    expect(closed.data.endsWith('Content-Length: 10\r\n\r\nabc')).toBe(true);

    server.script([{ status: 200, body: 'abcdefgh', bodyBytes: 2, then: 'reset' }]);
    const reset = await exchange(server.url, [HEAD], 1000);
    expect(reset).toMatchObject({ ended: true, error: 'ECONNRESET' });
    expect(reset.data.endsWith('Content-Length: 8\r\n\r\nab')).toBe(true);

    server.script([{ resetBeforeResponse: true }]);
    expect(await exchange(server.url, [HEAD], 1000)).toMatchObject({ ended: true, error: 'ECONNRESET', data: '' });
  });

  it('trickles the head after the status line', async () => {
    server.script([{ status: 204, trickle: { bytes: 20, everyMs: 150 } }]);
    const r = await exchange(server.url, [HEAD], 1500);
    expect(r.chunks[0]?.text).toBe('HTTP/1.1 204 No Content\r\n');
    expect(r.chunks.length).toBeGreaterThanOrEqual(4);
    expect(r.chunks.at(-1)!.at - r.chunks[0]!.at).toBeGreaterThanOrEqual(3 * 150 - 20);
    expect(r.data).toBe(`HTTP/1.1 204 No Content\r\n${responseBytes({ status: 204 }).headerBlock}`);
  });

  it('accepts a connection and never reads or answers it; the next connection gets the next step', async () => {
    server.script([{ neverRead: true }, { status: 204 }]);
    const r = await exchange(server.url, [HEAD], 600);
    expect(r).toMatchObject({ data: '', ended: false });
    expect(server.stats()).toEqual({ connections: 1, requests: 0, attempts: 1 });
    const next = await exchange(server.url, [HEAD], 300);
    expect(next.data.startsWith('HTTP/1.1 204 No Content\r\n')).toBe(true);
    expect(server.stats()).toEqual({ connections: 2, requests: 1, attempts: 2 });
  });
});
