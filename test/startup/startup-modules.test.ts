// What the built CLI loads for the runs that must start about as fast as `node -e 0` (--version,
// skeletons, usage errors): CommonJS files only, the entry and two chunks, none of the lazy code
// (SDK, credential chain, formatters, compile cache), and none of the heavy built-ins.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from '../support/run-cli.js';
import { testTmpDir } from '../support/tmp.js';

const dir = testTmpDir('startup');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// a preload that records, at exit, the CommonJS files and the built-in modules the process loaded
const PROBE = join(dir, 'probe.cjs');
writeFileSync(
  PROBE,
  `process.on('exit', () => require('fs').writeFileSync(process.env.S3ABORT_PROBE_OUT, JSON.stringify({
  files: Object.keys(require.cache).filter((f) => f !== __filename),
  builtins: process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice(13)),
})));\n`,
);

async function loaded(args: string[]) {
  const out = join(dir, `probe-${Math.random().toString(36).slice(2)}.json`);
  const r = await runCli(args, { command: [process.execPath, '--require', PROBE, join(REPO_ROOT, 'bin', 's3abort.js')], env: { S3ABORT_PROBE_OUT: out } });
  const probe = JSON.parse(readFileSync(out, 'utf8')) as { files: string[]; builtins: string[] };
  return { ...r, files: probe.files.map((f) => f.slice(REPO_ROOT.length + 1)), builtins: probe.builtins };
}

/** The built-ins an empty CommonJS script loads on this Node (Node 24 sets up the ES module loader for any script). */
async function baselineBuiltins(): Promise<string[]> {
  const script = join(dir, 'empty.cjs');
  writeFileSync(script, '\n');
  const out = join(dir, 'probe-empty.json');
  await runCli([], { command: [process.execPath, '--require', PROBE, script], env: { S3ABORT_PROBE_OUT: out } });
  return (JSON.parse(readFileSync(out, 'utf8')) as { builtins: string[] }).builtins;
}

// (net is there when stdout is a pipe, as here: process.stdout is then a socket)
const LAZY_BUILTINS = ['crypto', 'http', 'https', 'tls', 'zlib', 'vm', 'child_process', 'readline'];

describe('startup', () => {
  it.each([
    ['--version', ['--version'], 0],
    ['a usage error', ['--bucket', 'b'], 252],
    ['the input skeleton', ['--generate-cli-skeleton'], 0],
    ['the yaml-input skeleton', ['--generate-cli-skeleton', 'yaml-input'], 0],
  ])('%s loads bin/s3abort.js, dist/cli.js and two chunks, as CommonJS', async (_name, args, code) => {
    const r = await loaded(args as string[]);
    expect(r.code).toBe(code);
    expect(r.files[0]).toBe('bin/s3abort.js');
    expect(r.files[1]).toBe('dist/cli.js');
    expect(r.files.slice(2)).toEqual([expect.stringMatching(/^dist\/cli-\w+\.js$/), expect.stringMatching(/^dist\/chunk-\w+\.js$/)]);
    // the ES module loader never ran a module: its module jobs are there only when an empty
    // CommonJS script has them too (Node 24 sets them up for any script)
    const jobs = (list: string[]) => list.includes('internal/modules/esm/module_job');
    expect(jobs(r.builtins)).toBe(jobs(await baselineBuiltins()));
    expect(r.builtins.filter((b) => LAZY_BUILTINS.includes(b))).toEqual([]);
  });

  it('one request loads the SDK chunks after them (the probe sees a lazy path)', async () => {
    const r = await loaded(['--generate-cli-skeleton', 'output', '--bucket', 'b', '--key', 'k', '--upload-id', 'u']);
    expect(r.code).toBe(0);
    expect(r.files.length).toBeGreaterThan(10);
    expect(r.files.some((f) => /^dist\/s3-\w+\.js$/.test(f))).toBe(true);
    expect(r.builtins).toContain('http');
  });

  it('a request without --cli-input-yaml loads no YAML reader (js-yaml and our tags)', async () => {
    const yamlReader = (files: string[]) =>
      files.filter((f) => f.startsWith('dist/') && readFileSync(join(REPO_ROOT, f), 'utf8').includes('tag:yaml.org,2002:omap'));
    const plain = await loaded(['--generate-cli-skeleton', 'output', '--bucket', 'b', '--key', 'k', '--upload-id', 'u']);
    expect(plain.code).toBe(0);
    expect(yamlReader(plain.files)).toEqual([]);
    // the probe can see it: the same run with a YAML document loads it
    const yaml = await loaded(['--generate-cli-skeleton', 'output', '--cli-input-yaml', 'Bucket: b\nKey: k\nUploadId: u\n']);
    expect(yaml.code).toBe(0);
    expect(yamlReader(yaml.files)).toHaveLength(1);
  });
});
