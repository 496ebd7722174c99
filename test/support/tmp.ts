// Temporary folders of the test suite. Every one is made by testTmpDir() and named
// `s3abort-test-<label>-XXXXXX`; each test removes its own (afterEach/afterAll or try/finally).
//
// During a `vitest run`, os.tmpdir() itself is the run's own folder (test/support/global-setup.ts
// points TMPDIR and TMUX_TMPDIR there before any worker starts, and cleanEnv() hands TMPDIR on to
// the CLIs the tests spawn): whatever a test, a server or a spawned CLI leaves behind is found
// there when the run ends, and fails the run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The prefix of every temporary name the suite makes (folders, tmux sockets). */
export const TEST_TMP_PREFIX = 's3abort-test-';

/** Set by the global setup in every worker and process of a run: `s3abort-test-run-XXXXXX`. */
export const RUN_MARKER = 'S3ABORT_TEST_RUN';

/** A new empty folder `<tmpdir>/s3abort-test-<label>-XXXXXX`; the caller removes it. */
export function testTmpDir(label: string): string {
  return mkdtempSync(join(tmpdir(), `${TEST_TMP_PREFIX}${label}-`));
}

/** Removes a folder made by testTmpDir (and everything in it); a missing one is fine. */
export function removeTmp(dir: string | undefined): void {
  if (dir) rmSync(dir, { recursive: true, force: true });
}

/** The environment a test hands a child process so that it keeps to the run: its temp folder and marker. */
export function runEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  if (process.env.TMPDIR) env.TMPDIR = process.env.TMPDIR;
  const marker = process.env[RUN_MARKER];
  if (marker) env[RUN_MARKER] = marker;
  return env;
}
