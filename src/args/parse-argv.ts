// argv -> options, the way the AWS CLI's two argparse parsers (Python 3.11) see it: the main
// parser takes the global options from anywhere in argv and passes the rest on; the operation
// parser takes the operation's options from what is left. Prefix abbreviations, `--opt=value`,
// "last value wins", and argparse's error texts are reproduced; commander cannot do these.

import { ArgParseError, UnknownOptionsError } from '../errors.js';
import { getCloseMatches } from './difflib.js';
import { FIRST_PASS_OPTIONS, GLOBAL_OPTIONS, OPERATION_OPTIONS, type OptionSpec } from './options.js';

export type Parsed = Record<string, string | true | undefined>;

interface Match {
  spec: OptionSpec | null; // null: looks like an option but this parser does not know it
  explicit: string | undefined; // the part after '=' in --opt=value
}

/** argparse _parse_optional: null for a positional ('A'), otherwise the option it names ('O'). */
function classify(arg: string, table: readonly OptionSpec[], prog: string): Match | null {
  if (!arg || arg[0] !== '-') return null;
  const exact = table.find((o) => o.flag === arg);
  if (exact) return { spec: exact, explicit: undefined };
  if (arg.length === 1) return null;
  const eq = arg.indexOf('=');
  if (eq >= 0) {
    const named = table.find((o) => o.flag === arg.slice(0, eq));
    if (named) return { spec: named, explicit: arg.slice(eq + 1) };
  }
  if (arg.startsWith('--')) {
    const prefix = eq >= 0 ? arg.slice(0, eq) : arg;
    const hits = table.filter((o) => !o.exactOnly && o.flag.startsWith('--') && o.flag.startsWith(prefix));
    if (new Set(hits.map((h) => h.dest)).size > 1) {
      throw new ArgParseError(`ambiguous option: ${arg} could match ${[...new Set(hits.map((h) => h.flag))].join(', ')}`, prog);
    }
    if (hits.length === 1) return { spec: hits[0]!, explicit: eq >= 0 ? arg.slice(eq + 1) : undefined };
  }
  if (!arg.startsWith('--')) {
    // a short option with its value attached (`-hx`)
    const short = table.find((o) => o.flag === arg.slice(0, 2));
    if (short) return { spec: short, explicit: arg.slice(2) };
  }
  // negative numbers are values (neither parser has options that look like them)
  if (/^-\d+$|^-\d*\.\d+$/.test(arg)) return null;
  if (arg.includes(' ')) return null;
  return { spec: null, explicit: undefined };
}

/** Python's repr() of a str, as argparse prints the rejected choice. */
function reprStr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  return quote + s.replace(/\\/g, '\\\\').replace(new RegExp(quote, 'g'), `\\${quote}`) + quote;
}

function checkChoice(spec: OptionSpec, value: string, prog: string): void {
  const choices = spec.choices;
  if (!choices || choices.includes(value)) return;
  // awscli argparser.py _check_value: two choices a line, each padded to 40 columns
  const msg = ['Invalid choice, valid choices are:\n'];
  for (let i = 0; i < choices.length; i += 2) {
    msg.push(
      choices
        .slice(i, i + 2)
        .map((c) => c.padEnd(40))
        .join(' | '),
    );
  }
  const close = getCloseMatches(value, choices, 3, 0.8);
  if (close.length) {
    msg.push(`\n\nInvalid choice: ${reprStr(value)}, maybe you meant:\n`);
    for (const word of close) msg.push(`  * ${word}`);
  }
  throw new ArgParseError(`argument ${spec.flag}: ${msg.join('\n')}`, prog);
}

interface PassResult {
  values: Parsed;
  /** tokens this parser did not take, in order */
  rest: string[];
  /** positional tokens that were not taken by an option */
  positionals: string[];
  /** where the `stopAt` flag (--version, -h) was reached: argparse acts on it there and exits */
  versionAt?: number;
}

/**
 * One argparse pass over `args` with `table`. Options are consumed left to right; a value is the
 * next token unless that token is itself an option. Unknown option-like tokens are kept in `rest`.
 * `stopAt` names a flag's dest (version, help) whose action exits: the pass ends there.
 */
function pass(args: readonly string[], table: readonly OptionSpec[], prog: string, stopAt?: string): PassResult {
  // classification happens for every token first (an ambiguous prefix fails before anything)
  const afterDashDash = args.indexOf('--');
  const kinds = args.map((a, i) => (afterDashDash >= 0 && i >= afterDashDash ? null : classify(a, table, prog)));
  const values: Parsed = {};
  const rest: string[] = [];
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const m = kinds[i];
    if (afterDashDash >= 0 && i === afterDashDash) continue;
    if (m === null || m === undefined) {
      rest.push(arg);
      positionals.push(arg);
      continue;
    }
    if (m.spec === null) {
      rest.push(arg);
      continue;
    }
    const spec = m.spec;
    if (spec.kind === 'flag') {
      if (m.explicit !== undefined) {
        throw new ArgParseError(`argument ${spec.name ?? spec.flag}: ignored explicit argument ${reprStr(m.explicit)}`, prog);
      }
      if (stopAt !== undefined && spec.dest === stopAt) return { values, rest, positionals, versionAt: i };
      values[spec.dest] = true;
      continue;
    }
    let value: string | undefined = m.explicit;
    if (value === undefined) {
      const next = args[i + 1];
      const nextIsValue = next !== undefined && (kinds[i + 1] === null || (afterDashDash >= 0 && i + 1 > afterDashDash));
      if (nextIsValue && !(afterDashDash >= 0 && i + 1 === afterDashDash)) {
        value = next;
        i++;
      } else if (spec.kind === 'optional') {
        value = spec.constValue;
      } else {
        throw new ArgParseError(`argument ${spec.name ?? spec.flag}: expected one argument`, prog);
      }
    }
    checkChoice(spec, value!, prog);
    values[spec.dest] = value; // argparse: the last occurrence wins
  }
  return { values, rest, positionals };
}

export interface ParsedArgv {
  globals: Parsed;
  /** the operation's options by dest (bucket, key, uploadId, cliInputJson, ...) */
  op: Parsed;
  /** set when --version was reached: print the version and stop */
  version: boolean;
  /** the `help` positional was given */
  help: boolean;
}

export const FIRST_PASS_USAGE = 'usage: aws [-h] [--profile PROFILE] [--debug]\n';

/** What argparse's help action prints for the first-pass parser. */
export const FIRST_PASS_HELP =
  `${FIRST_PASS_USAGE}\n` +
  'options:\n' +
  '  -h, --help         show this help message and exit\n' +
  '  --profile PROFILE\n' +
  '  --debug\n';

/**
 * awscli clidriver.py create_clidriver: FirstPassGlobalArgParser.parse_known_args(argv) runs before
 * anything else (auto-prompt, the main parser). `help` when -h/--help was reached (its help goes to
 * stdout, exit 0); an ArgParseError with the first-pass usage for its own argparse errors.
 */
export function parseFirstPass(argv: readonly string[]): { help: boolean; debug: boolean } {
  try {
    const first = pass(argv, FIRST_PASS_OPTIONS, 'aws', 'help');
    return { help: first.versionAt !== undefined, debug: first.values.debug === true };
  } catch (e) {
    if (e instanceof ArgParseError) throw new ArgParseError(e.message, 'aws', FIRST_PASS_USAGE);
    throw e;
  }
}

/** The words a script calling `aws s3api abort-multipart-upload` puts before the options. */
const COMMAND_WORDS = ['s3api', 'abort-multipart-upload'];

export function parseGlobals(argv: readonly string[]): { globals: Parsed; rest: string[]; version: boolean } {
  // awscli clidriver.py: the main parser's prog is fixed to "aws"
  const main = pass(argv, GLOBAL_OPTIONS, 'aws', 'version');
  if (main.versionAt !== undefined) return { globals: main.values, rest: main.rest, version: true };
  let rest = main.rest;
  if (rest[0] === COMMAND_WORDS[0] && rest[1] === COMMAND_WORDS[1]) rest = rest.slice(2);
  return { globals: main.values, rest, version: false };
}

export function parseOperation(rest: readonly string[], argv: readonly string[], prog: string): { op: Parsed; help: boolean } {
  const res = pass(rest, OPERATION_OPTIONS, prog);
  // awscli: the skeleton and cli-input arguments make every option optional, but only when
  // their literal token is present (the `=` spelling does not count), and not for `output`
  const skel = argv.indexOf('--generate-cli-skeleton');
  const requiredOff =
    (skel >= 0 && argv[skel + 1] !== 'output') || argv.includes('--cli-input-json') || argv.includes('--cli-input-yaml');
  // the operation parser has an optional positional `help`; it takes the first stray word
  const first = res.positionals[0];
  const onlyHelp = rest.length === 1 && rest[0] === 'help';
  if (!requiredOff && !onlyHelp) {
    // with --all-uploads only the bucket is needed: the uploads come from the listing
    const bulk = res.values.allUploads === true;
    const missing = OPERATION_OPTIONS.filter(
      (o) => o.required && res.values[o.dest] === undefined && (!bulk || o.dest === 'bucket'),
    ).map((o) => o.flag);
    if (missing.length) throw new ArgParseError(`the following arguments are required: ${missing.join(', ')}`, prog);
  }
  // keep the order argparse reports: unknown tokens in order, the swallowed first word last
  const extras: string[] = [];
  let firstSeen = false;
  for (const t of res.rest) {
    if (!firstSeen && first !== undefined && t === first && res.positionals.includes(t)) {
      firstSeen = true;
      continue;
    }
    extras.push(t);
  }
  if (first !== undefined && first !== 'help') extras.push(first);
  if (extras.length) throw new UnknownOptionsError(extras);
  return { op: res.values, help: first === 'help' };
}
