// The two implementations of `s3abort` the terminal tests run: the module driver (works now) and
// the built CLI (bin/s3abort.js, once main.ts is wired to the new modules). Each is put on PATH
// as `s3abort` in a temporary bin folder, so that the completion scripts find it by name.
import { build } from 'esbuild';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { removeTmp, runEnv, testTmpDir } from '../support/tmp.js';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = join(REPO, 'bin', 's3abort.js');

/**
 * Set to true when src/main.ts calls the help, pager, prompt and completion modules: then the
 * built-CLI variants of the terminal tests run too.
 */
export const CLI_WIRED = true;

export interface Program {
  /** 'modules' (the driver) or 'cli' (the built bin) */
  readonly kind: 'modules' | 'cli';
  /** a folder holding an executable `s3abort`, to put first on PATH */
  readonly binDir: string;
  readonly tmp: string;
}

async function bundleDriver(out: string): Promise<void> {
  await build({
    entryPoints: [join(REPO, 'test', 'terminal', 'driver.ts')],
    outfile: out,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
  });
}

export async function makeProgram(kind: Program['kind']): Promise<Program> {
  const tmp = testTmpDir(`term-${kind}`);
  const binDir = join(tmp, 'bin');
  mkdirSync(binDir);
  mkdirSync(join(tmp, 'home', '.aws'), { recursive: true });
  let target: string;
  if (kind === 'modules') {
    target = join(tmp, 'driver.mjs');
    await bundleDriver(target);
  } else {
    if (!existsSync(join(REPO, 'dist', 'cli.js'))) throw new Error('dist/cli.js is missing: run npm run build first');
    target = BIN;
  }
  const wrapper = join(binDir, 's3abort');
  writeFileSync(wrapper, `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(target)} "$@"\n`);
  chmodSync(wrapper, 0o755);
  return { kind, binDir, tmp };
}

/** Removes what makeProgram made (its bin folder, HOME and the bundled driver). */
export function removeProgram(p: Program | undefined): void {
  removeTmp(p?.tmp);
}

/**
 * The pane environment for a program: clean, fake keys, no IMDS, HOME in its tmp folder, and the
 * run's TMPDIR and marker (test/support/tmp.ts runEnv).
 */
export function paneEnv(p: Program, extra: Record<string, string> = {}): Record<string, string> {
  return {
    ...runEnv(),
    PATH: `${p.binDir}:${process.env.PATH ?? '/usr/bin:/bin'}`,
    HOME: join(p.tmp, 'home'),
    TERM: 'screen',
    LANG: 'C.UTF-8',
    PS1: '$ ',
    HISTFILE: '',
    AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMIK7MDENGbPxRfiCYSECRETKEY',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_EC2_METADATA_DISABLED: 'true',
    S3ABORT_BIN: BIN,
    ...extra,
  };
}

/** `s3abort <words>` for the program: the driver needs its command word first. */
export function commandLine(p: Program, driverWord: string, cliArgs: string): string {
  return p.kind === 'modules' ? `s3abort ${driverWord} ${cliArgs}`.trimEnd() : `s3abort ${cliArgs}`.trimEnd();
}

export const VARIANTS: readonly { kind: Program['kind']; run: boolean; label: string }[] = [
  { kind: 'modules', run: true, label: 'modules (driver)' },
  { kind: 'cli', run: CLI_WIRED, label: 'built CLI' },
];
