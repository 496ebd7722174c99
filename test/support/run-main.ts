// main() run in this process the way the built CLI runs it as a process (run-cli.ts): the same
// clean environment, HOME and working folder in a temporary folder, the same files, standard input
// as a closed pipe, and the same result shape, so that a caller can switch between the two. The
// TypeScript source is imported (vitest compiles it); dist/ is not needed.
//
// What differs from a process, and is therefore left to spawned runs: cli.ts's SIGINT wiring and
// process.exit after Ctrl-C, EPIPE on a closed stdout, the real standard input, V8's heap flag for
// large bulk runs (largeRun is a no-op here), the startup path and the bundle itself. Node warnings
// a process would print on stderr are caught: any warning emitted while a run is in flight (other
// than the SDK's NodeVersionSupportWarning, which cli.ts drops) is appended to that run's stderr,
// so the comparison fails on it as it would fail on the spawned run's stderr.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { main, type Deps } from '../../src/main.js';
import { createNodeIo } from './node-io.js';
import { cleanEnv, makeTmp, writeFiles, type RunCliResult } from './run-cli.js';
import { assertNoSecrets } from './secrets.js';

export interface RunMainOptions {
  /** Overrides on top of the clean environment; null removes a variable. */
  env?: Record<string, string | null>;
  /** Files to write first, paths relative to tmp. */
  files?: Record<string, string>;
  /** Standard input (empty when absent). */
  stdin?: string;
  /** Give up on the run after this long (recorded as timedOut); default 60 s, as runCli. */
  timeoutMs?: number;
  /** Working folder; default tmp. */
  cwd?: string;
  /** Use this existing folder as tmp (the caller owns it: it is not removed). */
  tmp?: string;
  /** Keep the folder runMain created. */
  keepTmp?: boolean;
}

/** The Deps cli.ts hands main(), for a run without a terminal and without process-level tuning. */
export function inProcessDeps(): Deps {
  return {
    // cli.ts builds a terminal from process.stdin; main() asks for it only when stdin is a
    // terminal, which it never is here: reaching this is a bug in the test, not a prompt
    promptTerminal: () => Promise.reject(new Error('runMain: an in-process run has no terminal for the auto-prompt')),
    // cli.ts tunes V8's heap growth for the whole process; not the test worker's
    largeRun: () => undefined,
  };
}

// ---------------------------------------------------------------- Node warnings during a run

const inFlight = new Set<string[]>();
let listening = false;

function onWarning(w: Error): void {
  // cli.ts drops exactly this one (src/cli.ts, process.emitWarning)
  if (/NodeVersionSupportWarning/.test(`${w.name} ${w.message}`)) return;
  const line = `(node) ${w.name}: ${w.message}\n`;
  for (const sink of inFlight) sink.push(line);
}

function watchWarnings(): string[] {
  if (!listening) {
    process.on('warning', onWarning);
    listening = true;
  }
  const sink: string[] = [];
  inFlight.add(sink);
  return sink;
}

// ---------------------------------------------------------------- running

export async function runMain(args: readonly string[], opts: RunMainOptions = {}): Promise<RunCliResult> {
  const ownTmp = opts.tmp === undefined;
  const tmp = opts.tmp ?? makeTmp();
  if (!ownTmp) mkdirSync(join(tmp, 'home', '.aws'), { recursive: true });
  try {
    writeFiles(tmp, opts.files ?? {});
    const n = createNodeIo({
      argv: args,
      env: cleanEnv(tmp, opts.env),
      cwd: opts.cwd ?? tmp,
      stdin: opts.stdin ?? '',
    });
    const warnings = watchWarnings();
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    let code: number | null;
    let timedOut = false;
    try {
      const limit = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), opts.timeoutMs ?? 60_000);
      });
      const r = await Promise.race([main(n.io, inProcessDeps()), limit]);
      timedOut = r === 'timeout';
      code = timedOut ? null : (r as number);
    } finally {
      clearTimeout(timer);
      // a warning is emitted on the next tick: let the run's last ones arrive
      await new Promise((r) => setImmediate(r));
      inFlight.delete(warnings);
    }
    const durationMs = performance.now() - started;
    const stdout = n.stdout();
    const stderr = n.stderr() + warnings.join('');
    assertNoSecrets(stdout + stderr, `the in-process output of ${JSON.stringify(args).slice(0, 200)}`);
    return { code, signal: null, stdout, stderr, tmp, timedOut, durationMs };
  } finally {
    if (ownTmp && !opts.keepTmp) rmSync(tmp, { recursive: true, force: true });
  }
}
