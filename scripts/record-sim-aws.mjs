// `node scripts/record-sim-aws.mjs [case id...]`: runs record-sim-aws.ts, whose TypeScript plain
// Node 20 cannot load by itself, through the simulated AWS's loader (test/support/aws-sim/ts-loader.mjs).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const r = spawnSync(
  process.execPath,
  ['--import', join(here, '..', 'test', 'support', 'aws-sim', 'ts-loader.mjs'), join(here, 'record-sim-aws.ts'), ...process.argv.slice(2)],
  { stdio: 'inherit' },
);
process.exit(r.status ?? 1);
