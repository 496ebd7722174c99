// A stand-in for the wired CLI, for the terminal tests before main.ts calls the new modules: it
// runs them the way main.ts will (help, the output pager with table colours, the auto-prompt, the
// completion commands) on the real terminal. Bundled with esbuild by the tests; not part of s3abort.
//
//   driver help                       s3abort help
//   driver table [--color X] [--no-cli-pager]   prints {RequestCharged: requester} as a table
//   driver prompt <args...>           the auto-prompt, then runs the built CLI with the result
//   driver completion <shell> | __complete ...   the completion commands
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import type { Io } from '../../src/io.js';
import { showHelp } from '../../src/help/show-help.js';
import { resolvePager } from '../../src/pager/resolve-pager.js';
import { writeThroughPager } from '../../src/pager/write-through-pager.js';
import { formatTable } from '../../src/output/table.js';
import { promptForArgs } from '../../src/prompt/prompt-for-args.js';
import { createTtyTerminal } from '../../src/prompt/tty-terminal.js';
import { isCompletionCommand, runCompletionCommand } from '../../src/completion/command.js';
import { nodeCompletionFs } from '../../src/completion/node-fs.js';
import { CliError } from '../../src/errors.js';

const [command, ...args] = process.argv.slice(2);
const io: Io = {
  argv: [command ?? '', ...args],
  prog: 's3abort',
  env: process.env,
  stdout: {
    write: (c) => void process.stdout.write(c),
    get isTTY() {
      return process.stdout.isTTY === true;
    },
    get columns() {
      return process.stdout.columns;
    },
  },
  stderr: { write: (c) => void process.stderr.write(c), isTTY: process.stderr.isTTY === true },
  readStdin: async () => new Uint8Array(),
  stdinIsTTY: process.stdin.isTTY === true,
  fs: { readFile: (p) => fs.readFileSync(p), exists: (p) => fs.existsSync(p) },
  cwd: process.cwd(),
  homedir: os.homedir(),
  now: () => Date.now(),
  signal: new AbortController().signal,
  cancel: new AbortController().signal,
  openAppend: () => {
    throw new Error('the terminal driver opens no log');
  },
  platform: process.platform,
  runtime: `Node.js/${process.versions.node} ${os.type()}/${os.release()} ${os.machine()}`,
};

async function run(): Promise<number> {
  if (isCompletionCommand(io.argv)) return runCompletionCommand(io, nodeCompletionFs());
  switch (command) {
    case 'help':
      return showHelp(io);
    case 'table': {
      const color = args.includes('--color') ? args[args.indexOf('--color') + 1] : 'auto';
      const on = color === 'on' || (color === 'auto' && io.stdout.isTTY === true && !io.env.NO_COLOR);
      const pager = resolvePager(io.env, undefined, args.includes('--no-cli-pager'), io.stdout.isTTY === true);
      const value = new Map([['RequestCharged', 'requester']]);
      const width = io.stdout.isTTY && io.stdout.columns ? io.stdout.columns : 80;
      const text = formatTable(value, { title: 'AbortMultipartUpload', color: on, terminalWidth: width, autoreset: pager === null && on });
      if (pager) await writeThroughPager(io, pager, text, { coloramaWrapped: on });
      else io.stdout.write(text);
      // colorama's atexit reset_all on a terminal
      if (on && io.stdout.isTTY) io.stdout.write('\x1b[0m');
      return 0;
    }
    case 'prompt': {
      const terminal = createTtyTerminal(process.stdin, process.stdout);
      const result = await promptForArgs(io, args, terminal, { completionFs: nodeCompletionFs() });
      if (result.interrupted) {
        io.stderr.write(`> s3abort ${result.buffer}\n`);
        return 130;
      }
      io.stdout.write(`> s3abort ${result.line}\n`);
      const bin = process.env.S3ABORT_BIN;
      if (!bin) return 0;
      const child = spawnSync(process.execPath, [bin, ...result.argv], { stdio: 'inherit' });
      return child.status ?? 1;
    }
    default:
      io.stderr.write(`driver: unknown command ${command}\n`);
      return 2;
  }
}

run().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof CliError) {
      process.stderr.write(err.render());
      process.exitCode = err.exitCode;
    } else throw err;
  },
);
