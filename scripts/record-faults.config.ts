// `npm run record:faults`: runs scripts/record-faults.ts, which records what the AWS CLI does
// against the raw-socket faults into test/fixtures/faults-recorded.json. Not part of `npm test`.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['scripts/record-faults.ts'],
    testTimeout: 30 * 60_000,
    pool: 'forks',
  },
});
