// A compile cache for Node versions without module.enableCompileCache (before 22.1): the bundle's
// chunks are compiled through vm.Script with V8's cached data, kept in one folder per user under
// os.tmpdir(). A run that loads the AWS SDK spends about a third of its instructions parsing and
// compiling it; with the cache, V8 deserializes the code instead.
//
// Every failure only means no cache: nothing here may change what a run prints or returns.
// - The folder is created with mode 0700 and used only if it is a real folder owned by this user
//   and closed to others, so no one else can plant code in it.
// - A cache file starts with a header: a magic word, the CRC-32 and length of the source it was
//   made from, and the CRC-32 and length of V8's data. Release builds of V8 do not verify the
//   checksum of cached data, so a damaged file would otherwise reach the deserializer.
// - V8 itself rejects data made by another V8 version or with other flags (cachedDataRejected);
//   the file is then made again.
// - Files are written to a temporary name and renamed into place, so concurrent runs see either
//   the old file or the new one, whole.
// The data is made when the process exits, so that it holds the functions that ran, not only the
// top-level code. NODE_DISABLE_COMPILE_CACHE=1 turns this cache off, as it does Node's own.
//
// Only chunks of 8 KB or more loaded after startup go through the cache (the SDK, the credential
// chain, validation, formatters): for the startup chunk, which --version loads, and for small
// chunks, reading and checking a cache costs more than compiling. This module is a file of its own
// (dist/compile-cache.js) that entry.ts requires only then, so --version, skeletons and usage
// errors load none of it.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import zlib from 'node:zlib';

const MAGIC = 0x53334343; // "S3CC"
const HEADER_BYTES = 20;
// Node's CommonJS wrapper, on a line of its own so that line and column numbers stay the same
const WRAP_HEAD = '(function (exports, require, module, __filename, __dirname) {\n';
const WRAP_TAIL = '\n})';

type Crc32 = (data: string | Uint8Array) => number;
interface Cache {
  dir: string;
  crc32: Crc32;
  pending: Array<{ script: vm.Script; file: string; sourceCrc: number; sourceLength: number }>;
}

/** Compiles and runs one chunk as Node's CommonJS loader would, through the cache. */
export type CachedCompiler = (module: NodeModule, content: string, filename: string) => unknown;

/**
 * A compiler that keeps V8's data in `<tmpdir>/s3abort-compile-cache-<uid>/<key>`, or null when
 * that folder cannot be used (then the caller compiles as usual). entry.ts loads this module, and
 * calls it, only for chunks loaded after startup.
 */
export function createCompiler(key: string): CachedCompiler | null {
  const uid = process.getuid?.();
  if (uid === undefined) return null;
  const cache = openCache(uid, key);
  if (!cache) return null;
  const { crc32 } = cache;
  return (module, content, filename) => {
    const file = path.join(cache.dir, `${path.basename(filename)}.cache`);
    const sourceCrc = crc32(content);
    const cachedData = readCache(file, sourceCrc, content.length, crc32);
    const script = new vm.Script(WRAP_HEAD + content + WRAP_TAIL, { filename, lineOffset: -1, ...(cachedData ? { cachedData } : {}) });
    if (!cachedData || script.cachedDataRejected) cache.pending.push({ script, file, sourceCrc, sourceLength: content.length });
    const wrapper = script.runInThisContext() as (...args: unknown[]) => unknown;
    // the chunks call require() with the literal names of chunks and built-ins only
    const require = (id: string) => module.require(id);
    return wrapper.call(module.exports, module.exports, require, module, filename, path.dirname(filename));
  };
}

/** The cache folder and the modules it needs, or null when it cannot be used. */
function openCache(uid: number, key: string): Cache | null {
  try {
    const crc32 = (zlib as { crc32?: Crc32 }).crc32;
    if (typeof crc32 !== 'function') return null;
    const base = ownFolder(path.join(os.tmpdir(), `s3abort-compile-cache-${uid}`), uid);
    if (!base) return null;
    const dir = path.join(base, key.replace(/[^\w.-]/g, '_'));
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const cache: Cache = { dir, crc32, pending: [] };
    process.once('exit', () => {
      for (const p of cache.pending) writeCache(p.file, p.script, p.sourceCrc, p.sourceLength, crc32);
    });
    return cache;
  } catch {
    return null;
  }
}

/** `dir`, created if missing, when it is a folder (not a link) owned by `uid` that no one else may open. */
function ownFolder(dir: string, uid: number): string | undefined {
  try {
    fs.mkdirSync(dir, { mode: 0o700 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') return undefined;
  }
  const st = fs.lstatSync(dir);
  if (!st.isDirectory() || st.uid !== uid || (st.mode & 0o077) !== 0) return undefined;
  return dir;
}

function readCache(file: string, sourceCrc: number, sourceLength: number, crc32: Crc32): Buffer | undefined {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch {
    return undefined;
  }
  if (buf.length < HEADER_BYTES || buf.readUInt32LE(0) !== MAGIC) return undefined;
  if (buf.readUInt32LE(4) !== sourceCrc || buf.readUInt32LE(8) !== sourceLength) return undefined;
  const data = buf.subarray(HEADER_BYTES);
  if (buf.readUInt32LE(16) !== data.length || buf.readUInt32LE(12) !== crc32(data)) return undefined;
  return data;
}

function writeCache(file: string, script: vm.Script, sourceCrc: number, sourceLength: number, crc32: Crc32): void {
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    const data = script.createCachedData();
    const header = Buffer.alloc(HEADER_BYTES);
    header.writeUInt32LE(MAGIC, 0);
    header.writeUInt32LE(sourceCrc, 4);
    header.writeUInt32LE(sourceLength, 8);
    header.writeUInt32LE(crc32(data), 12);
    header.writeUInt32LE(data.length, 16);
    fs.writeFileSync(tmp, Buffer.concat([header, data]), { mode: 0o600, flag: 'wx' });
    fs.renameSync(tmp, file);
  } catch {
    try {
      fs.unlinkSync(tmp);
    } catch {
      // nothing was written
    }
  }
}
