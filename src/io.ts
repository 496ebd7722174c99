// Everything the program needs from the outside world, injected so that main() runs in-process in
// tests with an in-memory Io. Only cli.ts builds the real one from `process`.

export interface Writable {
  write(chunk: string | Uint8Array): void;
  /** True when this stream is a terminal. */
  readonly isTTY?: boolean;
  /** Terminal width in columns, when this stream is a terminal. */
  readonly columns?: number;
  /** Resolves once everything written so far has reached the OS, or failed to. */
  settle?(): Promise<void>;
  /** The error that stopped writes to this stream (ENOSPC, EIO, ...; a closed pipe is not one). */
  failure?(): { code?: string } | undefined;
}

/** A file opened for appending: each write reaches the OS before it returns. */
export interface AppendFile {
  write(text: string): void;
  close(): void;
}

export interface FileSystem {
  /** Reads a whole file as bytes; throws a Node-style error (code ENOENT, EISDIR, EACCES ...). */
  readFile(path: string): Uint8Array;
  exists(path: string): boolean;
}

export interface Io {
  /** Arguments after the program name. */
  readonly argv: readonly string[];
  /** basename of the program as invoked (argparse's prog for the operation parser). */
  readonly prog: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: Writable;
  readonly stderr: Writable;
  /** Reads all of standard input (once; later calls return the same bytes). */
  readStdin(): Promise<Uint8Array>;
  readonly stdinIsTTY: boolean;
  readonly fs: FileSystem;
  /** Opens (creating it when missing) a file to append to (`--log`); throws a Node-style error. */
  openAppend(path: string): AppendFile;
  readonly cwd: string;
  readonly homedir: string;
  /** Milliseconds since the epoch. */
  now(): number;
  /**
   * Aborted on the first SIGINT (and SIGTERM or SIGHUP while a bulk run holds them, see
   * Deps.holdTermination); its reason is the signal's name.
   */
  readonly signal: AbortSignal;
  /** Aborted on the second such signal: what is still in flight is cancelled at once. */
  readonly cancel: AbortSignal;
  readonly platform: string;
  /** The runtime as --version names it: `Node.js/<version> <os>/<release> <arch>`. */
  readonly runtime: string;
}
