// s3abort in the simulated AWS, held to the reference's golden (the case's target, today's
// botocore by default), for what s3abort does today: a us-west-2 bucket by its virtual host over
// TLS trusted through AWS_CA_BUNDLE (against the stub, and against moto_server, where the upload
// must really be gone), IMDSv2 over IPv4, and ECS's container credentials. Cases
// s3abort cannot do yet have no test here; each new feature adds its cases to this list.
import { describe, expect, it } from 'vitest';
import { simCase } from '../support/aws-sim/cases.js';
import { compareToGolden } from '../support/aws-sim/compare-sim.js';
import { loadGolden } from '../support/aws-sim/golden.js';
import { runInSimAws } from '../support/aws-sim/run-in-sim-aws.js';

const SUPPORTED = [
  's3-us-west-2-virtual', 's3-moto-virtual', 'creds-imds-ipv4', 'creds-ecs-relative',
  // TLS trust (issue 12): a bundle that cannot be used fails every attempt, never falls back
  'tls-default-trust', 'tls-ca-flag', 'tls-ca-profile', 'tls-ca-env-missing', 'tls-ca-flag-missing', 'tls-ca-profile-missing',
  'tls-ca-env-dir', 'tls-ca-env-dir-hashed', 'tls-ca-flag-dir', 'tls-ca-env-junk', 'tls-ca-flag-junk',
  // endpoints as today's botocore resolves them (issue 12)
  's3-no-region', 's3-path-style', 's3-accelerate', 's3-accelerate-path-style', 's3-dualstack', 's3-fips', 's3-access-point',
  's3-express', 's3-express-no-session-auth', 's3-mrap',
];

describe('s3abort in the simulated AWS', () => {
  for (const id of SUPPORTED) {
    it(id, async () => {
      const c = simCase(id);
      const target = c.target ?? 'v1';
      const gold = loadGolden(id).observations[target];
      if (!gold) throw new Error(`${id} has no ${target} golden`);
      const got = await runInSimAws(c, 's3abort');
      expect(compareToGolden(c, gold, got)).toEqual([]);
    });
  }
});
