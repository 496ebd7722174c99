// The only module that touches `process`: it builds the Io, wires SIGINT to an AbortController,
// and sets the exit code from main().
//
// Startup cost matters here (--version must start about as fast as `node -e 0`): nothing is done
// before it is needed. process.stdin is created only when something asks about it (creating it
// loads the stream modules), and no top-level await holds the module (the bundle is CommonJS).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Io } from './io.js';
import { main } from './main.js';

// The AWS SDK warns on Node 20 that later releases need Node 22; that is not the user's business.
const emitWarning = process.emitWarning.bind(process);
process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
  const text = typeof warning === 'string' ? warning : warning?.message ?? '';
  if (/NodeVersionSupportWarning/.test(text) || /NodeVersionSupportWarning/.test(String(rest[0] ?? ''))) return;
  (emitWarning as (...a: unknown[]) => void)(warning, ...rest);
}) as typeof process.emitWarning;

let stdoutClosed = false;
/** What stopped writes to stdout: a full disk, a terminal gone (EIO); reported by main(). */
let stdoutError: NodeJS.ErrnoException | undefined;
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  stdoutClosed = true;
  // awscli: a broken pipe on stdout is swallowed (`| head -c0` exits 0)
  if (err.code !== 'EPIPE') stdoutError ??= err;
});

// The first signal stops the run (a single call is cancelled; a bulk run starts nothing new and
// lets what is in flight finish); a second one cancels what is still in flight.
const controller = new AbortController();
const cancelController = new AbortController();
const interrupt = (name: NodeJS.Signals) => {
  if (!controller.signal.aborted) controller.abort(name);
  else cancelController.abort(name);
};
process.on('SIGINT', () => interrupt('SIGINT'));
// SIGTERM and SIGHUP end the process as they end the AWS CLI's, except while a bulk run holds
// them: then they stop it as SIGINT does, so that it can report what it did
const onTerm = () => interrupt('SIGTERM');
const onHup = () => interrupt('SIGHUP');
const holdTermination = () => {
  process.on('SIGTERM', onTerm);
  process.on('SIGHUP', onHup);
  return () => {
    process.off('SIGTERM', onTerm);
    process.off('SIGHUP', onHup);
  };
};

let stdinCache: Promise<Uint8Array> | undefined;
const readStdin = (): Promise<Uint8Array> =>
  (stdinCache ??= new Promise<Uint8Array>((resolve, reject) => {
    const chunks: Buffer[] = [];
    process.stdin.on('data', (c: Buffer) => chunks.push(c));
    process.stdin.on('end', () => resolve(Buffer.concat(chunks)));
    process.stdin.on('error', reject);
  }));

const scriptName = path.basename(process.argv[1] ?? 's3abort').replace(/\.(c|m)?js$/, '');

const io: Io = {
  argv: process.argv.slice(2),
  prog: scriptName,
  env: process.env,
  stdout: {
    write: (chunk) => {
      if (!stdoutClosed) process.stdout.write(chunk);
    },
    get isTTY() {
      return process.stdout.isTTY === true;
    },
    get columns() {
      return process.stdout.columns;
    },
    // a write to a file fails on the next tick, a pipe's when the OS refuses it
    settle: () =>
      new Promise<void>((resolve) => {
        if (stdoutClosed) return resolve();
        process.stdout.write('', () => setImmediate(resolve));
      }),
    failure: () => stdoutError,
  },
  stderr: {
    write: (chunk) => {
      process.stderr.write(chunk);
    },
    get isTTY() {
      return process.stderr.isTTY === true;
    },
    get columns() {
      return process.stderr.columns;
    },
  },
  readStdin,
  get stdinIsTTY() {
    return process.stdin.isTTY === true;
  },
  fs: {
    readFile: (p) => fs.readFileSync(p),
    exists: (p) => fs.existsSync(p),
  },
  openAppend: (p) => {
    const fd = fs.openSync(p, 'a', 0o600);
    return {
      // one write(2) per record on an O_APPEND descriptor: a record is in the file once this
      // returns, whatever happens to the process next
      write: (text) => {
        const bytes = Buffer.from(text, 'utf8');
        let done = 0;
        while (done < bytes.length) done += fs.writeSync(fd, bytes, done);
      },
      close: () => fs.closeSync(fd),
    };
  },
  cwd: process.cwd(),
  homedir: os.homedir(),
  now: () => Date.now(),
  signal: controller.signal,
  cancel: cancelController.signal,
  platform: process.platform,
  runtime: `Node.js/${process.versions.node} ${os.type()}/${os.release()} ${os.machine()}`,
};

void main(io, {
  holdTermination,
  // the auto-prompt draws on the terminal: stdout when it is one, else stderr (as prompt_toolkit)
  promptTerminal: async () => {
    const { createTtyTerminal } = await import('./prompt/tty-terminal.js');
    return createTtyTerminal(process.stdin, process.stdout.isTTY ? process.stdout : process.stderr);
  },
  // a bulk run over many uploads: V8 would let the heap grow to several times the live data
  // (446 MiB peak for 100,000 uploads, a tenth of it live); a growing factor of 1.5 at each full
  // collection keeps it near what is live, for about a tenth more CPU. A flag V8 reads at
  // every heap limit it computes, so setting it now takes effect (test/e2e/heap-flag.test.ts
  // checks that every supported Node knows it: an unknown flag would print on stderr).
  largeRun: async () => {
    const v8 = await import('node:v8');
    v8.setFlagsFromString('--heap-growing-percent=50');
  },
}).then((code) => {
  process.exitCode = code;
  if (controller.signal.aborted) {
    // in-flight sockets must not hold the process after a signal: flush stdout, then leave
    if (stdoutClosed) process.exit(code);
    else process.stdout.write('', () => process.exit(code));
  }
});
