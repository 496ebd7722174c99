// One run of a CLI against the fault server with a case's script, observed the way the recorder
// stores it: exit code, stdout, stderr with the endpoint replaced by {endpoint}, its significant lines
// (harness.py's rules), what the server saw, and the wall time.
import { significantStderr, unsubst } from '../support/conformance.js';
import type { FaultServer } from '../support/fault-server.js';
import { runCli, signalNumber } from '../support/run-cli.js';
import { faultArgs, type FaultCase } from './fault-cases.js';

export interface FaultObservation {
  rc: number | 'timeout';
  stdout: string;
  stderr: string;
  significant: string[];
  connections: number;
  requests: number;
  attempts: number;
  wallMs: number;
}

export interface ObserveOptions {
  /** The command before the arguments; default `node bin/s3abort.js`. */
  command?: readonly string[];
  /** Environment set before the case's own. */
  extraEnv?: Record<string, string>;
  /** Kill the run after this long. */
  killAfterMs?: number;
}

export async function observe(server: FaultServer, c: FaultCase, opts: ObserveOptions = {}): Promise<FaultObservation> {
  server.script(c.steps);
  const r = await runCli(faultArgs(server.url), {
    env: { ...opts.extraEnv, ...c.env },
    timeoutMs: opts.killAfterMs ?? 120_000,
    ...(opts.command ? { command: opts.command } : {}),
  });
  const ctx = { endpoint: server.url, port: String(server.port) };
  const stderr = unsubst(r.stderr, ctx);
  const stats = server.stats();
  return {
    rc: r.timedOut ? 'timeout' : r.code ?? (r.signal ? -signalNumber(r.signal) : -1),
    stdout: unsubst(r.stdout, ctx),
    stderr,
    significant: significantStderr(stderr),
    connections: stats.connections,
    requests: stats.requests,
    attempts: stats.attempts,
    wallMs: r.durationMs,
  };
}
