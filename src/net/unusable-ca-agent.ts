// An https.Agent for a client whose CA bundle cannot be used: each connection is made (the TCP
// connect, as urllib3 makes it) and then fails where loading the bundle failed, with Python's text.

import { Agent as HttpsAgent, type AgentOptions, type RequestOptions } from 'node:https';
import { connect } from 'node:net';
import type { Duplex } from 'node:stream';

/** A TLS setup that failed on the CA bundle: `reason` is the text after the request URL. */
export class CaBundleError extends Error {
  override name = 'CaBundleError';
  readonly code = 'S3ABORT_CA_BUNDLE';
  constructor(readonly reason: string) {
    super(reason);
  }
}

export class UnusableCaAgent extends HttpsAgent {
  constructor(
    private readonly reason: string,
    options: AgentOptions,
  ) {
    super(options);
  }

  override createConnection(options: RequestOptions, callback?: (err: Error | null, stream: Duplex) => void): undefined {
    const socket = connect({ host: options.host ?? 'localhost', port: Number(options.port ?? 443) });
    socket.once('connect', () => {
      socket.destroy();
      callback?.(new CaBundleError(this.reason), undefined as never);
    });
    socket.once('error', (err) => callback?.(err, undefined as never));
    return undefined;
  }
}
