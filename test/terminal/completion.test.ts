// Bash completion with the generated script sourced: `--out<TAB>`, `--output t<TAB><TAB>`, then
// the profile names after --profile and paths after file://.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeProgram, paneEnv, removeProgram, VARIANTS, type Program } from './programs.js';
import { expectCapture, Tmux } from './tmux.js';

for (const variant of VARIANTS) {
  describe.skipIf(!variant.run)(`bash completion: ${variant.label}`, () => {
    let program: Program;
    let tmux: Tmux;
    beforeAll(async () => {
      program = await makeProgram(variant.kind);
      writeFileSync(join(program.tmp, 'home', '.aws', 'config'), '[default]\n[profile dev]\n[profile prod-admin]\n');
      const work = join(program.tmp, 'work');
      mkdirSync(join(work, 'inputs'), { recursive: true });
      writeFileSync(join(work, 'inputs', 'upload.json'), '{}');
      tmux = Tmux.start({ cols: 100, rows: 20, env: paneEnv(program), cwd: work });
      await tmux.waitForPrompt();
      const { code } = await tmux.run('source <(s3abort completion bash)');
      expect(code).toBe(0);
      tmux.keys('C-l');
    });
    afterAll(() => {
      tmux?.kill();
      removeProgram(program);
    });

    const lastLine = (s: string) => s.split('\n').pop() ?? '';

    it('--out<TAB> and --output t<TAB>', async () => {
      tmux.type('s3abort --out');
      tmux.keys('Tab');
      const one = await tmux.waitFor((s) => lastLine(s) === '$ s3abort --output');
      await expectCapture(`${variant.kind}-bash-1-out-tab.txt`, one);
      tmux.type('t');
      tmux.keys('Tab', 'Tab');
      const two = await tmux.waitFor(/table\s+text/);
      await expectCapture(`${variant.kind}-bash-2-output-t-tab-tab.txt`, two);
      expect(lastLine(two)).toBe('$ s3abort --output t');
      tmux.type('a');
      tmux.keys('Tab');
      const three = await tmux.waitFor((s) => lastLine(s) === '$ s3abort --output table');
      await expectCapture(`${variant.kind}-bash-3-output-table.txt`, three);
      tmux.keys('C-u', 'C-l');
    });

    it('profile names after --profile, paths after file://', async () => {
      tmux.type('s3abort --profile ');
      tmux.keys('Tab', 'Tab');
      const profiles = await tmux.waitFor(/default\s+dev\s+prod-admin/);
      await expectCapture(`${variant.kind}-bash-4-profiles.txt`, profiles);
      tmux.type('p');
      tmux.keys('Tab');
      await tmux.waitFor((s) => lastLine(s) === '$ s3abort --profile prod-admin');
      tmux.type('--cli-input-json file://in');
      tmux.keys('Tab');
      await tmux.waitFor((s) => lastLine(s).endsWith('file://inputs/'));
      tmux.keys('Tab');
      const path = await tmux.waitFor((s) => lastLine(s).endsWith('--cli-input-json file://inputs/upload.json'));
      await expectCapture(`${variant.kind}-bash-5-file-path.txt`, path);
      tmux.keys('C-u', 'C-l');
    });
  });
}
