// One way for the test servers to start: listen on a random free port of 127.0.0.1, nowhere else.
import type { Server } from 'node:net';

/** Listens on 127.0.0.1 with a port the system picks; resolves to that port. */
export async function listenLocal(server: Server): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const addr = server.address();
  return typeof addr === 'object' && addr ? addr.port : 0;
}

/** Stops a test server at once: pending timers cleared, open sockets (hung or kept alive) destroyed. */
export function closeLocal(server: Server, sockets: Set<{ destroy(): unknown }>, timers: Set<ReturnType<typeof setTimeout>>): Promise<void> {
  for (const t of timers) clearTimeout(t);
  timers.clear();
  return new Promise<void>((resolve) => {
    server.close(() => resolve());
    for (const s of sockets) s.destroy();
    sockets.clear();
  });
}
