// The fault cases (cases-faults.json): status storms, SlowDown, redirects with and without a region,
// read timeouts, resets before the response, truncated and malformed XML, connection refused and a
// name that does not resolve, recorded with harness.py record against the AWS CLI 2.9.19. Besides
// harness.py's comparison (exit code, stdout, stderr lines, and every request the stub saw, so the
// attempt counts), each run must end within a bound derived from its configured timeouts.
// The runs are in-process (main() with an Io built as cli.ts builds it, test/support/run-main.ts):
// the retries, backoff and timeouts are main()'s and the SDK's; the same faults against the built
// CLI as a process are test/faults/fault-replay.test.ts (raw sockets) and the socket cases of
// conformance-spawned.test.ts.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  compare,
  formatFailure,
  loadCases,
  loadGoldens,
  runCase,
  startServers,
  type ConformanceCase,
  type ConformanceServers,
  type Observation,
} from '../support/conformance.js';

const here = (name: string): string => fileURLToPath(new URL(name, import.meta.url));
const cases = loadCases(here('./cases-faults.json'));
const goldens = loadGoldens(here('./golden-faults.json'));

/** The value of a `--name value` argument. */
function argValue(c: ConformanceCase, name: string): string | undefined {
  const i = c.args.lastIndexOf(name);
  return i >= 0 ? c.args[i + 1] : undefined;
}

/** max_attempts as the case configures it: AWS_MAX_ATTEMPTS, the config file, else 3. */
function configuredAttempts(c: ConformanceCase): number {
  const fromFile = /^max_attempts\s*=\s*(\d+)/m.exec(c.files?.['home/.aws/config'] ?? '')?.[1];
  return Number(c.env?.AWS_MAX_ATTEMPTS ?? fromFile ?? 3);
}

/**
 * How long a run may take: each attempt (the configured ones, or as many requests as the AWS CLI
 * sent if a redirect added one) may wait out the connect and read timeouts, each retry waits at most
 * min(2^(n-1), 20) s first (botocore's standard backoff), plus slack for starting Node on a busy
 * machine.
 */
function timeBoundMs(c: ConformanceCase, gold: Observation, slackS = 8): number {
  const read = Number(argValue(c, '--cli-read-timeout'));
  const connect = Number(argValue(c, '--cli-connect-timeout'));
  const attempts = Math.max(configuredAttempts(c), gold.requests?.length ?? 0);
  let s = slackS + attempts * (read + connect);
  for (let n = 1; n < attempts; n++) s += Math.min(2 ** (n - 1), 20);
  return s * 1000;
}

describe('conformance (fault cases)', () => {
  let servers: ConformanceServers | undefined;
  beforeAll(async () => {
    servers = await startServers(cases);
  });
  afterAll(async () => {
    await servers?.stop();
  });

  it('every case keeps its timeouts small and has a golden', () => {
    for (const c of cases) {
      expect(goldens[c.id], c.id).toBeDefined();
      expect([argValue(c, '--cli-read-timeout'), argValue(c, '--cli-connect-timeout')], c.id).toEqual([
        expect.stringMatching(/^[12]$/),
        '1',
      ]);
    }
    // the bound means something: the AWS CLI kept to it too (the 307 recursion aside, see its doc)
    for (const c of cases.filter((x) => !x.expect)) {
      const wall = goldens[c.id]!.wall;
      expect(typeof wall, `${c.id}: the golden records the AWS CLI's wall time`).toBe('number');
      expect((wall as number) * 1000, c.id).toBeLessThanOrEqual(timeBoundMs(c, goldens[c.id]!));
    }
  });

  // the runs mostly wait (timeouts, backoff): a few at a time, each with its own bucket on the stub
  for (const c of cases) {
    const gold = goldens[c.id];
    const bound = gold ? timeBoundMs(c, gold) : 60_000;
    it.concurrent(c.id, async (ctx) => {
      if (!gold) throw new Error(`FAIL ${c.id}: no golden for this case`);
      const got = await runCase(c, servers!, { mode: 'inprocess', maxRunMs: ctx.task.timeout - 5_000 });
      const probs = compare(c, gold, got);
      if (probs.length > 0) throw new Error(formatFailure(c, probs));
      expect((got.wall ?? Infinity) * 1000, `${c.id} took ${got.wall} s, bound ${bound / 1000} s`).toBeLessThanOrEqual(bound);
    }, bound + 30_000);
  }
});
