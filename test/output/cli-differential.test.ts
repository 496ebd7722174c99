// Differential test against the real AWS CLI 2.9.19: thousands of generated JSON values, each with a
// --query expression, printed through all five output formats. scripts/gen-cli-differential.py
// recorded what `aws s3api abort-multipart-upload --generate-cli-skeleton output ... --output F
// --query '`VALUE` | EXPR'` printed (exit code, stdout bytes, stderr); here main() runs in-process
// with the same arguments and must print the same.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/main.js';
import { createMemoryIo } from '../support/memory-io.js';

interface Result {
  rc: number;
  stdout: string;
  stderr?: string;
}

interface DiffCase {
  id: string;
  /** the literal's JSON text */
  value: string;
  /** applied to the literal after a pipe; '' for the literal alone */
  expr: string;
  results: Record<string, Result>;
}

interface DiffFile {
  argv: string[];
  cases: DiffCase[];
}

// the environment the recorder gave the CLI (the harness's clean one)
const ENV = {
  PATH: '/usr/bin:/bin',
  HOME: '/home/user',
  LANG: 'C.UTF-8',
  TERM: 'dumb',
  AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY',
  AWS_DEFAULT_REGION: 'us-east-1',
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_PAGER: '',
};

const DIR = process.env.CLI_DIFF_FIXTURES_DIR ?? fileURLToPath(new URL('../fixtures/cli-differential/', import.meta.url));
const FILES = readdirSync(DIR)
  .filter((f) => /^cases-\d+\.json$/.test(f))
  .sort();

/** The --query the recorder passed: JMESPath escapes a backtick inside a literal as \`. */
export function queryOf(c: Pick<DiffCase, 'value' | 'expr'>): string {
  const literal = '`' + c.value.replaceAll('`', '\\`') + '`';
  return c.expr === '' ? literal : `${literal} | ${c.expr}`;
}

// compared like the conformance harness: blank and usage lines dropped, the program name ignored
const USAGE_NOISE = /^(usage: |To see help text|  \S+ help$|  \S+ <command> help$|  \S+ <command> <subcommand> help$)/;
function significantStderr(text: string): string[] {
  return text
    .split(/\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/)
    .map((l) => l.trimEnd())
    .filter((l) => l !== '' && !USAGE_NOISE.test(l))
    .map((l) => l.replace(/^(aws|s3abort): /, 'PROG: '));
}

// byte-exact: invalid UTF-8 throws (the recorded output is valid), and a leading U+FEFF is output,
// not a byte-order mark to drop
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true, fatal: true });

async function run(argv: readonly string[]): Promise<{ rc: number; stdout: string; stderr: string[] }> {
  const m = createMemoryIo({ argv, env: ENV });
  const rc = await main(m.io);
  return { rc, stdout: utf8.decode(m.stdoutBytes()), stderr: significantStderr(utf8.decode(m.stderrBytes())) };
}

describe('queryOf', () => {
  it('escapes backticks in the literal and pipes the expression', () => {
    expect(queryOf({ value: '"a`b"', expr: '' })).toBe('`"a\\`b"`');
    expect(queryOf({ value: '[1]', expr: '[0]' })).toBe('`[1]` | [0]');
  });
});

describe('significantStderr', () => {
  it('drops blank and usage lines and the program name, as the harness does', () => {
    expect(significantStderr('\nusage: aws [options]\naws: error: x  \n\ns3abort: y\nz\n')).toEqual(['PROG: error: x', 'PROG: y', 'z']);
  });
});

for (const file of FILES) {
  const data = JSON.parse(readFileSync(`${DIR}/${file}`, 'utf8')) as DiffFile;
  // the recorder ran `aws s3api abort-multipart-upload ...`; s3abort is the operation itself
  const [service, operation, ...common] = data.argv;
  describe(`${file}: recorded from aws ${data.argv.join(' ')}`, () => {
    it('runs the operation the recorder ran', () => {
      expect([service, operation]).toEqual(['s3api', 'abort-multipart-upload']);
      expect(data.cases.length).toBeGreaterThan(0);
    });
    it.each(data.cases.map((c) => [`${c.id} ${JSON.stringify(c.expr)}`, c] as const))('%s', async (_name, c) => {
      const query = queryOf(c);
      expect(Object.keys(c.results)).toEqual(['json', 'text', 'table', 'yaml', 'yaml-stream']);
      for (const [format, r] of Object.entries(c.results)) {
        const got = await run([...common, '--output', format, '--query', query]);
        const want = { rc: r.rc, stdout: r.stdout, stderr: significantStderr(r.stderr ?? '') };
        // soft: every differing format of the case is reported, each naming the case and value
        expect.soft(got, `${c.id} --output ${format}: value ${c.value} | expr ${JSON.stringify(c.expr)}`).toEqual(want);
      }
    });
  });
}
