// An in-memory FileSystem for the config tests: paths are absolute strings, a path that is a
// prefix directory of some file reads as EISDIR, anything else missing as ENOENT.

import type { FileSystem } from '../../src/io.js';

export function memFs(files: Record<string, string | Uint8Array>): FileSystem & { files: Record<string, string | Uint8Array> } {
  const fail = (code: string, path: string): never => {
    const err = new Error(`${code}: ${path}`) as Error & { code: string };
    err.code = code;
    throw err;
  };
  const isDir = (path: string) => Object.keys(files).some((f) => f.startsWith(path.endsWith('/') ? path : `${path}/`));
  return {
    files,
    readFile(path) {
      const v = files[path];
      if (v === undefined) return isDir(path) ? fail('EISDIR', path) : fail('ENOENT', path);
      if (v === '\u0000EACCES') return fail('EACCES', path);
      return typeof v === 'string' ? new TextEncoder().encode(v) : v;
    },
    exists(path) {
      return Object.hasOwn(files, path) || isDir(path);
    },
  };
}
