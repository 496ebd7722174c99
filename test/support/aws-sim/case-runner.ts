// The process that runs inside the namespace, as its PID 1 (namespace.ts starts it under
// `unshare --mount --net --pid --fork`): sets up the network, starts the simulated services, runs
// the case's commands one after the other with run-cli.ts's clean environment, then prints one
// JSON NamespaceResult on stdout and exits. When it exits, the kernel ends every process left in
// the namespace, so no server or CLI outlives a run.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { runCli } from '../run-cli.js';
import { registerSecret } from '../secrets.js';
import { fakeSecrets } from './fake-credentials.js';
import { setupNamespaceNetwork } from './netns-setup.js';
import { startServices, type RunningServices } from './services.js';
import type { CommandResult, NamespaceResult, NamespaceSpec } from './spec.js';

function message(e: unknown): string {
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}

async function main(): Promise<NamespaceResult> {
  const started = Date.now();
  const spec = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')) as NamespaceSpec;
  for (const s of fakeSecrets()) registerSecret(s);
  const result: NamespaceResult = { results: [], log: { requests: [], proxy: [], dns: [] }, setupMs: 0 };
  let services: RunningServices | undefined;
  try {
    setupNamespaceNetwork(spec.hostsFile, spec.resolvFile);
    services = await startServices(spec.services, spec.tls);
    result.setupMs = Date.now() - started;
    if (spec.probe) {
      const mod = (await import(pathToFileURL(spec.probe.module).href)) as { default: (input: unknown) => unknown };
      result.probe = await mod.default(spec.probe.input);
    }
    // moto's upload ids exist only now: {upload_id}, {upload_id2}... in the commands, and back
    const ids: Record<string, string> = Object.fromEntries(services.uploadIds.map((id, i) => [i === 0 ? 'upload_id' : `upload_id${i + 1}`, id]));
    const put = (s: string): string => Object.entries(ids).reduce((t, [k, v]) => t.split(`{${k}}`).join(v), s);
    const putAll = (r: Record<string, string | null>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null ? null : put(v)]));
    for (const c of spec.commands) {
      let r: CommandResult;
      try {
        const run = await runCli([], {
          command: c.argv.map(put),
          env: putAll(c.env),
          files: putAll(c.files) as Record<string, string>,
          stdin: c.stdin,
          tmp: spec.tmp,
          timeoutMs: c.timeoutMs,
        });
        r = {
          code: run.code,
          signal: run.signal,
          stdout: run.stdout,
          stderr: run.stderr,
          timedOut: run.timedOut,
          durationMs: run.durationMs,
        };
      } catch (e) {
        r = { code: null, signal: null, stdout: '', stderr: '', timedOut: false, durationMs: 0, error: message(e) };
      }
      result.results.push(r);
    }
    if (services.uploadIds.length > 0) result.uploadsAfter = await services.uploadsAfter();
  } catch (e) {
    result.error = message(e);
  } finally {
    if (services) {
      result.log = services.log.snapshot();
      await services.stop();
    }
  }
  if (!services || services.uploadIds.length === 0) return result;
  let text = JSON.stringify(result);
  services.uploadIds.forEach((id, i) => (text = text.split(id).join(i === 0 ? '{upload_id}' : `{upload_id${i + 1}}`)));
  return JSON.parse(text) as NamespaceResult;
}

const result = await main();
process.stdout.write(`${JSON.stringify(result)}\n`, () => process.exit(0));
