// Inside the namespace the simulated AWS owns the addresses and AWS's well-known ports (443, 80,
// IMDS's 80 on 169.254.169.254...), so its servers listen where AWS does rather than on a random
// port of 127.0.0.1 as the other test servers (listen.ts) must on a shared machine.
import type { Server } from 'node:net';

export function listenAt(server: Server, address: string, port: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: address, port, ipv6Only: address.includes(':') }, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
