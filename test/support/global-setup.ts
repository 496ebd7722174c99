// The run's own temporary folder and its checks (vitest globalSetup, once per `vitest run`).
//
// Before any worker starts, a folder `<tmpdir>/s3abort-test-run-XXXXXX` is made and TMPDIR and
// TMUX_TMPDIR point at it, so that the workers' os.tmpdir(), the CLIs they spawn (cleanEnv passes
// TMPDIR on: the compile cache of Node < 22.1 and Node's own from 22.1 land there), moto_server and
// the tmux servers all write inside it. S3ABORT_TEST_RUN names the run in every process that
// inherits it: the workers, moto_server, tmux, and every spawned CLI (cleanEnv passes it on too).
//
// When the run ends, the run FAILS (exit code 1, with a report) if
//  - a process carrying this run's S3ABORT_TEST_RUN is still alive (a server, tmux, a CLI or a
//    pager nobody stopped): it is listed and killed;
//  - anything is left in the run's folder other than the compile caches the spawned CLIs keep
//    there by design: a test that did not remove what it wrote.
// The run's folder is removed in any case. Nothing is judged by name in the real temp folder:
// other runs on the machine (other worktrees, older copies of this suite) write there too.
import { mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RUN_MARKER, TEST_TMP_PREFIX } from './tmp.js';

/** What the spawned CLIs keep in TMPDIR by design (src/startup/compile-cache.ts, Node's module.enableCompileCache). */
const CACHES = [/^s3abort-compile-cache-\d+$/, /^node-compile-cache$/];

let root = '';
let marker = '';
let saved: Record<string, string | undefined> = {};

export function setup(): void {
  const realTmp = tmpdir();
  root = mkdtempSync(join(realTmp, `${TEST_TMP_PREFIX}run-`));
  marker = root.slice(realTmp.length + 1);
  saved = { TMPDIR: process.env.TMPDIR, TMUX_TMPDIR: process.env.TMUX_TMPDIR, [RUN_MARKER]: process.env[RUN_MARKER] };
  process.env.TMPDIR = root;
  process.env.TMUX_TMPDIR = root;
  process.env[RUN_MARKER] = marker;
}

interface Stray {
  pid: number;
  command: string;
}

/** Live processes whose environment carries this run's marker (this process's own is not in its /proc environ). */
function strays(): Stray[] {
  const needle = `\0${RUN_MARKER}=${marker}\0`;
  const out: Stray[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      const environ = `\0${readFileSync(`/proc/${name}/environ`, 'latin1')}`;
      if (!environ.includes(needle)) continue;
      // a zombie has exited: its parent has not reaped it yet, it holds nothing
      const stat = readFileSync(`/proc/${name}/stat`, 'latin1');
      if (/^\d+ \(.*\) Z /s.test(stat)) continue;
      const command = readFileSync(`/proc/${name}/cmdline`, 'latin1').split('\0').join(' ').trim() || readlinkSync(`/proc/${name}/exe`);
      out.push({ pid: Number(name), command });
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return out;
}

/** Every path under dir, for the report (at most `max`). */
function listTree(dir: string, max = 40): string[] {
  const out: string[] = [];
  const walk = (d: string, rel: string) => {
    let entries: string[];
    try {
      entries = readdirSync(d);
    } catch {
      return;
    }
    for (const e of entries) {
      if (out.length >= max) return;
      out.push(join(rel, e));
      walk(join(d, e), join(rel, e));
    }
  };
  walk(dir, '');
  return out;
}

export async function teardown(): Promise<void> {
  const problems: string[] = [];

  // workers and servers stopping as the run ends get a moment to go
  let left = strays();
  for (let i = 0; i < 30 && left.length > 0; i++) {
    await new Promise((r) => setTimeout(r, 100));
    left = strays();
  }
  if (left.length > 0) {
    problems.push(`processes of this run still running (now killed):\n${left.map((p) => `    ${p.pid}: ${p.command.slice(0, 200)}`).join('\n')}`);
    for (const p of left) {
      try {
        process.kill(p.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }

  const leftovers = readdirSync(root).filter((e) => !CACHES.some((c) => c.test(e)));
  if (leftovers.length > 0) {
    const tree = leftovers.flatMap((e) => [e, ...listTree(join(root, e), 10).map((p) => join(e, p))]);
    problems.push(`left in the run's temporary folder ${root} (each test must remove what it writes):\n${tree.map((p) => `    ${p}`).join('\n')}`);
  }

  rmSync(root, { recursive: true, force: true });
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }

  if (problems.length > 0) {
    // a teardown that throws is only logged by vitest: the exit code is what fails the run
    process.stderr.write(`\nThe test run left things behind:\n${problems.map((p) => `  - ${p}`).join('\n')}\n\n`);
    process.exitCode = 1;
  }
}
