// The recorded goldens: one per case, by the case's references, nothing seen beyond the namespace's
// own addresses; and a cheap subset (the cases marked `replay`) run again now with the reference
// CLIs against the harness's own servers, which must still see and print what was recorded. A
// missing reference fails here with how to install it (apt-get install awscli for v2).
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SIM_CASES } from '../support/aws-sim/cases.js';
import { compareToGolden } from '../support/aws-sim/compare-sim.js';
import { GOLDEN_DIR, loadGolden } from '../support/aws-sim/golden.js';
import { reference, type ReferenceName } from '../support/aws-sim/references.js';
import { runInSimAws } from '../support/aws-sim/run-in-sim-aws.js';

const LOCAL_LISTENERS = /^(https|http) (127\.0\.0\.1|\[::1\]|169\.254\.169\.254|\[fd00:ec2::254\]|169\.254\.170\.2|169\.254\.170\.23|\[fd00:ec2::23\]):(443|80)$/;

describe('the goldens', () => {
  it('exist for every case, recorded by each of its references, and no golden lacks a case', () => {
    const files = readdirSync(GOLDEN_DIR).filter((f) => f.endsWith('.json')).sort();
    expect(files).toEqual(SIM_CASES.map((c) => `${c.id}.json`).sort());
    for (const c of SIM_CASES) {
      const g = loadGolden(c.id);
      const refs = c.references ?? ['v2', 'v1'];
      expect(Object.keys(g.observations).sort(), c.id).toEqual([...refs].sort());
      expect(Object.keys(g.versions).sort(), c.id).toEqual([...refs].sort());
      expect(g.summary, c.id).toBe(c.summary);
      for (const o of Object.values(g.observations)) expect(o.timedOut, c.id).toBe(false);
    }
  });

  it('saw every request on the namespace own addresses, and every name a CLI looked up was declared', () => {
    for (const c of SIM_CASES) {
      for (const [ref, o] of Object.entries(loadGolden(c.id).observations)) {
        for (const r of o.requests) expect(r.listener, `${c.id} [${ref}]`).toMatch(LOCAL_LISTENERS);
        for (const p of o.proxy) expect([3128, 3129], `${c.id} [${ref}]`).toContain(p.port);
        expect(o.dns, `${c.id} [${ref}] looked up names the case does not map`).toEqual([]);
      }
    }
  });
});

describe('the goldens replay with the reference CLIs', () => {
  it('fails, saying how to install it, when the AWS CLI v2 is missing', () => {
    expect(() => reference('v2', { awsV2: '/nonexistent/aws' })).toThrow('AWS CLI v2 not found at /nonexistent/aws: install it with apt-get install awscli');
  });

  for (const c of SIM_CASES.filter((x) => x.replay)) {
    for (const ref of ['v2', 'v1'] as ReferenceName[]) {
      it(`${c.id} [${ref}]`, async () => {
        const gold = loadGolden(c.id).observations[ref];
        if (!gold) throw new Error(`${c.id} has no ${ref} golden`);
        const got = await runInSimAws(c, ref);
        expect(compareToGolden(c, gold, got)).toEqual([]);
      });
    }
  }
});
