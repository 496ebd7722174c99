// runInSimAws(case, command): one command of a case in a fresh simulated AWS, observed the way the
// goldens were recorded. `command` is a reference (v2, v1, v1-crt), s3abort, or any CliCommand.
import { registerSecret } from '../secrets.js';
import { fakeSecrets } from './fake-credentials.js';
import { observe, type SimObservation } from './observation.js';
import { reference, type CliCommand, type CommandName } from './references.js';
import type { SimCase } from './sim-case.js';
import { runSim } from './sim-run.js';

for (const s of fakeSecrets()) registerSecret(s);

export async function runInSimAws(c: SimCase, command: CommandName | CliCommand): Promise<SimObservation> {
  const cli = typeof command === 'string' ? reference(command) : command;
  const result = await runSim({
    hosts: c.hosts,
    ...(c.ipv6Hosts ? { ipv6Hosts: c.ipv6Hosts } : {}),
    ...(c.services ? { services: c.services } : {}),
    setup: cli.setup,
    commands: [
      {
        argv: [...cli.argv, ...c.args],
        env: { ...(c.env ?? {}), ...cli.env },
        files: c.files ?? {},
        timeoutMs: c.timeoutMs ?? 60_000,
      },
    ],
  });
  const r = result.results[0];
  if (!r) throw new Error(`${c.id}: the namespace ran no command`);
  return observe(cli.name, r, result.log, { stderrKeep: c.stderrKeep, watch: c.watch }, result.uploadsAfter);
}
