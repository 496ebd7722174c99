// Four projects, by what a test needs and so how long it may take (README "Development"):
//
//   unit       pure modules, in memory (fixtures read from test/): no sockets, no child processes.
//              5 s: the slowest take about a second on this 2-core machine while the other
//              projects run beside them (most take milliseconds).
//   inprocess  main() with an Io, in this process: in-memory (test/support/memory-io.ts) or on the
//              real machine (test/support/node-io.ts: real files, real servers on 127.0.0.1:
//              moto_server, the stub, the simulators), and child processes that are not the CLI
//              (credential_process scripts, pagers): the conformance and fault cases among them.
//              15 s: most take milliseconds, the largest (10,000 uploads through main()) a few
//              seconds; a conformance case that waits out many retries gets more (conformance.ts).
//   e2e        the built bin/s3abort.js as a process: startup, signals, closed pipes, stdin,
//              sockets, TLS, packaging, the terminal through tmux, a representative set of the
//              conformance cases, bulk runs with real timeouts. 60 s: a spawned run costs 0.3-0.5 s of Node startup here, and
//              bulk and fault runs wait out real timeouts and backoff (5-20 s); the tests whose
//              bound follows from their own timeouts (faults, conformance cases) set it themselves.
//   fuzz       fast-check properties: in-process main() and spawned runs. 120 s per test: the
//              runs (S3ABORT_FUZZ_RUNS, S3ABORT_SPAWN_FUZZ_RUNS) are split into tests small enough
//              to take well under a third of that here while the other projects run beside them.
//
// Hooks (servers, moto_server, bundling the terminal driver) get 60 s everywhere but unit.
// `npm test -- --project unit` runs one project: npm appends the arguments to the script's last
// command, `vitest run`. Every test file belongs to exactly one project: a file in none (or in two)
// fails the config, so that no test goes unrun.
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

const UNIT = [
  'test/args/**/*.test.ts',
  'test/aws/**/*.test.ts',
  'test/bulk/bulk-options.test.ts',
  'test/bulk/bulk-result.test.ts',
  'test/bulk/run-bulk.test.ts',
  'test/completion/**/*.test.ts',
  'test/config/ini.test.ts',
  'test/config/settings.test.ts',
  'test/help/**/*.test.ts',
  'test/output/display.test.ts',
  'test/output/oracle.test.ts',
  'test/output/py-decode.test.ts',
  'test/output/spec.test.ts',
  'test/prompt/**/*.test.ts',
  'test/py/**/*.test.ts',
  'test/query/**/*.test.ts',
  'test/net/proxy-env.test.ts',
];

const INPROCESS = [
  'test/main/**/*.test.ts',
  'test/bulk/main-bulk.test.ts',
  'test/bulk/s3-sim.test.ts',
  'test/config/credentials.test.ts',
  'test/conformance/conformance.test.ts',
  'test/conformance/conformance-faults.test.ts',
  'test/faults/fault-server.test.ts',
  'test/output/cli-differential.test.ts',
  'test/pager/**/*.test.ts',
  'test/support/**/*.test.ts',
  'test/net/ca-bundle.test.ts',
  'test/net/tunnel.test.ts',
];

const E2E = [
  'test/e2e/**/*.test.ts',
  'test/startup/**/*.test.ts',
  'test/terminal/**/*.test.ts',
  'test/bulk/bulk-e2e.test.ts',
  'test/bulk/bulk-exit-codes.test.ts',
  'test/bulk/bulk-moto.test.ts',
  'test/conformance/conformance-spawned.test.ts',
  'test/faults/bulk-faults.test.ts',
  'test/faults/fault-replay.test.ts',
  'test/bulk/bulk-safety.test.ts',
  'test/sim-aws/**/*.test.ts',
];

const FUZZ = ['test/fuzz/**/*.test.ts'];

function project(name: string, include: string[], testTimeout: number, hookTimeout: number, isolate = true): TestProjectInlineConfiguration {
  return {
    test: {
      name,
      include,
      testTimeout,
      hookTimeout,
      // child processes and servers per file: separate processes keep them apart
      pool: 'forks',
      isolate,
    },
  };
}

const PROJECTS = [
  // pure modules keep no state between files: they share a worker's module graph (about a third of
  // the project's time went to importing the same modules again for each file)
  project('unit', UNIT, 5_000, 10_000, false),
  project('inprocess', INPROCESS, 15_000, 60_000),
  project('e2e', E2E, 60_000, 60_000),
  project('fuzz', FUZZ, 120_000, 60_000),
];

// ---- every test file in exactly one project (a new file that matches none must not go unrun)
const root = fileURLToPath(new URL('.', import.meta.url));
function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : testFiles(p);
    return e.name.endsWith('.test.ts') ? [relative(root, p)] : [];
  });
}
function globToRegExp(glob: string): RegExp {
  const re = glob
    .split('**/')
    .map((part) => part.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*'))
    .join('(?:.*/)?');
  return new RegExp(`^${re}$`);
}
const matchers = PROJECTS.map((p) => ({ name: p.test!.name as string, res: (p.test!.include ?? []).map(globToRegExp) }));
const misplaced = testFiles(join(root, 'test')).flatMap((f) => {
  const owners = matchers.filter((m) => m.res.some((r) => r.test(f))).map((m) => m.name);
  return owners.length === 1 ? [] : [`${f}: ${owners.length === 0 ? 'in no project' : `in ${owners.join(' and ')}`}`];
});
if (misplaced.length > 0) {
  throw new Error(`vitest.config.ts: every test file belongs to exactly one project:\n  ${misplaced.join('\n  ')}`);
}

export default defineConfig({
  test: {
    projects: PROJECTS,
    // two files at a time, one per core (vitest's default is cores - 1: one here). Most files wait
    // on servers, timeouts or spawned CLIs, so a third worker could seem free; measured on this
    // machine it made the whole run slower (the CPU-bound files, fuzzing and the 15,235 recorded
    // runs, then share two cores three ways)
    maxWorkers: 2,
    // the run's own temporary folder, and the checks that nothing is left in it nor running
    globalSetup: ['test/support/global-setup.ts'],
  },
});
