// The namespace itself: only loopback, no route out (a public address fails at once with
// ENETUNREACH, before any packet could leave), the case's names and nothing else in /etc/hosts,
// the system's /etc/hosts untouched, no process and no temporary folder left behind.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IMDS_V4, IMDS_V6 } from '../support/aws-sim/addresses.js';
import { CASE_RUNNER, namespaceProblem, TS_LOADER } from '../support/aws-sim/namespace.js';
import { runProbe } from '../support/aws-sim/run-probe.js';
import { runSim } from '../support/aws-sim/sim-run.js';

/** Processes whose command line names `marker` (the run's own folder: other runs may be going on). */
function processesNaming(marker: string): string[] {
  const out: string[] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
      if (cmd.includes(marker)) out.push(`${pid} ${cmd}`);
    } catch {
      // gone meanwhile
    }
  }
  return out;
}


describe('the namespace', () => {
  it('can be made here: root, unshare, ip, mount and openssl are present', () => {
    // when this fails it says why (not root, no unshare...), and every simulated-AWS test fails with it
    expect(namespaceProblem()).toBeUndefined();
  });

  it('has only loopback, no route out, and only the declared names', async () => {
    const hostsBefore = readFileSync('/etc/hosts', 'utf8');
    const { results, log, tmp } = await runProbe(
      { hosts: ['bucket.s3.us-west-2.amazonaws.com', 'bucket.s3.dualstack.us-west-2.amazonaws.com'], ipv6Hosts: ['bucket.s3.dualstack.us-west-2.amazonaws.com'] },
      [
        { op: 'interfaces' },
        { op: 'connect', host: '1.1.1.1', port: 443 },
        { op: 'connect', host: '2606:4700:4700::1111', port: 443 },
        { op: 'udp', host: '8.8.8.8', port: 53 },
        { op: 'lookup', name: 'bucket.s3.us-west-2.amazonaws.com' },
        { op: 'lookup', name: 'bucket.s3.dualstack.us-west-2.amazonaws.com' },
        { op: 'lookup', name: 's3.eu-west-1.amazonaws.com' },
        { op: 'connect', host: IMDS_V4, port: 80 },
        { op: 'connect', host: IMDS_V6, port: 80 },
        { op: 'connect', host: 'bucket.s3.us-west-2.amazonaws.com', port: 443 },
      ],
    );
    const [ifaces, v4out, v6out, udpOut, mapped, dual, unmapped, imds4, imds6, front] = results;
    const addrs = ifaces!.value as Record<string, Array<{ address: string }>>;
    expect(Object.keys(addrs)).toEqual(['lo']);
    expect(addrs.lo!.map((a) => a.address).sort()).toEqual(
      ['127.0.0.1', '169.254.169.254', '169.254.170.2', '169.254.170.23', '::1', 'fd00:ec2::23', 'fd00:ec2::254'].sort(),
    );
    for (const r of [v4out, v6out, udpOut]) {
      expect(r).toMatchObject({ ok: false, error: 'ENETUNREACH' });
      expect(r!.ms).toBeLessThan(200);
    }
    expect(mapped!.value).toEqual([{ address: '127.0.0.1', family: 4 }]);
    expect(dual!.value).toEqual(expect.arrayContaining([{ address: '127.0.0.1', family: 4 }, { address: '::1', family: 6 }]));
    expect(unmapped).toMatchObject({ ok: false, error: 'ENOTFOUND' });
    expect(log.dns.map((q) => q.name)).toContain('s3.eu-west-1.amazonaws.com');
    expect([imds4!.ok, imds6!.ok, front!.ok]).toEqual([true, true, true]);

    expect(readFileSync('/etc/hosts', 'utf8')).toBe(hostsBefore);
    // the run's root (the parent of its run folder) is gone, and nothing of it still runs
    const root = dirname(tmp);
    expect(root.startsWith(join(tmpdir(), 'sim-aws-'))).toBe(true);
    expect(existsSync(root)).toBe(false);
    expect(processesNaming(root)).toEqual([]);
  });

  it('ends what a command left running when the run ends', async () => {
    // a daemon-like grandchild of the CLI: the PID namespace ends it with the runner
    const marker = `${Date.now() % 100_000 + 100_000}`;
    const r = await runSim({ hosts: [], commands: [{ argv: ['sh', '-c', `(sleep ${marker} >/dev/null 2>&1 &) ; echo started`] }] });
    expect(r.results[0]).toMatchObject({ code: 0, stdout: 'started\n' });
    expect(processesNaming(`sleep ${marker}`)).toEqual([]);
  });

  it('fails with a reason, never skips, when it cannot be made (here: not root)', () => {
    // the same check run as nobody: the message names what is missing
    const script = `import { namespaceProblem } from ${JSON.stringify(join(CASE_RUNNER, '..', 'namespace.ts'))}; console.log(namespaceProblem());`;
    const r = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, '--import', TS_LOADER, '--input-type=module', '-e', script], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
    });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('the simulated AWS needs root (running as uid 65534): it creates a network namespace and bind-mounts /etc/hosts in it');
  });

  it('leaves the host network alone', () => {
    // the addresses live only inside: the host has no 169.254.169.254
    expect(execFileSync('ip', ['-o', 'addr'], { encoding: 'utf8' })).not.toContain(IMDS_V4);
  });
});
