// A real S3 emulator for end-to-end tests: `moto_server` on 127.0.0.1, plus the few S3 calls the
// tests need to arrange and inspect state (bucket, multipart uploads, parts). The SDK client gets
// every setting explicitly so that it never consults the ambient environment or ~/.aws: the test
// machine sets AWS_CA_BUNDLE and friends, and tests must not depend on them.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { createServer } from 'node:net';
import {
  S3Client,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  UploadPartCommand,
  AbortMultipartUploadCommand,
  ListMultipartUploadsCommand,
  ListPartsCommand,
} from '@aws-sdk/client-s3';
import { ACCESS_KEY, SECRET_KEY } from './run-cli.js';
export const MOTO_NOT_FOUND = 'moto_server not found: install it with pip install "moto[server]"';

export interface MotoServer {
  /** http://127.0.0.1:<port>, no trailing slash. */
  readonly url: string;
  readonly port: number;
  /** A path-style client for us-east-1 with the fake keys, pointed at this server. */
  readonly client: S3Client;
  stop(): Promise<void>;
}

export interface UploadSummary {
  key: string;
  uploadId: string;
}

export interface PartSummary {
  partNumber: number;
  size: number;
  etag: string;
}

/** A free TCP port on 127.0.0.1 (the OS picks it; there is a small window before moto binds it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => (port ? resolve(port) : reject(new Error('could not pick a free port'))));
    });
  });
}

/** moto_server's absolute path, or an Error telling how to install it. Never a skip. */
export function findMotoServer(pathEnv: string = process.env.PATH ?? ''): string {
  for (const dir of pathEnv.split(':')) {
    if (!dir) continue;
    const exe = `${dir}/moto_server`;
    // pyenv shims exist for every installed version's scripts; `--help` proves this one runs
    const probe = spawnSync(exe, ['--help'], { stdio: 'ignore', timeout: 30_000 });
    if (probe.error === undefined && probe.status === 0) return exe;
  }
  throw new Error(MOTO_NOT_FOUND);
}

/** An S3 client that reads nothing from process.env or ~/.aws: every loadable setting is given. */
export function makeS3Client(endpoint: string): S3Client {
  // the SDK warns once per process that Node 20 support ends; noise in test output
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  return new S3Client({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: ACCESS_KEY, secretAccessKey: SECRET_KEY },
    defaultsMode: 'standard',
    maxAttempts: 3,
    retryMode: 'standard',
    useFipsEndpoint: false,
    useDualstackEndpoint: false,
    useArnRegion: false,
    disableS3ExpressSessionAuth: true,
    disableMultiregionAccessPoints: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    authSchemePreference: [],
    sigv4aSigningRegionSet: async () => undefined,
    userAgentAppId: async () => undefined,
    requestHandler: { connectionTimeout: 5_000, requestTimeout: 30_000 },
  });
}

/** GET / answered with any HTTP status: the server is up. */
function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path: '/', method: 'GET', timeout: 1_000 }, (res) => {
      res.resume();
      res.on('end', () => resolve(true));
      res.on('error', () => resolve(true));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
    req.end();
  });
}

function exited(proc: ChildProcess): boolean {
  return proc.exitCode !== null || proc.signalCode !== null;
}

function waitExit(proc: ChildProcess, ms: number): Promise<boolean> {
  if (exited(proc)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const t = setTimeout(() => resolve(false), ms);
    proc.once('exit', () => {
      clearTimeout(t);
      resolve(true);
    });
  });
}

/** Starts moto_server on 127.0.0.1 and a random free port; resolves once it answers HTTP. */
export async function startMoto(opts: { timeoutMs?: number } = {}): Promise<MotoServer> {
  const exe = findMotoServer();
  const deadline = Date.now() + (opts.timeoutMs ?? 30_000);
  let lastError = '';
  // another process may grab the port between freePort() and moto's bind: retry with a new one
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const proc = spawn(exe, ['-H', '127.0.0.1', '-p', String(port)], {
      stdio: ['ignore', 'ignore', 'pipe'],
      // the harness hands moto the whole environment; keep that (pyenv needs it) minus AWS settings
      env: Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('AWS_'))),
    });
    let stderr = '';
    proc.stderr?.on('data', (d: Buffer) => {
      stderr = (stderr + d.toString()).slice(-4_000);
    });
    let spawnError: Error | undefined;
    proc.on('error', (e) => (spawnError = e));
    while (Date.now() < deadline && !exited(proc) && !spawnError) {
      if (await answers(port)) {
        const url = `http://127.0.0.1:${port}`;
        const client = makeS3Client(url);
        return {
          url,
          port,
          client,
          async stop() {
            client.destroy();
            if (exited(proc)) return;
            proc.kill('SIGTERM');
            if (!(await waitExit(proc, 5_000))) {
              proc.kill('SIGKILL');
              await waitExit(proc, 5_000);
            }
          },
        };
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    if (spawnError && (spawnError as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(MOTO_NOT_FOUND);
    lastError = spawnError?.message ?? (exited(proc) ? `exited with ${proc.exitCode ?? proc.signalCode}` : 'did not answer in time');
    lastError += stderr ? `\n${stderr}` : '';
    if (!exited(proc)) {
      proc.kill('SIGKILL');
      await waitExit(proc, 5_000);
    }
    if (Date.now() >= deadline) break;
  }
  throw new Error(`moto_server did not start: ${lastError}`);
}

export async function createBucket(moto: MotoServer, bucket: string): Promise<void> {
  await moto.client.send(new CreateBucketCommand({ Bucket: bucket }));
}

/** Creates a multipart upload and uploads `parts` parts of 16 bytes each; returns its UploadId. */
export async function createUpload(
  moto: MotoServer,
  bucket: string,
  key: string,
  opts: { parts?: number } = {},
): Promise<string> {
  const r = await moto.client.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: key }));
  const uploadId = r.UploadId;
  if (!uploadId) throw new Error(`moto returned no UploadId for ${bucket}/${key}`);
  for (let n = 1; n <= (opts.parts ?? 0); n++) {
    await moto.client.send(
      new UploadPartCommand({ Bucket: bucket, Key: key, UploadId: uploadId, PartNumber: n, Body: 'x'.repeat(16) }),
    );
  }
  return uploadId;
}

/** The harness's setup: a bucket holding `uploads` uploads of `key`, each with `parts` parts. */
export async function setupUploads(
  moto: MotoServer,
  bucket: string,
  key: string,
  opts: { parts?: number; uploads?: number } = {},
): Promise<string[]> {
  await createBucket(moto, bucket);
  const ids: string[] = [];
  for (let i = 0; i < (opts.uploads ?? 1); i++) ids.push(await createUpload(moto, bucket, key, opts));
  return ids;
}

/** Every in-progress multipart upload in the bucket (follows pagination). */
export async function listUploads(moto: MotoServer, bucket: string): Promise<UploadSummary[]> {
  const out: UploadSummary[] = [];
  let keyMarker: string | undefined;
  let uploadIdMarker: string | undefined;
  for (;;) {
    const r = await moto.client.send(
      new ListMultipartUploadsCommand({ Bucket: bucket, KeyMarker: keyMarker, UploadIdMarker: uploadIdMarker }),
    );
    for (const u of r.Uploads ?? []) out.push({ key: u.Key ?? '', uploadId: u.UploadId ?? '' });
    if (!r.IsTruncated) return out;
    keyMarker = r.NextKeyMarker;
    uploadIdMarker = r.NextUploadIdMarker;
  }
}

/** Whether the bucket still lists this upload (the harness's `present`). */
export async function uploadExists(moto: MotoServer, bucket: string, uploadId: string): Promise<boolean> {
  return (await listUploads(moto, bucket)).some((u) => u.uploadId === uploadId);
}

export async function listParts(
  moto: MotoServer,
  bucket: string,
  key: string,
  uploadId: string,
): Promise<PartSummary[]> {
  const r = await moto.client.send(new ListPartsCommand({ Bucket: bucket, Key: key, UploadId: uploadId }));
  return (r.Parts ?? []).map((p) => ({ partNumber: p.PartNumber ?? 0, size: p.Size ?? 0, etag: p.ETag ?? '' }));
}

/** Aborts through the SDK (for tests of the helpers themselves, and for cleanup). */
export async function abortUpload(moto: MotoServer, bucket: string, key: string, uploadId: string): Promise<void> {
  await moto.client.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: uploadId }));
}
