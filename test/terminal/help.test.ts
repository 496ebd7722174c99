// `s3abort help` on a real terminal: the page through the help pager (less -R), bold headings,
// quit with q, exit 0.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeProgram, paneEnv, removeProgram, VARIANTS, type Program } from './programs.js';
import { expectCapture, saveAnsiCapture, Tmux } from './tmux.js';

for (const variant of VARIANTS) {
  describe.skipIf(!variant.run)(`help through the pager on a terminal: ${variant.label}`, () => {
    let program: Program;
    let tmux: Tmux;
    beforeAll(async () => {
      program = await makeProgram(variant.kind);
      tmux = Tmux.start({ cols: 100, rows: 30, env: paneEnv(program) });
      await tmux.waitForPrompt();
    });
    afterAll(() => {
      tmux?.kill();
      removeProgram(program);
    });

    it('shows the page in less, styled, and q gives the shell back with exit 0', async () => {
      tmux.type('s3abort help; echo __rc__$?');
      tmux.keys('Enter');
      const screen = await tmux.waitFor(/abort-multipart-upload -[\s\S]*DESCRIPTION/);
      const styled = tmux.screen(true);
      await expectCapture(`${variant.kind}-help-pager.txt`, screen);
      saveAnsiCapture(`${variant.kind}-help-pager.ansi.txt`, styled);
      const lines = screen.split('\n');
      // the page at the terminal's width (100 -> text set to 98 columns), header first
      expect(lines[0]).toBe(`ABORT-MULTIPART-UPLOAD()${' '.repeat(50)}ABORT-MULTIPART-UPLOAD()`);
      expect(lines).toContain('NAME');
      expect(lines).toContain('       abort-multipart-upload -');
      // less -R passes the bold through: tmux reports the cells as bold
      expect(styled).toMatch(/\x1b\[1m(\x1b\[[0-9;]*m)*NAME/);
      expect(styled).toMatch(/\x1b\[4m(\x1b\[[0-9;]*m)*ListParts/);
      // the pager is waiting (its prompt line at the bottom), the shell has not run echo yet
      expect(screen).not.toContain('__rc__');
      tmux.keys('/', 'GLOBAL OPTIONS', 'Enter');
      const later = await tmux.waitFor(/--debug \(boolean\)/);
      await expectCapture(`${variant.kind}-help-pager-search.txt`, later);
      tmux.keys('q');
      const after = await tmux.waitFor(/__rc__\d+/);
      expect(after).toMatch(/__rc__0/);
      expect(after).not.toContain('DESCRIPTION');
    });
  });
}
