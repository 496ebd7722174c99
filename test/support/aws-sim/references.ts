// The reference CLIs a case is recorded with, and s3abort itself, as commands for runInSimAws:
//   v2      /usr/bin/aws (Debian's AWS CLI v2 2.9.19) given the current S3 model through
//           AWS_DATA_PATH, as ../shared/conformance/harness.py hands it over
//   v1      `python3 -m awscli` (AWS CLI v1 1.45 on botocore 1.43: today's botocore)
//   v1-crt  the same with Debian's awscrt (0.16.8, the one v2 uses) importable: botocore signs
//           SigV4a only when awscrt is, and the pyenv Python has none
//   s3abort node bin/s3abort.js
// A reference that is not installed throws, saying how to install it: a test never skips.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { BIN } from '../run-cli.js';
import type { Context } from './placeholders.js';

export type ReferenceName = 'v2' | 'v1' | 'v1-crt';
export type CommandName = ReferenceName | 's3abort';

export interface CliCommand {
  name: CommandName;
  /** The command before the case's arguments. */
  argv: string[];
  /** Added to the case's environment (placeholders allowed). */
  env: Record<string, string>;
  /** Prepares the run folder (model files, a PYTHONPATH folder). */
  setup?: (tmp: string, ctx: Context) => void;
}

export const AWS_V2 = process.env.S3ABORT_SIM_AWS_V2 ?? '/usr/bin/aws';
export const PYTHON = process.env.S3ABORT_SIM_PYTHON ?? '/root/.pyenv/versions/3.11.7/bin/python3';
/** Where Debian's python3-awscrt puts the module (what /usr/bin/aws imports). */
export const DEBIAN_DIST_PACKAGES = '/usr/lib/python3/dist-packages';

export const V2_MISSING = `AWS CLI v2 not found at ${AWS_V2}: install it with apt-get install awscli`;
export const V1_MISSING = `AWS CLI v1 not importable by ${PYTHON}: install it with ${PYTHON} -m pip install awscli`;
export const CRT_MISSING = `awscrt not found in ${DEBIAN_DIST_PACKAGES}: install it with apt-get install python3-awscrt`;

let botocoreDir: string | undefined;

function pythonBotocore(): string {
  if (botocoreDir !== undefined) return botocoreDir;
  const r = spawnSync(PYTHON, ['-c', 'import awscli, botocore, os; print(os.path.dirname(botocore.__file__))'], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C.UTF-8' },
  });
  if (r.status !== 0) throw new Error(`${V1_MISSING}\n${r.stderr ?? r.error?.message ?? ''}`);
  botocoreDir = r.stdout.trim();
  return botocoreDir;
}

/** harness.py models_dir(): botocore's current S3 model and endpoint rules, uncompressed, in `dir`. */
export function writeS3Models(dir: string): void {
  const src = join(pythonBotocore(), 'data', 's3', '2006-03-01');
  const target = join(dir, 's3', '2006-03-01');
  mkdirSync(target, { recursive: true });
  for (const name of ['service-2.json', 'endpoint-rule-set-1.json']) {
    const p = join(src, name);
    const data = existsSync(`${p}.gz`) ? gunzipSync(readFileSync(`${p}.gz`)) : readFileSync(p);
    writeFileSync(join(target, name), data);
  }
}

/** `awsV2` stands in for /usr/bin/aws (the tests of the missing-reference message). */
export function reference(name: CommandName, opts: { awsV2?: string } = {}): CliCommand {
  switch (name) {
    case 'v2': {
      const aws = opts.awsV2 ?? AWS_V2;
      if (!existsSync(aws)) throw new Error(aws === AWS_V2 ? V2_MISSING : `AWS CLI v2 not found at ${aws}: install it with apt-get install awscli`);
      return {
        name,
        argv: [aws, 's3api', 'abort-multipart-upload'],
        env: { AWS_DATA_PATH: '{tmp}/models' },
        setup: (tmp) => writeS3Models(join(tmp, 'models')),
      };
    }
    case 'v1':
      pythonBotocore();
      return { name, argv: [PYTHON, '-m', 'awscli', 's3api', 'abort-multipart-upload'], env: {} };
    case 'v1-crt': {
      pythonBotocore();
      const entries = existsSync(DEBIAN_DIST_PACKAGES) ? readdirSync(DEBIAN_DIST_PACKAGES).filter((e) => /^_?awscrt/.test(e)) : [];
      if (!entries.includes('awscrt')) throw new Error(CRT_MISSING);
      return {
        name,
        argv: [PYTHON, '-m', 'awscli', 's3api', 'abort-multipart-upload'],
        // only awscrt: the whole dist-packages would also bring Debian's older botocore
        env: { PYTHONPATH: '{tmp}/crt' },
        setup: (tmp) => {
          mkdirSync(join(tmp, 'crt'));
          for (const e of entries) symlinkSync(join(DEBIAN_DIST_PACKAGES, e), join(tmp, 'crt', e));
        },
      };
    }
    case 's3abort':
      return { name, argv: [process.execPath, BIN], env: {} };
  }
}
