// Records what the real AWS CLI (the v2 `aws` harness.py finds on PATH, given the harness's current
// S3 model through AWS_DATA_PATH and the harness's clean environment) does against each raw-socket
// fault of test/faults/fault-cases.ts, into test/fixtures/faults-recorded.json: exit code, stderr
// with the endpoint as {endpoint}, its significant lines, what the fault server saw, and the wall
// time. Run by hand: `npm run record:faults` (S3ABORT_HARNESS_DIR overrides ../shared/conformance).
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { it } from 'vitest';
import { FAULT_CASES } from '../test/faults/fault-cases.js';
import { observe, type FaultObservation } from '../test/faults/observe.js';
import { startFaultServer } from '../test/support/fault-server.js';
import { REPO_ROOT } from '../test/support/run-cli.js';

export const FIXTURE = join(REPO_ROOT, 'test', 'fixtures', 'faults-recorded.json');

interface Reference {
  aws: string;
  models: string;
  version: string;
}

/** The reference CLI and model folder, found the way harness.py finds them. */
function reference(): Reference {
  const dir = resolve(REPO_ROOT, process.env.S3ABORT_HARNESS_DIR ?? '../shared/conformance');
  const py = [
    'import json, subprocess, sys',
    `sys.path.insert(0, ${JSON.stringify(dir)})`,
    'import harness',
    'aws = harness.find_aws_v2()',
    'v = subprocess.run([aws, "--version"], capture_output=True, text=True).stdout.strip()',
    'print(json.dumps({"aws": aws, "models": harness.models_dir(), "version": v}))',
  ].join('\n');
  const ref = JSON.parse(execFileSync('python3', ['-c', py], { encoding: 'utf8' })) as Reference;
  if (!ref.version.startsWith('aws-cli/2.')) throw new Error(`no AWS CLI v2 on PATH (found ${ref.aws}: ${ref.version})`);
  return ref;
}

it('records the AWS CLI against every raw-socket fault', async () => {
  const ref = reference();
  const server = await startFaultServer();
  const cases: Record<string, Omit<FaultObservation, 'wallMs'> & { wall: number }> = {};
  try {
    for (const c of FAULT_CASES) {
      const { wallMs, ...o } = await observe(server, c, {
        command: [ref.aws, 's3api', 'abort-multipart-upload'],
        extraEnv: { AWS_DATA_PATH: ref.models },
      });
      cases[c.id] = { ...o, wall: wallMs / 1000 };
      console.log(`${c.id}: rc ${o.rc}, ${o.attempts} attempts, ${o.connections} connections, ${wallMs} ms; ${JSON.stringify(o.significant)}`);
    }
  } finally {
    await server.stop();
  }
  writeFileSync(FIXTURE, `${JSON.stringify({ reference: ref.version, cases }, null, 1)}\n`);
});
