// The namespace's /etc/hosts: only the names the case declares, each on the front's loopback
// address (IPv6 too for the names a case wants reached over IPv6), and no wildcard (hosts files
// have none, and a list that names each host keeps a case's reach explicit).
import { FRONT_V4, FRONT_V6 } from './addresses.js';

export function hostsFile(names: readonly string[], ipv6: readonly string[] = []): string {
  const lines = [`${FRONT_V4}\tlocalhost`, `${FRONT_V6}\tlocalhost ip6-localhost ip6-loopback`];
  for (const n of [...new Set(names)]) lines.push(`${FRONT_V4}\t${n}`);
  for (const n of [...new Set(ipv6)]) lines.push(`${FRONT_V6}\t${n}`);
  return `${lines.join('\n')}\n`;
}

/** resolv.conf for the runner's DNS on 127.0.0.1: one quick try, so an unmapped name fails at once. */
export const RESOLV_CONF = 'nameserver 127.0.0.1\noptions timeout:1 attempts:1\n';
