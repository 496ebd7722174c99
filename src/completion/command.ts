// The two command words that are not the AWS CLI's: `completion <shell>` (prints a script) and the
// hidden `__complete` (the candidates, for those scripts). Both run before anything else: they
// read no configuration (but the profile names) and never fail on a bad config file.

import { UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { completionCandidates, type Candidate, type CompletionFs } from './complete.js';
import { completionScript, SHELLS, type Shell } from './scripts.js';
import { shellEscape, splitShellWords } from './shell-words.js';

/** True when argv asks for one of the completion commands (check it first thing in main). */
export function isCompletionCommand(argv: readonly string[]): boolean {
  return argv[0] === 'completion' || argv[0] === '__complete';
}

/**
 * Runs `completion <shell>` or `__complete ...`; returns the exit code. `prog` is the name the
 * scripts complete and call (the program's basename).
 */
export function runCompletionCommand(io: Io, fs: CompletionFs, prog = 's3abort'): number {
  const [command, ...args] = io.argv;
  if (command === 'completion') {
    const shell = args[0];
    if (args.length !== 1 || !SHELLS.includes(shell as Shell)) {
      throw new UsageError(`usage: ${prog} completion bash|zsh|fish`);
    }
    io.stdout.write(completionScript(shell as Shell, prog));
    return 0;
  }
  const opts = parseCompleteArgs(args);
  let words: string[];
  let cword: number;
  if (opts.line !== undefined) {
    const split = splitShellWords(opts.line);
    words = split.words.map((w) => w.text);
    if (split.endsWithSpace || words.length === 0) words.push('');
    cword = words.length - 1;
  } else {
    words = opts.words.length > 0 ? opts.words : [prog, ''];
    if (words.length === 1) words.push('');
    cword = opts.cword ?? words.length - 1;
  }
  const candidates = completionCandidates(words, cword, { env: io.env, fs, homedir: io.homedir, cwd: io.cwd });
  const current = words[cword] ?? '';
  const lines = candidates.map((c) => formatCandidate(c, opts.shell, current, opts.current));
  if (lines.length > 0) io.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

interface CompleteArgs {
  shell: 'bash' | 'zsh' | 'fish' | 'plain';
  current?: string;
  line?: string;
  cword?: number;
  words: string[];
}

function parseCompleteArgs(args: readonly string[]): CompleteArgs {
  const out: CompleteArgs = { shell: 'plain', words: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = () => {
      const v = args[++i];
      if (v === undefined) throw new UsageError(`__complete: ${a} needs a value`);
      return v;
    };
    if (a === '--') {
      out.words = args.slice(i + 1);
      break;
    } else if (a === '--shell') {
      const v = value();
      if (v !== 'bash' && v !== 'zsh' && v !== 'fish' && v !== 'plain') throw new UsageError(`__complete: unknown shell ${v}`);
      out.shell = v;
    } else if (a === '--current') out.current = value();
    else if (a === '--line') out.line = value();
    else if (a === '--cword') out.cword = Number(value());
    else throw new UsageError(`__complete: unknown argument ${a}`);
  }
  return out;
}

function formatCandidate(c: Candidate, shell: CompleteArgs['shell'], current: string, shellCurrent: string | undefined): string {
  switch (shell) {
    case 'plain':
      return c.value;
    case 'zsh':
      return `${c.complete ? 'c' : 'n'} ${c.value}`;
    case 'fish': {
      const description = c.kind === 'option' ? (c.option?.summary ?? '') : '';
      return description ? `${c.value}\t${truncate(description, 60)}` : c.value;
    }
    case 'bash': {
      // bash replaces only its own current word, which COMP_WORDBREAKS may have cut at = or :
      let value = shellEscape(c.value);
      if (shellCurrent !== undefined) {
        const typed = shellEscape(current);
        if (typed.endsWith(shellCurrent)) {
          const cut = typed.slice(0, typed.length - shellCurrent.length);
          if (value.startsWith(cut)) value = value.slice(cut.length);
        }
      }
      return c.complete ? `${value} ` : value;
    }
  }
}

function truncate(s: string, n: number): string {
  const first = s.split(/(?<=\.)\s/)[0] ?? s;
  return first.length <= n ? first : `${first.slice(0, n - 1)}…`;
}
