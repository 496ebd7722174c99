// Python's OSError texts for the errors Node reports by code: CPython words them with glibc's
// strerror ("[Errno 28] No space left on device"), where Node's own messages are libuv's.

import { pyRepr } from './repr.js';

/** errno numbers and glibc's strerror texts on Linux, by Node's error code. */
const ERRNO: Readonly<Record<string, readonly [number, string]>> = {
  EPERM: [1, 'Operation not permitted'],
  ENOENT: [2, 'No such file or directory'],
  EIO: [5, 'Input/output error'],
  E2BIG: [7, 'Argument list too long'],
  ENXIO: [6, 'No such device or address'],
  ENOEXEC: [8, 'Exec format error'],
  EBADF: [9, 'Bad file descriptor'],
  EAGAIN: [11, 'Resource temporarily unavailable'],
  ENOMEM: [12, 'Cannot allocate memory'],
  EACCES: [13, 'Permission denied'],
  EBUSY: [16, 'Device or resource busy'],
  EEXIST: [17, 'File exists'],
  ENODEV: [19, 'No such device'],
  ENOTDIR: [20, 'Not a directory'],
  EISDIR: [21, 'Is a directory'],
  EINVAL: [22, 'Invalid argument'],
  ENFILE: [23, 'Too many open files in system'],
  EMFILE: [24, 'Too many open files'],
  ETXTBSY: [26, 'Text file busy'],
  EFBIG: [27, 'File too large'],
  ENOSPC: [28, 'No space left on device'],
  EROFS: [30, 'Read-only file system'],
  EPIPE: [32, 'Broken pipe'],
  ENAMETOOLONG: [36, 'File name too long'],
  ELOOP: [40, 'Too many levels of symbolic links'],
  EOVERFLOW: [75, 'Value too large for defined data type'],
  ECONNRESET: [104, 'Connection reset by peer'],
  EDQUOT: [122, 'Disk quota exceeded'],
};

/** [errno, strerror] for a Node error code, when Python would know it. */
export function pyErrno(code: unknown): readonly [number, string] | undefined {
  return typeof code === 'string' ? ERRNO[code] : undefined;
}

/**
 * str(OSError) as CPython prints it: "[Errno 2] No such file or directory: 'nope.txt'" with a
 * file name, "[Errno 28] No space left on device" without; Node's message when the code is unknown.
 */
export function pyOsErrorText(err: unknown, filename?: string, fallback?: readonly [number, string]): string {
  const known = pyErrno((err as { code?: unknown } | null)?.code) ?? fallback;
  if (!known) return err instanceof Error ? err.message : String(err);
  return filename === undefined ? `[Errno ${known[0]}] ${known[1]}` : `[Errno ${known[0]}] ${known[1]}: ${pyRepr(filename)}`;
}
