// npm run demo: start a local S3 emulator (moto_server), create a multipart upload holding two
// parts, abort it with s3abort, and show that ListParts no longer finds it.
import { spawn, spawnSync } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  S3Client, CreateBucketCommand, CreateMultipartUploadCommand, UploadPartCommand, ListPartsCommand,
} from '@aws-sdk/client-s3';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const ACCESS = 'AKIAIOSFODNN7EXAMPLE';
const SECRET = 'wJalrXUtnFEMIK7MDENGbPxRfiCYSECRETKEY';

function freePort() {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitFor(port) {
  for (let i = 0; i < 200; i++) {
    const ok = await new Promise((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => { s.destroy(); resolve(true); });
      s.on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('moto_server did not start');
}

const which = spawnSync('sh', ['-c', 'command -v moto_server']);
if (which.status !== 0) {
  console.error('moto_server not found: install it with  pip install "moto[server]"');
  process.exit(1);
}
const port = await freePort();
const endpoint = `http://127.0.0.1:${port}`;
const moto = spawn('moto_server', ['-p', String(port)], { stdio: 'ignore' });
try {
  await waitFor(port);
  // this process's own SDK client (not s3abort's): its Node 20 support warning would only clutter
  // the output (s3abort itself filters it)
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const s3 = new S3Client({
    endpoint, region: 'us-east-1', forcePathStyle: true,
    credentials: { accessKeyId: ACCESS, secretAccessKey: SECRET },
  });
  const Bucket = 'demo-bucket';
  const Key = 'backups/2026-11-25/db dump.tar';
  await s3.send(new CreateBucketCommand({ Bucket }));
  const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket, Key }));
  for (const PartNumber of [1, 2]) {
    await s3.send(new UploadPartCommand({ Bucket, Key, UploadId, PartNumber, Body: 'x'.repeat(1024) }));
  }
  const before = await s3.send(new ListPartsCommand({ Bucket, Key, UploadId }));
  console.log(`upload ${UploadId} of s3://${Bucket}/${Key} holds ${before.Parts?.length ?? 0} parts`);

  const argv = ['bin/s3abort.js', '--endpoint-url', endpoint, '--bucket', Bucket, '--key', Key, '--upload-id', UploadId];
  console.log(`$ s3abort --endpoint-url ${endpoint} --bucket ${Bucket} --key '${Key}' --upload-id ${UploadId}`);
  const run = spawnSync(process.execPath, argv, {
    cwd: root,
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH, HOME: process.env.HOME, AWS_ACCESS_KEY_ID: ACCESS, AWS_SECRET_ACCESS_KEY: SECRET,
      AWS_DEFAULT_REGION: 'us-east-1', AWS_EC2_METADATA_DISABLED: 'true', AWS_CONFIG_FILE: '/dev/null',
      AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    },
  });
  process.stdout.write(run.stdout);
  process.stderr.write(run.stderr);
  console.log(`exit code ${run.status}`);

  try {
    await s3.send(new ListPartsCommand({ Bucket, Key, UploadId }));
    console.log('ListParts still finds the upload: the abort did not work');
    process.exitCode = 1;
  } catch (e) {
    console.log(`ListParts now answers ${e.name}: the upload and its parts are gone`);
    if (e.name !== 'NoSuchUpload' || run.status !== 0) process.exitCode = 1;
  }
} finally {
  moto.kill();
}
