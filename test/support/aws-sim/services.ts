// Starts every simulated service of a case inside the namespace, on AWS's own addresses: the front
// (HTTPS on 443 and HTTP on 80, IPv4 and IPv6 loopback, routed by Host), IMDS on 169.254.169.254
// and [fd00:ec2::254], the container endpoints, the proxies, DNS, and the S3 stub behind the front.
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { startStub } from '../stub-server.js';
import { ECS_V4, EKS_V4, EKS_V6, FRONT_V4, FRONT_V6, IMDS_V4, IMDS_V6 } from './addresses.js';
import { startDns } from './dns.js';
import { serve, type Route, type ServedServer } from './handler.js';
import { listenAt } from './listen-at.js';
import { startProxy } from './proxy.js';
import { makeRouter } from './routes.js';
import type { S3Backend } from './services/s3.js';
import { containerHandler } from './services/container.js';
import { imdsHandler } from './services/imds.js';
import { hostPort, SimLog } from './sim-log.js';
import type { ServicesConfig } from './spec.js';

export interface RunningServices {
  log: SimLog;
  /** With S3 from moto: the ids of the uploads created first, in the order declared. */
  uploadIds: string[];
  /** With S3 from moto: whether each of those uploads is still there. */
  uploadsAfter(): Promise<Array<'present' | 'absent'>>;
  stop(): Promise<void>;
}

export async function startServices(config: ServicesConfig, tls: { cert: string; key: string }): Promise<RunningServices> {
  const log = new SimLog();
  const stops: Array<() => Promise<void>> = [];
  const stopAll = async (): Promise<void> => {
    await Promise.all(stops.splice(0).map((s) => s().catch(() => undefined)));
  };
  const uploadIds: string[] = [];
  let uploadsAfter: RunningServices['uploadsAfter'] = async () => [];
  try {
    const dns = await startDns(log);
    stops.push(() => dns.stop());
    const stub = await startStub();
    stops.push(() => stub.stop());
    for (const [bucket, script] of Object.entries(config.s3?.scripts ?? {})) stub.script(bucket, script);

    const listen = async (
      make: () => import('node:http').Server,
      scheme: string,
      address: string,
      port: number,
      pick: (hostname: string) => Route,
    ): Promise<void> => {
      const server = make();
      const served: ServedServer = serve(server, log, `${scheme} ${hostPort(address, port)}`, pick);
      await listenAt(server, address, port);
      stops.push(() => served.stop());
    };

    let s3: S3Backend = { port: stub.port, ownHost: false };
    const motoUploads = config.s3?.moto?.uploads;
    if (motoUploads) {
      // loaded only here: moto.ts brings the AWS SDK, which the other cases need not pay for
      const { createUpload, setupUploads, startMoto, uploadExists } = await import('../moto.js');
      const moto = await startMoto();
      stops.push(() => moto.stop());
      const buckets = new Set<string>();
      for (const u of motoUploads) {
        const ids = buckets.has(u.bucket)
          ? [await createUpload(moto, u.bucket, u.key, { parts: u.parts ?? 0 })]
          : await setupUploads(moto, u.bucket, u.key, { parts: u.parts ?? 0 });
        buckets.add(u.bucket);
        uploadIds.push(ids[0]!);
      }
      uploadsAfter = async () =>
        Promise.all(motoUploads.map(async (u, i) => ((await uploadExists(moto, u.bucket, uploadIds[i]!)) ? 'present' : 'absent')));
      s3 = { port: moto.port, ownHost: true };
    }
    const router = makeRouter(config, s3);
    const key = readFileSync(tls.key);
    const cert = readFileSync(tls.cert);
    for (const address of [FRONT_V4, FRONT_V6]) {
      await listen(() => createHttpsServer({ key, cert }), 'https', address, 443, router);
      await listen(() => createHttpServer(), 'http', address, 80, router);
    }
    const imds = imdsHandler(config.imds);
    for (const address of [IMDS_V4, IMDS_V6]) {
      await listen(() => createHttpServer(), 'http', address, 80, () => ({ service: 'imds', handler: imds }));
    }
    for (const address of [ECS_V4, EKS_V4, EKS_V6]) {
      const handler = containerHandler(config.container ?? {}, address);
      await listen(() => createHttpServer(), 'http', address, 80, () => ({ service: 'container', handler }));
    }
    for (const p of config.proxies ?? []) {
      const proxy = await startProxy(p, log);
      stops.push(() => proxy.stop());
    }
  } catch (e) {
    await stopAll();
    throw e;
  }
  return { log, uploadIds, uploadsAfter, stop: stopAll };
}
