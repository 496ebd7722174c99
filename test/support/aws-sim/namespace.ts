// Runs the case runner as root in a new mount, network and PID namespace:
//   unshare --mount --net --pid --fork --kill-child --mount-proc node --import ts-loader case-runner.ts spec.json
// The network namespace has only its own loopback (no route anywhere else: nothing leaves the
// machine); the mount namespace lets the runner bind-mount /etc/hosts privately; the PID namespace
// makes the runner PID 1, so the kernel ends every server and CLI when it exits, and
// --kill-child ends the runner if unshare itself is killed. When the namespace cannot be made
// the run throws SimAwsUnavailableError saying why: the tests fail, they never skip.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NamespaceResult } from './spec.js';

const HERE = dirname(fileURLToPath(import.meta.url));
export const TS_LOADER = join(HERE, 'ts-loader.mjs');
export const CASE_RUNNER = join(HERE, 'case-runner.ts');
export const UNSHARE_ARGS = ['--mount', '--net', '--pid', '--fork', '--kill-child', '--mount-proc'] as const;

export class SimAwsUnavailableError extends Error {
  override name = 'SimAwsUnavailableError';
}

let checked: string | undefined | null = null;

/** Why the namespace cannot be made here, or undefined when it can (checked once per process). */
export function namespaceProblem(): string | undefined {
  if (checked !== null) return checked;
  checked = undefined;
  const uid = process.getuid?.();
  if (uid !== 0) {
    checked = `the simulated AWS needs root (running as uid ${uid ?? '?'}): it creates a network namespace and bind-mounts /etc/hosts in it`;
    return checked;
  }
  for (const [tool, pkg] of [['unshare', 'util-linux'], ['ip', 'iproute2'], ['mount', 'mount'], ['openssl', 'openssl']] as const) {
    const r = spawnSync(tool, ['--version'], { stdio: 'ignore' });
    if (r.error) {
      checked = `the simulated AWS needs ${tool} (${(r.error as NodeJS.ErrnoException).code ?? r.error.message}): apt-get install ${pkg}`;
      return checked;
    }
  }
  const r = spawnSync('unshare', [...UNSHARE_ARGS, 'ip', 'link', 'set', 'lo', 'up'], { encoding: 'utf8', timeout: 10_000 });
  if (r.status !== 0) {
    checked = `unshare could not create the namespace (exit ${r.status ?? r.signal}): ${(r.stderr || r.error?.message || '').trim()}`;
  }
  return checked;
}

/** Runs the case runner on `specPath` in a fresh namespace; resolves to what it printed. */
export async function runInNamespace(specPath: string, timeoutMs: number): Promise<NamespaceResult> {
  const problem = namespaceProblem();
  if (problem !== undefined) throw new SimAwsUnavailableError(problem);
  const child = spawn('unshare', [...UNSHARE_ARGS, process.execPath, '--import', TS_LOADER, CASE_RUNNER, specPath], {
    // the runner builds each command's environment itself (run-cli's cleanEnv); it needs only PATH
    env: { PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin', LANG: 'C.UTF-8' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (d: Buffer) => out.push(d));
  child.stderr.on('data', (d: Buffer) => err.push(d));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, timeoutMs);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (c) => resolve(c));
  }).finally(() => clearTimeout(timer));
  const stdout = Buffer.concat(out).toString('utf8');
  const stderr = Buffer.concat(err).toString('utf8');
  if (timedOut) throw new Error(`the namespace run did not finish within ${timeoutMs} ms\n${stderr}`);
  const line = stdout.trim().split('\n').pop() ?? '';
  let result: NamespaceResult;
  try {
    result = JSON.parse(line) as NamespaceResult;
  } catch {
    throw new Error(`the case runner printed no result (exit ${code}):\n${stderr}${stdout.slice(0, 2_000)}`);
  }
  if (result.error) throw new Error(`the case runner failed: ${result.error}\n${stderr}`);
  return result;
}
