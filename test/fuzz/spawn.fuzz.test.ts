// Random command lines against the built CLI as a real process (a local stub answers every
// request): the same invariants as in-process, plus that every run ends within its timeout.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, SECRET_KEY } from '../support/run-cli.js';
import { startStub, type StubServer } from '../support/stub-server.js';
import { argvArb, nearValidArgv } from './arbitraries.js';

/**
 * Spawned runs per test run. CI runs 200: each costs a Node start (about 0.09 s of CPU here), and
 * the in-process fuzzing covers main() itself; S3ABORT_SPAWN_FUZZ_RUNS=1000 (or more) for a
 * deeper run (README "Development").
 */
const RUNS = Number(process.env.S3ABORT_SPAWN_FUZZ_RUNS ?? 200);
if (!Number.isInteger(RUNS) || RUNS < 2) throw new Error(`S3ABORT_SPAWN_FUZZ_RUNS must be a whole number of at least 2, not ${process.env.S3ABORT_SPAWN_FUZZ_RUNS}`);
/** Runs per vitest test (the samples are drawn once, then taken in chunks). */
const CHUNK = 100;
const PARALLEL = 4;
const EXIT_CODES = new Set([0, 1, 130, 252, 253, 254, 255]);

let stub: StubServer;
beforeAll(async () => {
  stub = await startStub();
});
afterAll(async () => {
  await stub.stop();
});

/** Requests may only go to the local stub: endpoint options are dropped, the env names the stub. */
function localOnly(argv: string[]): string[] {
  // (a real argv cannot hold NUL bytes)
  return argv.filter((a) => !a.startsWith('--e') && !a.startsWith('--ca')).map((a) => a.replace(/\0/g, ''));
}

const samples = [
  ...fc.sample(argvArb, { numRuns: Math.ceil(RUNS / 2), seed: 7 }),
  ...fc.sample(nearValidArgv, { numRuns: Math.floor(RUNS / 2), seed: 8 }),
].map(localOnly);

describe('fuzzing the built CLI as a process', () => {
  for (let from = 0; from < samples.length; from += CHUNK) {
    const chunk = samples.slice(from, from + CHUNK);
    it(`keeps its invariants over spawned runs ${from + 1}-${from + chunk.length} of ${samples.length}`, async () => {
      let next = 0;
      const failures: string[] = [];
      const worker = async () => {
        while (next < chunk.length) {
          const argv = chunk[next++]!;
          const r = await runCli([...argv, '--cli-connect-timeout', '2', '--cli-read-timeout', '2'], {
            env: { AWS_ENDPOINT_URL: stub.url, AWS_MAX_ATTEMPTS: '1' },
            timeoutMs: 20_000,
          });
          const debug = argv.some((a) => a.startsWith('--de'));
          const problems = [
            r.timedOut ? 'did not end within 20 s' : '',
            r.code === null || !EXIT_CODES.has(r.code) ? `exit ${r.code} (signal ${r.signal})` : '',
            !debug && /\n\s+at .+:\d+:\d+\)?\n/.test(r.stderr) ? 'stack trace on stderr' : '',
            (r.code === 252 || r.code === 253) && r.stdout !== '' ? 'stdout on a usage/config error' : '',
            (r.stdout + r.stderr).includes(SECRET_KEY) ? 'secret key in the output' : '',
          ].filter(Boolean);
          if (problems.length) failures.push(`${JSON.stringify(argv)}: ${problems.join('; ')}\n${r.stderr.slice(0, 400)}`);
        }
      };
      await Promise.all(Array.from({ length: PARALLEL }, worker));
      expect(failures.slice(0, 5).join('\n\n'), `${failures.length} of ${chunk.length} runs broke an invariant`).toBe('');
    });
  }
});
