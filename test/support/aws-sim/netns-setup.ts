// Run as root inside the fresh mount + network namespace, before any server starts: bring lo up,
// put AWS's link-local addresses on it (IPv6 without duplicate address detection, which would
// leave them "tentative", unusable, for a second or more), and bind-mount the case's hosts file and
// resolv.conf over the system's. The namespace's mounts are private (unshare's default), so the
// system's /etc/hosts is untouched.
import { execFileSync } from 'node:child_process';
import { LINK_LOCAL_V4, LINK_LOCAL_V6 } from './addresses.js';

export function setupNamespaceNetwork(hostsFile: string, resolvFile: string): void {
  const batch = [
    'link set lo up',
    ...LINK_LOCAL_V4.map((a) => `addr add ${a}/32 dev lo`),
    ...LINK_LOCAL_V6.map((a) => `addr add ${a}/128 dev lo nodad`),
  ].join('\n');
  execFileSync('ip', ['-batch', '-'], { input: `${batch}\n`, stdio: ['pipe', 'ignore', 'pipe'] });
  execFileSync('mount', ['--bind', hostsFile, '/etc/hosts'], { stdio: ['ignore', 'ignore', 'pipe'] });
  execFileSync('mount', ['--bind', resolvFile, '/etc/resolv.conf'], { stdio: ['ignore', 'ignore', 'pipe'] });
}
