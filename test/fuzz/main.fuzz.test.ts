// Property-based runs of main() in-process: whatever the argv, input documents, paths, queries
// and responses, the exit code is one of the documented ones, nothing throws past main(), no
// stack trace reaches stderr, and usage/config errors print nothing on stdout.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { main, type Deps } from '../../src/main.js';
import { ServiceError, GeneralError } from '../../src/errors.js';
import { createMemoryIo } from '../support/memory-io.js';
import { argvArb, nearValidArgv } from './arbitraries.js';

const EXIT_CODES = new Set([0, 1, 130, 252, 253, 254, 255]);
/**
 * Runs per test run, half random command lines and half near-valid ones. CI runs 20,000: 100,000
 * cost about 170 s of CPU, as much as the rest of the suite together, and kept a run of the whole
 * suite from staying under 10 minutes on the shared 2-core machine. S3ABORT_FUZZ_RUNS=100000 (or more)
 * for a deeper run (README "Development").
 */
const RUNS = Number(process.env.S3ABORT_FUZZ_RUNS ?? 20_000);
/** Runs per vitest test: each chunk is a property of its own, with its own seed. */
const CHUNK = 5_000;
const SEED = Number(process.env.S3ABORT_FUZZ_SEED ?? 20261125);
const SECRET = 'wJalrXUtnFEMIK7MDENGbPxRfiCYSECRETKEY';
if (!Number.isInteger(RUNS) || RUNS < 2) throw new Error(`S3ABORT_FUZZ_RUNS must be a whole number of at least 2, not ${process.env.S3ABORT_FUZZ_RUNS}`);

const responses = fc.oneof(
  fc.constant({}),
  fc.string().map((s) => ({ RequestCharged: s })),
  fc.constantFrom('NoSuchUpload', 'AccessDenied', 'SlowDown').map((code) => new ServiceError(code, 'm', 400, `An error occurred (${code})`)),
  fc.constant(new GeneralError('Could not connect to the endpoint URL: "x"')),
  fc.constant(new TypeError('boom')),
);

function deps(response: object): Deps {
  const answer = async () => {
    if (response instanceof Error) throw response;
    return response as { RequestCharged?: string };
  };
  return {
    sleep: async () => {},
    createSession: async () => ({
      abortMultipartUpload: answer,
      listMultipartUploads: async () => {
        if (response instanceof Error) throw response;
        return { uploads: [{ Key: 'k', UploadId: 'u', Initiated: new Date(0) }], truncated: false };
      },
      listParts: async () => ({ parts: 0 }),
      destroy: () => {},
    }),
  };
}

async function check(argv: string[], response: object, stdin: string) {
  const m = createMemoryIo({
    argv,
    stdin,
    env: {
      AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE', AWS_SECRET_ACCESS_KEY: SECRET, AWS_DEFAULT_REGION: 'us-east-1',
      AWS_EC2_METADATA_DISABLED: 'true', AWS_CONFIG_FILE: '/h/config', AWS_SHARED_CREDENTIALS_FILE: '/h/credentials', HOME: '/h',
    },
    files: { '/work/in.json': '{"Bucket": "b", "Key": "k", "UploadId": "u"}', '/h/config': '[default]\noutput = json\n' },
    dirs: ['/etc'],
    homedir: '/h',
  });
  const code = await main(m.io, deps(response));
  const out = m.stdout();
  const err = m.stderr();
  expect(EXIT_CODES.has(code), `exit ${code} for ${JSON.stringify(argv)}`).toBe(true);
  // a stack trace may appear only inside a --debug log
  const debug = argv.some((a) => a.startsWith('--de'));
  if (!debug) expect(err, `stack trace for ${JSON.stringify(argv)}`).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
  if (code === 252 || code === 253) expect(out, `stdout on ${code} for ${JSON.stringify(argv)}`).toBe('');
  expect(out + err).not.toContain(SECRET);
}

/** numRuns per chunk: `total` split into chunks of at most CHUNK. */
function chunks(total: number): number[] {
  const n = Math.max(1, Math.ceil(total / CHUNK));
  return Array.from({ length: n }, (_, i) => Math.floor((total * (i + 1)) / n) - Math.floor((total * i) / n));
}

describe('fuzzing main() in-process', () => {
  const half = Math.ceil(RUNS / 2);
  chunks(half).forEach((numRuns, i) => {
    const seed = SEED + 2 * i;
    it(`keeps its invariants over ${numRuns} random command lines (seed ${seed})`, async () => {
      await fc.assert(
        fc.asyncProperty(argvArb, responses, fc.string({ maxLength: 40 }), (argv, response, stdin) => check(argv, response, stdin)),
        { numRuns, seed },
      );
    });
  });
  chunks(RUNS - half).forEach((numRuns, i) => {
    const seed = SEED + 2 * i + 1;
    it(`keeps its invariants over ${numRuns} near-valid command lines (seed ${seed})`, async () => {
      await fc.assert(
        fc.asyncProperty(nearValidArgv, responses, fc.string({ maxLength: 40 }), (argv, response, stdin) => check(argv, response, stdin)),
        { numRuns, seed },
      );
    });
  });
});
