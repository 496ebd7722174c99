// Records the reference CLIs in the simulated AWS: for each case of test/support/aws-sim/cases.ts
// (or those named on the command line), each of its references runs once in a fresh namespace and
// test/fixtures/sim-aws/<id>.json gets exit code, stdout, stderr and what every service and proxy
// saw. Run by hand, as root: `node scripts/record-sim-aws.mjs [case id...]`.
import { spawnSync } from 'node:child_process';
import { SIM_CASES } from '../test/support/aws-sim/cases.js';
import { writeGolden, type SimGolden } from '../test/support/aws-sim/golden.js';
import { reference, type ReferenceName } from '../test/support/aws-sim/references.js';
import { runInSimAws } from '../test/support/aws-sim/run-in-sim-aws.js';

const wanted = process.argv.slice(2);
const unknown = wanted.filter((id) => !SIM_CASES.some((c) => c.id === id));
if (unknown.length > 0) throw new Error(`no such case: ${unknown.join(', ')}`);

const versions = new Map<ReferenceName, string>();
function version(ref: ReferenceName): string {
  let v = versions.get(ref);
  if (v === undefined) {
    const cli = reference(ref);
    // `aws s3api abort-multipart-upload --version` prints the CLI's version like `aws --version`
    const r = spawnSync(cli.argv[0]!, [...cli.argv.slice(1, -2), '--version'], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C.UTF-8', HOME: '/nonexistent', ...(ref === 'v1-crt' ? { PYTHONPATH: '/nonexistent' } : {}) },
    });
    v = `${r.stdout}${r.stderr}`.trim();
    if (ref === 'v1-crt') {
      // awscrt's own __version__ is Debian's placeholder (1.0.0.dev0): the package version says more
      const crt = spawnSync('dpkg-query', ['-W', '-f', '${Version}', 'python3-awscrt'], { encoding: 'utf8' });
      v += ` + awscrt ${crt.stdout.trim() || '?'} (python3-awscrt) on PYTHONPATH`;
    }
    versions.set(ref, v);
  }
  return v;
}

const started = Date.now();
for (const c of SIM_CASES) {
  if (wanted.length > 0 && !wanted.includes(c.id)) continue;
  const golden: SimGolden = { id: c.id, summary: c.summary, versions: {}, observations: {} };
  for (const ref of c.references ?? (['v2', 'v1'] as const)) {
    const o = await runInSimAws(c, ref);
    golden.versions[ref] = version(ref);
    golden.observations[ref] = o;
    const line = o.stderr.split('\n').map((l) => l.trim()).filter((l) => l !== '').pop() ?? '';
    const seen = o.requests.map((r) => `${r.service}:${r.method}:${r.status}`).join(' ');
    console.log(`${c.id} [${ref}] exit ${o.code} ${o.durationMs} ms | ${line.slice(0, 160)} | ${seen}${o.proxy.length ? ` | proxy ${o.proxy.map((p) => `${p.port}:${p.kind}:${p.status}`).join(' ')}` : ''}`);
  }
  writeGolden(golden);
}
console.log(`recorded in ${Math.round((Date.now() - started) / 1000)} s`);
