// Bulk cleanup against moto_server, a real S3 emulator: --all-uploads --prefix aborts only the
// uploads under that prefix, and moto's own listing confirms it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBucket, createUpload, listParts, listUploads, startMoto, type MotoServer } from '../support/moto.js';
import { runCli } from '../support/run-cli.js';

let moto: MotoServer;
beforeAll(async () => {
  moto = await startMoto();
});
afterAll(async () => {
  await moto?.stop();
});

describe('bulk cleanup against moto_server', () => {
  it('--all-uploads --prefix a/ --verify aborts exactly the uploads under a/', async () => {
    await createBucket(moto, 'bulk');
    const a: { key: string; id: string }[] = [];
    const rest: { key: string; id: string }[] = [];
    for (const key of ['a/1', 'a/2', 'a/2', 'a/deep/3 with space']) a.push({ key, id: await createUpload(moto, 'bulk', key, { parts: 2 }) });
    for (const key of ['b/1', 'b/2', 'ab', 'a']) rest.push({ key, id: await createUpload(moto, 'bulk', key, { parts: 1 }) });

    const r = await runCli(['--endpoint-url', moto.url, 's3api', 'abort-multipart-upload', '--bucket', 'bulk', '--all-uploads', '--prefix', 'a/', '--verify']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as {
      DryRun: boolean;
      Uploads: { Key: string; UploadId: string; Initiated: string; Status: string; Verified: boolean }[];
      Summary: Record<string, number>;
    };
    expect(doc.DryRun).toBe(false);
    expect(doc.Summary).toEqual({ Selected: 4, Aborted: 4, AlreadyGone: 0, Unconfirmed: 0, Failed: 0 });
    expect(doc.Uploads.map((u) => u.UploadId).sort()).toEqual(a.map((u) => u.id).sort());
    expect(doc.Uploads.map((u) => u.Key)).toEqual(['a/1', 'a/2', 'a/2', 'a/deep/3 with space']);
    for (const u of doc.Uploads) {
      expect(u).toMatchObject({ Status: 'Aborted', Verified: true });
      expect(u.Initiated).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?\+00:00$/);
    }

    const left = await listUploads(moto, 'bulk');
    expect(left.map((u) => u.uploadId).sort()).toEqual(rest.map((u) => u.id).sort());
    for (const u of rest) expect(await listParts(moto, 'bulk', u.key, u.id)).toHaveLength(1);

    // a second run finds nothing under a/ and leaves the rest alone
    const again = await runCli(['--endpoint-url', moto.url, '--bucket', 'bulk', '--all-uploads', '--prefix', 'a/', '--ignore-missing']);
    expect(again).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(again.stdout).Summary).toEqual({ Selected: 0, Aborted: 0, AlreadyGone: 0, Unconfirmed: 0, Failed: 0 });
    expect(await listUploads(moto, 'bulk')).toHaveLength(4);
  });
});
