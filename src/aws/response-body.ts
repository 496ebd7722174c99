// A response body read the way the AWS CLI's urllib3 1.x reads it (enforce_content_length off):
// a connection the server closes cleanly (FIN) before the declared Content-Length ends the body
// there, and what arrived is the body; a reset (RST) in the middle still fails the attempt
// ("Connection was closed before we received a valid response", retried). Node fails both with
// `aborted`; the socket tells them apart: only a FIN ends it, only a reset leaves it errored.
// Recorded: test/fixtures/faults-recorded.json, long-length-close-200 and long-length-close-404.

interface BodyStream extends AsyncIterable<Buffer | string> {
  socket?: { errored?: unknown; readableEnded?: boolean } | null;
}

export async function readResponseBody(body: unknown): Promise<Uint8Array> {
  if (!body) return new Uint8Array();
  if (body instanceof Uint8Array) return body;
  const stream = body as BodyStream;
  const chunks: Buffer[] = [];
  try {
    for await (const c of stream) chunks.push(typeof c === 'string' ? Buffer.from(c) : c);
  } catch (e) {
    const socket = stream.socket;
    // the server's FIN was read (readableEnded) and nothing broke: not a reset, and not our own
    // destroy of the request (Ctrl-C in a bulk run), which leaves the socket unended
    const cutShort = (e as { message?: string }).message === 'aborted' && socket && !socket.errored && socket.readableEnded === true;
    if (!cutShort) throw e;
  }
  return Buffer.concat(chunks);
}
