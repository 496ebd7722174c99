// cli.ts sets V8's --heap-growing-percent at run time for large bulk runs. V8 prints an unknown
// flag's error straight onto stderr, where s3abort must print nothing of its own: this checks that
// the Node running the suite (20 here, 22 and 24 in CI) knows the flag and takes it silently.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('the V8 flag a large bulk run sets', () => {
  it('is known to this Node and set without a word', () => {
    const r = spawnSync(process.execPath, ['-e', "require('node:v8').setFlagsFromString('--heap-growing-percent=50')"], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    // the check can fail: an unknown flag is reported on stderr
    const bad = spawnSync(process.execPath, ['-e', "require('node:v8').setFlagsFromString('--s3abort-no-such-flag')"], { encoding: 'utf8' });
    expect(bad.stderr).toContain('--s3abort-no-such-flag');
  });
});
