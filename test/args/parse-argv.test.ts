import { describe, expect, it } from 'vitest';
import { FIRST_PASS_HELP, parseFirstPass, parseGlobals, parseOperation } from '../../src/args/parse-argv.js';
import { ArgParseError, UnknownOptionsError, USAGE_TEXT } from '../../src/errors.js';

function parse(argv: string[]) {
  const g = parseGlobals(argv);
  if (g.version) return { globals: g.globals, version: true as const };
  const o = parseOperation(g.rest, argv, 's3abort');
  return { globals: g.globals, op: o.op, help: o.help, version: false as const };
}

function failure(argv: string[]): string {
  try {
    parse(argv);
  } catch (e) {
    if (e instanceof ArgParseError || e instanceof UnknownOptionsError) return e.render();
    throw e;
  }
  throw new Error('expected a failure');
}

const REQ = ['--bucket', 'b', '--key', 'k', '--upload-id', 'u'];

describe('parseGlobals / parseOperation', () => {
  it('takes --opt value and --opt=value', () => {
    const r = parse(['--bucket=b', '--key', 'k', '--upload-id=u=v', '--output=text']);
    expect(r.op).toMatchObject({ bucket: 'b', key: 'k', uploadId: 'u=v' });
    expect(r.globals.output).toBe('text');
  });

  it('accepts unambiguous prefixes of both parsers', () => {
    const r = parse(['--buck', 'b', '--k', 'k', '--up', 'u', '--out', 'yaml', '--reg', 'eu-west-1']);
    expect(r.op).toMatchObject({ bucket: 'b', key: 'k', uploadId: 'u' });
    expect(r.globals).toMatchObject({ output: 'yaml', region: 'eu-west-1' });
  });

  it('lets the last repeated value win', () => {
    expect(parse([...REQ, '--bucket', 'c']).op?.bucket).toBe('c');
  });

  it('ignores the leading words s3api abort-multipart-upload, after global options too', () => {
    expect(parse(['s3api', 'abort-multipart-upload', ...REQ]).op?.bucket).toBe('b');
    expect(parse(['--region', 'x', 's3api', 'abort-multipart-upload', ...REQ]).op?.bucket).toBe('b');
  });

  it('treats negative numbers and "-" as values', () => {
    expect(parse(['--bucket', 'b', '--key', '-5', '--upload-id', '-']).op).toMatchObject({ key: '-5', uploadId: '-' });
  });

  it('names every missing required option at once, with the operation parser prog', () => {
    expect(failure(['--endpoint-url', 'http://x'])).toBe(
      `\n${USAGE_TEXT}\ns3abort: error: the following arguments are required: --bucket, --key, --upload-id\n\n`,
    );
  });

  it('reports a missing value', () => {
    expect(failure(['--bucket', 'b', '--key', 'k', '--upload-id'])).toContain('s3abort: error: argument --upload-id: expected one argument\n');
    expect(failure(['--bucket', 'b', '--key', '-x', '--upload-id', 'u'])).toContain('argument --key: expected one argument');
  });

  it('lists invalid choices two per line, as the main parser (prog aws)', () => {
    expect(failure([...REQ, '--output', 'xml'])).toBe(
      `\n${USAGE_TEXT}\naws: error: argument --output: Invalid choice, valid choices are:\n\n` +
        `${'json'.padEnd(40)} | ${'text'.padEnd(40)}\n${'table'.padEnd(40)} | ${'yaml'.padEnd(40)}\n${'yaml-stream'.padEnd(40)}\n\n`,
    );
  });

  it('suggests close matches for an invalid choice', () => {
    expect(failure([...REQ, '--output', 'jsn'])).toContain(
      `${'yaml-stream'.padEnd(40)}\n\n\nInvalid choice: 'jsn', maybe you meant:\n\n  * json\n`,
    );
  });

  it('reports ambiguous prefixes in the order the options were defined', () => {
    expect(failure([...REQ, '--no'])).toContain(
      'aws: error: ambiguous option: --no could match --no-verify-ssl, --no-paginate, --no-sign-request, --no-cli-pager, --no-cli-auto-prompt',
    );
    expect(failure(['--cli-input', '{}'])).toContain('s3abort: error: ambiguous option: --cli-input could match --cli-input-json, --cli-input-yaml');
  });

  it('lists unknown options with the first stray word last', () => {
    expect(failure([...REQ, 'extra1', '--foo', 'extra2'])).toBe(`\n${USAGE_TEXT}\nUnknown options: --foo, extra2, extra1\n\n`);
  });

  it('checks required options before unknown ones', () => {
    expect(failure(['--bucket', 'b', '--foo'])).toContain('required: --key, --upload-id');
  });

  it('makes everything optional for the skeleton and cli-input tokens, but not their = spelling', () => {
    expect(parse(['--generate-cli-skeleton']).op?.generateCliSkeleton).toBe('input');
    expect(parse(['--generate-cli-skeleton', 'yaml-input']).op?.generateCliSkeleton).toBe('yaml-input');
    expect(parse(['--cli-input-json', '{}']).op?.cliInputJson).toBe('{}');
    expect(failure(['--generate-cli-skeleton', 'output'])).toContain('required: --bucket, --key, --upload-id');
    expect(failure(['--generate-cli-skeleton=input'])).toContain('required: --bucket, --key, --upload-id');
  });

  it('stops at --version where argparse reaches it', () => {
    expect(parse(['--version', '--output', 'xml']).version).toBe(true);
    expect(failure(['--output', 'xml', '--version'])).toContain('argument --output: Invalid choice');
  });

  it('shows help for a bare help word when the required options are there, or alone', () => {
    expect(parse([...REQ, 'help']).help).toBe(true);
    expect(parse(['help']).help).toBe(true);
  });

  it('matches s3abort options only when spelled out, so AWS prefixes keep their meaning', () => {
    expect(parse([...REQ, '--i', '2024-01-01']).op?.ifMatchInitiatedTime).toBe('2024-01-01');
    expect(failure([...REQ, '--all'])).toContain('Unknown options: --all');
    expect(parse(['--bucket', 'b', '--all-uploads']).op?.allUploads).toBe(true);
  });
});

// awscli FirstPassGlobalArgParser (argparser.py): a plain argparse parser run first; outputs from
// the AWS CLI 2.9.19 (cases args-h, args-help-*, args-debug-explicit, args-profile-* of
// test/conformance/cases-extra.json)
describe('parseFirstPass', () => {
  const fail = (argv: string[]): string => {
    try {
      parseFirstPass(argv);
    } catch (e) {
      if (e instanceof ArgParseError) return e.render();
      throw e;
    }
    throw new Error('expected a failure');
  };

  it('finds -h/--help and its prefixes anywhere, even where a value would go', () => {
    for (const argv of [['-h'], ['--help'], ['--he'], ['--h'], ['--bucket', '-h'], ['--zzz', '-h'], ['--version', '-h']]) {
      expect(parseFirstPass(argv).help).toBe(true);
    }
    expect(parseFirstPass([...REQ, '--key=-h']).help).toBe(false);
  });

  it('prints argparse help with the first-pass usage', () => {
    expect(FIRST_PASS_HELP).toBe(
      'usage: aws [-h] [--profile PROFILE] [--debug]\n\noptions:\n  -h, --help         show this help message and exit\n' +
        '  --profile PROFILE\n  --debug\n',
    );
  });

  it('reads --debug and its prefixes', () => {
    expect(parseFirstPass(['--deb', ...REQ]).debug).toBe(true);
    expect(parseFirstPass(['--d']).debug).toBe(true);
    expect(parseFirstPass(REQ).debug).toBe(false);
  });

  it('fails with its own usage line', () => {
    expect(fail(['--debug=1'])).toBe(
      "\nusage: aws [-h] [--profile PROFILE] [--debug]\n\naws: error: argument --debug: ignored explicit argument '1'\n\n",
    );
    expect(fail(['--output', 'xml', '--profile'])).toContain('aws: error: argument --profile: expected one argument\n');
    expect(fail(['--profile', '--debug'])).toContain('aws: error: argument --profile: expected one argument\n');
    expect(fail(['-hx'])).toContain("aws: error: argument -h/--help: ignored explicit argument 'x'\n");
  });
});
