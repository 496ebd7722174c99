// The compile cache of the built CLI (src/startup/compile-cache.ts) on Node versions without
// module.enableCompileCache, and on the others that it stays out of the way: whatever state the
// cache folder is in, a run prints and returns the same; the folder is used only when it is safe.
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { join } from 'node:path';
import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { testTmpDir } from '../support/tmp.js';

// Node >= 22.1 has its own compile cache, which dist/cli.js turns on instead; without zlib.crc32
// (before 20.15) there is none
const OWN_CACHE =
  typeof (Module as { enableCompileCache?: unknown }).enableCompileCache !== 'function' &&
  typeof (zlib as { crc32?: unknown }).crc32 === 'function';
const UID = process.getuid?.() ?? 0;
const KEY = `${process.version}-${process.arch}`;
// loads the SDK chunks (the endpoint ruleset runs) without a request
const ARGS = ['--generate-cli-skeleton', 'output', '--bucket', 'b', '--key', 'k', '--upload-id', 'u'];

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function tmp(): string {
  const d = testTmpDir('cc');
  dirs.push(d);
  return d;
}
const run = (tmpDir: string, env: Record<string, string> = {}) => runCli(ARGS, { env: { TMPDIR: tmpDir, ...env } });
const cacheDir = (tmpDir: string) => join(tmpDir, `s3abort-compile-cache-${UID}`, KEY);
const cacheFiles = (tmpDir: string) => (existsSync(cacheDir(tmpDir)) ? readdirSync(cacheDir(tmpDir)).sort() : []);

/** The header check compile-cache.ts makes, restated: magic, source length, data CRC and length. */
function validCacheFile(file: string): boolean {
  const buf = readFileSync(file);
  if (buf.length < 20 || buf.readUInt32LE(0) !== 0x53334343) return false;
  const data = buf.subarray(20);
  return buf.readUInt32LE(16) === data.length && buf.readUInt32LE(12) === zlib.crc32(data);
}

let reference: { code: number | null; stdout: string; stderr: string } | undefined;
async function expectSameRun(tmpDir: string, env: Record<string, string> = {}) {
  const r = await run(tmpDir, env);
  reference ??= await run(tmp(), { NODE_DISABLE_COMPILE_CACHE: '1' });
  expect(reference.code).toBe(0);
  expect(reference.stdout).toContain('"RequestCharged"');
  expect({ code: r.code, stdout: r.stdout, stderr: r.stderr }).toEqual({ code: reference.code, stdout: reference.stdout, stderr: reference.stderr });
}

describe('compile cache', () => {
  it('stores the chunks a run compiled, and the next run uses them unchanged', async () => {
    const t = tmp();
    await expectSameRun(t);
    if (!OWN_CACHE) {
      expect(readdirSync(t).filter((n) => n.startsWith('s3abort-compile-cache'))).toEqual([]);
      return;
    }
    const files = cacheFiles(t);
    expect(files.some((f) => /^s3-\w+\.js\.cache$/.test(f))).toBe(true);
    expect(files.every((f) => f.endsWith('.js.cache'))).toBe(true);
    for (const f of files) expect(validCacheFile(join(cacheDir(t), f))).toBe(true);
    expect(statSync(join(t, `s3abort-compile-cache-${UID}`)).mode & 0o777).toBe(0o700);
    const inodes = files.map((f) => statSync(join(cacheDir(t), f)).ino);
    await expectSameRun(t);
    // accepted data is not written again (a rewrite renames a new file into place)
    expect(cacheFiles(t)).toEqual(files);
    expect(files.map((f) => statSync(join(cacheDir(t), f)).ino)).toEqual(inodes);
  });

  it('ignores damaged cache files and makes them again', async () => {
    const t = tmp();
    await expectSameRun(t);
    if (!OWN_CACHE) return expect(cacheFiles(t)).toEqual([]);
    const files = cacheFiles(t).map((f) => join(cacheDir(t), f));
    expect(files.length).toBeGreaterThanOrEqual(3);
    const damage = [
      (b: Buffer) => b.subarray(0, Math.floor(b.length / 2)), // truncated
      (b: Buffer) => {
        const c = Buffer.from(b);
        c[c.length - 100] = (c[c.length - 100] ?? 0) ^ 0xff; // one byte of V8's data flipped
        return c;
      },
      () => Buffer.from('not a cache file'),
    ];
    files.forEach((f, i) => writeFileSync(f, damage[i % damage.length]!(readFileSync(f))));
    expect(files.some((f) => validCacheFile(f))).toBe(false);
    await expectSameRun(t);
    for (const f of files) expect(validCacheFile(f)).toBe(true);
  });

  it('is not used when the folder cannot be made, is open to others, or is a link', async () => {
    const file = join(tmp(), 'a-file');
    writeFileSync(file, '');
    await expectSameRun(file);

    const open = tmp();
    mkdirSync(join(open, `s3abort-compile-cache-${UID}`));
    chmodSync(join(open, `s3abort-compile-cache-${UID}`), 0o777);
    await expectSameRun(open);
    expect(readdirSync(join(open, `s3abort-compile-cache-${UID}`))).toEqual([]);

    const linked = tmp();
    const target = tmp();
    chmodSync(target, 0o700);
    symlinkSync(target, join(linked, `s3abort-compile-cache-${UID}`));
    await expectSameRun(linked);
    expect(readdirSync(target)).toEqual([]);
  });

  it('is turned off by NODE_DISABLE_COMPILE_CACHE=1', async () => {
    const t = tmp();
    await expectSameRun(t, { NODE_DISABLE_COMPILE_CACHE: '1' });
    expect(readdirSync(t).filter((n) => n.startsWith('s3abort-compile-cache'))).toEqual([]);
  });

  it('survives concurrent runs filling the same folder', async () => {
    const t = tmp();
    const runs = await Promise.all(Array.from({ length: 6 }, () => run(t)));
    await expectSameRun(t);
    for (const r of runs) expect({ code: r.code, stdout: r.stdout, stderr: r.stderr }).toEqual({ code: reference!.code, stdout: reference!.stdout, stderr: reference!.stderr });
    if (!OWN_CACHE) return expect(cacheFiles(t)).toEqual([]);
    const files = cacheFiles(t);
    expect(files.length).toBeGreaterThan(0);
    expect(files.filter((f) => !f.endsWith('.js.cache'))).toEqual([]);
    for (const f of files) expect(validCacheFile(join(cacheDir(t), f))).toBe(true);
  });
});
