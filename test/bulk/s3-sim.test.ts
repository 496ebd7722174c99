// Self-tests of the S3 simulator the bulk end-to-end tests rely on: S3's listing order and marker
// semantics, the XML on the wire, error answers, the late-part race, counters and seeded faults.
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import {
  AbortMultipartUploadCommand,
  ListMultipartUploadsCommand,
  ListPartsCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { makeS3Client } from '../support/moto.js';
import { startS3Sim, type S3Sim } from '../support/s3-sim.js';

interface Reply {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

function send(url: string, method: string, path: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, { method }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

let sim: S3Sim;
let client: S3Client;
async function start(...args: Parameters<typeof startS3Sim>): Promise<S3Sim> {
  sim = await startS3Sim(...args);
  client = makeS3Client(sim.url);
  return sim;
}
afterEach(async () => {
  client?.destroy();
  await sim?.stop();
});

/** Every upload, page after page, as an SDK user pages. */
async function listAll(bucket: string, opts: { prefix?: string; max?: number } = {}) {
  const out: { key: string; id: string }[] = [];
  const pages: { km?: string; uim?: string; n: number }[] = [];
  let km: string | undefined;
  let uim: string | undefined;
  for (;;) {
    const r = await client.send(
      new ListMultipartUploadsCommand({ Bucket: bucket, Prefix: opts.prefix, MaxUploads: opts.max, KeyMarker: km, UploadIdMarker: uim }),
    );
    pages.push({ ...(km !== undefined ? { km } : {}), ...(uim !== undefined ? { uim } : {}), n: r.Uploads?.length ?? 0 });
    for (const u of r.Uploads ?? []) out.push({ key: u.Key!, id: u.UploadId! });
    if (!r.IsTruncated) return { out, pages };
    km = r.NextKeyMarker;
    uim = r.NextUploadIdMarker;
  }
}

describe('s3-sim ListMultipartUploads', () => {
  it('answers S3 XML: namespaced root, markers, Initiated with milliseconds and Z', async () => {
    await start();
    sim.seedUpload({ bucket: 'b', key: 'a&b <c>', uploadId: 'u1', initiated: new Date(Date.UTC(2026, 10, 20, 10, 0, 0)) });
    const r = await send(sim.url, 'GET', '/b?uploads');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/xml');
    expect(r.body).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
        '<ListMultipartUploadsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">' +
        '<Bucket>b</Bucket><KeyMarker></KeyMarker><UploadIdMarker></UploadIdMarker>' +
        '<NextKeyMarker>a&amp;b &lt;c&gt;</NextKeyMarker><NextUploadIdMarker>u1</NextUploadIdMarker>' +
        '<Prefix></Prefix><MaxUploads>1000</MaxUploads><IsTruncated>false</IsTruncated>' +
        '<Upload><Key>a&amp;b &lt;c&gt;</Key><UploadId>u1</UploadId>' +
        '<Initiator><ID>arn:aws:iam::111122223333:user/sim</ID><DisplayName>sim</DisplayName></Initiator>' +
        '<Owner><ID>75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a</ID><DisplayName>sim</DisplayName></Owner>' +
        '<StorageClass>STANDARD</StorageClass><Initiated>2026-11-20T10:00:00.000Z</Initiated></Upload>' +
        '</ListMultipartUploadsResult>',
    );
  });

  it('orders by key (UTF-8 bytes), then initiation; pages 1000 at a time with both markers', async () => {
    await start();
    const t = (s: number) => new Date(Date.UTC(2026, 10, 20, 10, 0, s));
    // one key with 2,300 uploads, seeded out of initiation order
    for (let i = 0; i < 2300; i++) sim.seedUpload({ bucket: 'b', key: 'same', initiated: t((i * 7) % 2300) });
    sim.seedUpload({ bucket: 'b', key: 'a', initiated: t(9999) });
    sim.seedUpload({ bucket: 'b', key: '\u{1F600}', initiated: t(0) }); // sorts after U+FFFD in UTF-8
    sim.seedUpload({ bucket: 'b', key: '\uFFFD', initiated: t(0) });
    const { out, pages } = await listAll('b');
    const expected = sim.uploads('b').map((u) => u.uploadId);
    expect(out.map((u) => u.id)).toEqual(expected);
    expect(out[0]?.key).toBe('a');
    expect(out.slice(-2).map((u) => u.key)).toEqual(['\uFFFD', '\u{1F600}']);
    expect(pages.map((p) => p.n)).toEqual([1000, 1000, 303]);
    expect(pages[1]).toEqual({ km: 'same', uim: expected[999], n: 1000 });
    const initiated = sim.uploads('b').filter((u) => u.key === 'same').map((u) => u.initiated.getTime());
    expect(initiated).toEqual([...initiated].sort((a, b) => a - b));
  });

  it('key-marker alone skips every upload of that key; with upload-id-marker, resumes after that upload', async () => {
    await start();
    const ids = ['k1', 'k2', 'k3'].map((id) => sim.seedUpload({ bucket: 'b', key: 'k', uploadId: id }));
    sim.seedUpload({ bucket: 'b', key: 'l', uploadId: 'l1' });
    sim.seedUpload({ bucket: 'b', key: 'j', uploadId: 'j1' });
    const page = async (q: Record<string, string>) =>
      (await client.send(new ListMultipartUploadsCommand({ Bucket: 'b', ...q }))).Uploads?.map((u) => u.UploadId);
    expect(await page({ KeyMarker: 'k' })).toEqual(['l1']);
    expect(await page({ KeyMarker: 'k', UploadIdMarker: ids[0]! })).toEqual(['k2', 'k3', 'l1']);
    expect(await page({ KeyMarker: 'k', UploadIdMarker: 'k3' })).toEqual(['l1']);
    expect(await page({ KeyMarker: 'a' })).toEqual(['j1', 'k1', 'k2', 'k3', 'l1']);
    // upload-id-marker without key-marker is ignored, as S3 documents
    expect(await page({ UploadIdMarker: 'k2' })).toEqual(['j1', 'k1', 'k2', 'k3', 'l1']);
    // the marker upload was aborted meanwhile: its place in the order still counts
    await client.send(new AbortMultipartUploadCommand({ Bucket: 'b', Key: 'k', UploadId: 'k2' }));
    expect(await page({ KeyMarker: 'k', UploadIdMarker: 'k2' })).toEqual(['k3', 'l1']);
  });

  it('filters by prefix, caps max-uploads at 1000, and rejects a bad max-uploads', async () => {
    await start();
    for (let i = 0; i < 1005; i++) sim.seedUpload({ bucket: 'b', key: `p/${String(i).padStart(4, '0')}` });
    sim.seedUpload({ bucket: 'b', key: 'q/1' });
    const capped = await client.send(new ListMultipartUploadsCommand({ Bucket: 'b', MaxUploads: 5000 }));
    expect(capped).toMatchObject({ MaxUploads: 1000, IsTruncated: true, NextKeyMarker: 'p/0999' });
    expect((await listAll('b', { prefix: 'p/', max: 300 })).pages.map((p) => p.n)).toEqual([300, 300, 300, 105]);
    expect((await listAll('b', { prefix: 'q/' })).out.map((u) => u.key)).toEqual(['q/1']);
    const bad = await send(sim.url, 'GET', '/b?uploads&max-uploads=-1');
    expect(bad.status).toBe(400);
    expect(bad.body).toContain('<Code>InvalidArgument</Code>');
  });
});

describe('s3-sim ListParts and AbortMultipartUpload', () => {
  it('lists parts, aborts with 204, then answers NoSuchUpload; counts every abort', async () => {
    await start();
    const id = sim.seedUpload({ bucket: 'b', key: 'dir/a b', parts: 3 });
    const parts = await client.send(new ListPartsCommand({ Bucket: 'b', Key: 'dir/a b', UploadId: id }));
    expect(parts.Parts?.map((p) => p.PartNumber)).toEqual([1, 2, 3]);
    const del = await send(sim.url, 'DELETE', `/b/dir/a%20b?uploadId=${id}`);
    expect(del).toMatchObject({ status: 204, body: '' });
    const again = await send(sim.url, 'DELETE', `/b/dir/a%20b?uploadId=${id}`);
    expect(again.status).toBe(404);
    expect(again.body).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<Error><Code>NoSuchUpload<\/Code><Message>The specified upload does not exist\. /);
    await expect(client.send(new ListPartsCommand({ Bucket: 'b', Key: 'dir/a b', UploadId: id }))).rejects.toMatchObject({ name: 'NoSuchUpload' });
    expect(sim.abortCount(id)).toBe(1);
    expect(sim.abortRequests(id)).toBe(2);
    expect(sim.upload(id)?.state).toBe('gone');
    // the same id under another key is not that upload
    const other = sim.seedUpload({ bucket: 'b', key: 'x' });
    expect((await send(sim.url, 'DELETE', `/b/y?uploadId=${other}`)).status).toBe(404);
  });

  it('lets a part land after the first abort: listed by ListParts, gone after the second', async () => {
    await start();
    const id = sim.seedUpload({ bucket: 'b', key: 'k', parts: 4, partsAfterAbort: 1 });
    expect((await send(sim.url, 'DELETE', `/b/k?uploadId=${id}`)).status).toBe(204);
    expect(sim.upload(id)).toMatchObject({ state: 'survivor', parts: 1 });
    expect(sim.liveUploads('b')).toEqual([]);
    const parts = await client.send(new ListPartsCommand({ Bucket: 'b', Key: 'k', UploadId: id }));
    expect(parts.Parts).toHaveLength(1);
    expect((await send(sim.url, 'DELETE', `/b/k?uploadId=${id}`)).status).toBe(204);
    expect(sim.upload(id)).toMatchObject({ state: 'gone', parts: 0 });
    expect(sim.abortCount(id)).toBe(2);
  });

  it('answers NoSuchBucket, AccessDenied for denied keys, and 400 for anything else', async () => {
    await start({ denyAbort: (_b, key) => key.startsWith('locked/') });
    const id = sim.seedUpload({ bucket: 'b', key: 'locked/1' });
    const nb = await send(sim.url, 'GET', '/nope?uploads');
    expect(nb.status).toBe(404);
    expect(nb.body).toContain('<Code>NoSuchBucket</Code><Message>The specified bucket does not exist</Message><BucketName>nope</BucketName>');
    const denied = await send(sim.url, 'DELETE', `/b/locked/1?uploadId=${id}`);
    expect(denied.status).toBe(403);
    expect(denied.body).toContain('<Code>AccessDenied</Code><Message>Access Denied</Message>');
    expect(sim.upload(id)?.state).toBe('live');
    for (const [method, path] of [
      ['GET', '/'],
      ['GET', '/b'],
      ['PUT', '/b/k'],
      ['DELETE', '/b/k'],
      ['POST', '/b/k?uploads'],
      ['PUT', `/b/locked/1?uploadId=${id}&partNumber=1`],
      ['GET', '/b?uploads&delimiter=/'],
    ] as const) {
      const r = await send(sim.url, method, path);
      expect(r.status, `${method} ${path}`).toBe(400);
    }
    expect(sim.stats().requests.Unsupported).toBe(6);
  });
});

describe('s3-sim faults', () => {
  it('injects the same faults for the same seed, at about the chosen share', async () => {
    const outcomes = async (seed: number) => {
      await start({ faults: { share: 0.2, seed } });
      for (let i = 0; i < 200; i++) sim.seedUpload({ bucket: 'b', key: `k${i}` });
      const seen: string[] = [];
      for (const u of sim.uploads('b')) {
        const r = await send(sim.url, 'DELETE', `/b/${u.key}?uploadId=${u.uploadId}`).then(
          (x) => String(x.status),
          () => 'reset',
        );
        seen.push(r);
      }
      const stats = sim.stats();
      client.destroy();
      await sim.stop();
      return { seen, stats };
    };
    const a = await outcomes(7);
    const b = await outcomes(7);
    const c = await outcomes(8);
    expect(a.seen).toEqual(b.seen);
    expect(a.seen).not.toEqual(c.seen);
    const failed = a.seen.filter((s) => s !== '204').length;
    expect(failed).toBeGreaterThan(20);
    expect(failed).toBeLessThan(60);
    expect(new Set(a.seen)).toEqual(new Set(['204', '500', '503', 'reset']));
    expect(a.stats.faults['internal-error'] + a.stats.faults['slow-down'] + a.stats.faults.reset).toBe(failed);
    await start(); // for afterEach
  });

  it('reset-after applies the abort and then drops the connection', async () => {
    await start({ faults: { share: 1, kinds: ['reset-after'], operations: ['AbortMultipartUpload'] } });
    const id = sim.seedUpload({ bucket: 'b', key: 'k' });
    await expect(send(sim.url, 'DELETE', `/b/k?uploadId=${id}`)).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect(sim.upload(id)?.state).toBe('gone');
    expect(sim.abortCount(id)).toBe(1);
    // listing is not faulted
    expect((await send(sim.url, 'GET', '/b?uploads')).status).toBe(200);
  });

  it('delays the chosen operations and counts requests in flight', async () => {
    await start({ delay: { ms: 50, operations: ['AbortMultipartUpload'] } });
    const ids = Array.from({ length: 4 }, (_, i) => sim.seedUpload({ bucket: 'b', key: `k${i}` }));
    const started = Date.now();
    await Promise.all(ids.map((id, i) => send(sim.url, 'DELETE', `/b/k${i}?uploadId=${id}`)));
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    expect(sim.stats().maxInFlight.AbortMultipartUpload).toBe(4);
  });
});
