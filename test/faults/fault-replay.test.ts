// s3abort against the raw-socket faults the AWS CLI was recorded against (scripts/record-faults.ts →
// test/fixtures/faults-recorded.json): the same exit code, stdout, significant stderr lines
// (harness.py's rules: no blank or usage lines, `aws: ` and `s3abort: ` read alike) and number of
// attempts the server saw, and an end within the bound the configured timeouts give. A case with
// an `expect` block differs on purpose, as its doc says.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startFaultServer, type FaultServer } from '../support/fault-server.js';
import { BUILT_ENTRY, REPO_ROOT } from '../support/run-cli.js';
import { FAULT_CASES, timeBoundMs } from './fault-cases.js';
import { observe } from './observe.js';

interface Recorded {
  rc: number | 'timeout';
  stdout: string;
  significant: string[];
  requests: number;
  attempts: number;
  wall: number;
}

const fixture = JSON.parse(readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'faults-recorded.json'), 'utf8')) as {
  reference: string;
  cases: Record<string, Recorded>;
};

describe('raw-socket faults, s3abort against the recorded AWS CLI', () => {
  const servers: FaultServer[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
  });

  it('the fixture was recorded with the AWS CLI v2 for every case, within the same bounds', () => {
    expect(fixture.reference).toMatch(/^aws-cli\/2\.9\.19 /);
    expect(Object.keys(fixture.cases).sort()).toEqual(FAULT_CASES.map((c) => c.id).sort());
    for (const c of FAULT_CASES) {
      expect(fixture.cases[c.id]!.wall * 1000, c.id).toBeLessThanOrEqual(timeBoundMs(c));
    }
  });

  for (const c of FAULT_CASES) {
    // each case has its own server: the runs mostly wait, so a few go at once
    it.concurrent(c.id, async () => {
      const rec = fixture.cases[c.id];
      if (!rec) throw new Error(`${c.id}: not in the fixture; record with npm run record:faults`);
      if (!existsSync(BUILT_ENTRY)) throw new Error(`${BUILT_ENTRY} is missing: build first with \`node scripts/build.mjs\``);
      const server = await startFaultServer();
      servers.push(server);
      const bound = timeBoundMs(c);
      const got = await observe(server, c, { killAfterMs: bound + 10_000 });
      const want = {
        rc: c.expect?.rc ?? rec.rc,
        stdout: rec.stdout,
        significant: c.expect?.stderr ?? rec.significant,
        attempts: c.expect?.attempts ?? rec.attempts,
        requests: c.expect?.attempts ?? rec.requests,
      };
      expect({ rc: got.rc, stdout: got.stdout, significant: got.significant, attempts: got.attempts, requests: got.requests }, c.doc).toEqual(want);
      expect(got.wallMs, `${c.id}: ${got.wallMs} ms, bound ${bound} ms`).toBeLessThanOrEqual(bound);
    }, timeBoundMs(c) + 30_000);
  }
});
