// Drives a real pseudo-terminal through tmux: a private tmux server (its own socket in a temporary
// folder of its own, no user config), one window of a fixed size running bash without rc files and
// with a clean environment; keys go in with send-keys, the screen comes out with capture-pane.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { removeTmp, testTmpDir } from '../support/tmp.js';

export const CAPTURES = join(dirname(fileURLToPath(import.meta.url)), 'captures');

export function tmuxVersion(): string | undefined {
  const r = spawnSync('tmux', ['-V'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

/** The message a missing tmux fails with (terminal tests never skip). */
export const NO_TMUX = 'tmux not found: install it (apt-get install -y tmux) to run the terminal tests';

let counter = 0;

export interface TmuxOptions {
  cols?: number;
  rows?: number;
  /** The pane's whole environment (nothing is inherited); PATH, HOME and TERM=screen by default. */
  env?: Record<string, string>;
  cwd?: string;
}

export class Tmux {
  private constructor(
    /** the folder holding the server's socket (removed by kill) */
    private readonly dir: string,
    private readonly socket: string,
    readonly cols: number,
    readonly rows: number,
  ) {}

  static start(opts: TmuxOptions = {}): Tmux {
    if (!tmuxVersion()) throw new Error(NO_TMUX);
    const cols = opts.cols ?? 100;
    const rows = opts.rows ?? 30;
    const dir = testTmpDir('tmux');
    const socket = join(dir, 'socket');
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? '/tmp',
      TERM: 'screen',
      LANG: 'C.UTF-8',
      PS1: '$ ',
      // no ~/.bash_history written as the pane's shell exits (after kill(), into a removed HOME)
      HISTFILE: '',
      ...opts.env,
    };
    const envArgs = Object.entries(env).map(([k, v]) => `${k}=${shq(v)}`);
    const shell = `exec env -i ${envArgs.join(' ')} bash --norc --noprofile`;
    try {
      execFileSync('tmux', ['-S', socket, '-f', '/dev/null', 'new-session', '-d', '-x', String(cols), '-y', String(rows), '-s', 't', ...(opts.cwd ? ['-c', opts.cwd] : []), shell]);
    } catch (e) {
      removeTmp(dir);
      throw e;
    }
    return new Tmux(dir, socket, cols, rows);
  }

  private tmux(...args: string[]): string {
    return execFileSync('tmux', ['-S', this.socket, ...args], { encoding: 'utf8' });
  }

  /** Types text literally (no key names). */
  type(text: string): void {
    this.tmux('send-keys', '-t', 't', '-l', '--', text);
  }

  /** Sends tmux key names: Enter, Tab, C-c, Up, q ... */
  keys(...names: string[]): void {
    this.tmux('send-keys', '-t', 't', ...names);
  }

  /** The visible screen; with escapes: the SGR attributes too (capture-pane -e). */
  screen(escapes = false): string {
    const text = this.tmux('capture-pane', '-p', '-t', 't', ...(escapes ? ['-e'] : []));
    return text.replace(/[ \t]+$/gm, '').replace(/\n+$/, '');
  }

  /** Waits until the screen satisfies `test` (polling), or fails with the last screen. */
  async waitFor(test: RegExp | ((screen: string) => boolean), timeoutMs = 10_000, escapes = false): Promise<string> {
    const ok = typeof test === 'function' ? test : (s: string) => test.test(s);
    const deadline = Date.now() + timeoutMs;
    let last = '';
    while (Date.now() < deadline) {
      last = this.screen(escapes);
      if (ok(last)) return last;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`timed out waiting for ${String(test)}; the screen was:\n${last}`);
  }

  /** Waits for the shell prompt on the last non-empty line. */
  async waitForPrompt(timeoutMs = 10_000): Promise<string> {
    return this.waitFor((s) => /(^|\n)\$ $/.test(`${s} `) || /\n\$$/.test(s) || s === '$', timeoutMs);
  }

  /** Runs a command line in the shell and returns its exit code (echoed by the shell). */
  async run(line: string, timeoutMs = 20_000): Promise<{ code: number; screen: string }> {
    const marker = `__rc_${++counter}__`;
    this.type(`${line}; echo ${marker}$?`);
    this.keys('Enter');
    const screen = await this.waitFor(new RegExp(`${marker}\\d+`), timeoutMs);
    const code = Number(new RegExp(`${marker}(\\d+)`).exec(screen)![1]);
    return { code, screen };
  }

  /** Stops the server (and the shell and programs in its pane) and removes its socket folder. */
  kill(): void {
    spawnSync('tmux', ['-S', this.socket, 'kill-server']);
    // the server leaves its socket file behind
    removeTmp(this.dir);
  }
}

/** A screen as its capture keeps it: the stub's random port and the exit-code markers would change every run. */
export function stableScreen(screen: string): string {
  return `${screen.replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:PORT').replace(/__rc_\d+__/g, '__rc__')}\n`;
}

/**
 * The screen, normalised, must equal the tracked capture test/terminal/captures/<name> (vitest's
 * file snapshot, soft: a difference fails the test, which goes on with its checks; `npm test -- --project e2e -u` rewrites the
 * captures after a deliberate change, to review in the diff).
 */
export async function expectCapture(name: string, screen: string): Promise<void> {
  await expect.soft(stableScreen(screen)).toMatchFileSnapshot(join(CAPTURES, name));
}

/**
 * Writes a capture with the terminal's escapes (`*.ansi.txt`, not tracked: how tmux renders the
 * SGR state differs between tmux versions, and the tests assert the attributes themselves) under
 * test/terminal/captures/ for review.
 */
export function saveAnsiCapture(name: string, styled: string): void {
  mkdirSync(CAPTURES, { recursive: true });
  writeFileSync(join(CAPTURES, name), stableScreen(visibleEscapes(styled)));
}

export function shq(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** Shows escapes readably in a capture: ESC as `\e`. */
export function visibleEscapes(s: string): string {
  return s.replace(/\x1b/g, '\\e');
}
