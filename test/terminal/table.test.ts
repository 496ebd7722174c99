// `--output table` on a terminal: coloured cells (bold blue, as colorama) through the output pager
// (less -FRX quits at once for a short table); through a pipe: plain; NO_COLOR: plain.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStub, type StubServer } from '../support/stub-server.js';
import { commandLine, makeProgram, paneEnv, removeProgram, VARIANTS, type Program } from './programs.js';
import { expectCapture, saveAnsiCapture, Tmux } from './tmux.js';

const PLAIN = [
  '---------------------------------',
  '|     AbortMultipartUpload      |',
  '+-----------------+-------------+',
  '|  RequestCharged |  requester  |',
  '+-----------------+-------------+',
].join('\n');

for (const variant of VARIANTS) {
  describe.skipIf(!variant.run)(`a table in colour on a terminal, plain through a pipe: ${variant.label}`, () => {
    let program: Program;
    let tmux: Tmux;
    let stub: StubServer;
    let cmd: string;
    beforeAll(async () => {
      stub = await startStub();
      stub.script('b', [{ status: 204, headers: { 'x-amz-request-charged': 'requester' } }]);
      program = await makeProgram(variant.kind);
      cmd = commandLine(program, 'table', `--endpoint-url ${stub.url} --bucket b --key k --upload-id u --output table`);
      tmux = Tmux.start({ cols: 90, rows: 24, env: paneEnv(program) });
      await tmux.waitForPrompt();
    });
    afterAll(async () => {
      tmux?.kill();
      removeProgram(program);
      await stub?.stop();
    });

    it('colours the cells on the terminal (through less -FRX)', async () => {
      tmux.keys('C-l');
      const { code } = await tmux.run(cmd);
      expect(code).toBe(0);
      const styled = tmux.screen(true);
      await expectCapture(`${variant.kind}-table-terminal.txt`, tmux.screen());
      saveAnsiCapture(`${variant.kind}-table-terminal.ansi.txt`, styled);
      expect(tmux.screen()).toContain(PLAIN);
      // the cell texts are bold blue (SGR 1 and 34, however tmux combines them)
      expect(styled).toMatch(/\x1b\[(1;34|34;1)m\s*RequestCharged|\x1b\[1m\x1b\[34mRequestCharged/);
      expect(styled).toMatch(/(\x1b\[[0-9;]*m)+requester/);
    });

    it('is plain through a pipe', async () => {
      tmux.keys('C-l');
      const { code } = await tmux.run(`${cmd} | cat`);
      expect(code).toBe(0);
      const styled = tmux.screen(true);
      await expectCapture(`${variant.kind}-table-pipe.txt`, tmux.screen());
      expect(tmux.screen()).toContain(PLAIN);
      const table = styled.slice(styled.indexOf('-----'), styled.lastIndexOf('+') + 1);
      expect(table).not.toMatch(/\x1b/);
    });

    it('is plain on the terminal with NO_COLOR', async () => {
      tmux.keys('C-l');
      const { code } = await tmux.run(`NO_COLOR=1 ${cmd}`);
      expect(code).toBe(0);
      const styled = tmux.screen(true);
      await expectCapture(`${variant.kind}-table-no-color.txt`, tmux.screen());
      const table = styled.slice(styled.indexOf('-----'), styled.lastIndexOf('+') + 1);
      expect(table).toContain('RequestCharged');
      expect(table).not.toMatch(/\x1b/);
    });

    it('a pager that cannot start: exit 253 with the CLI message', async () => {
      tmux.keys('C-l');
      const { code, screen } = await tmux.run(`AWS_PAGER=nonexistentpager ${cmd} --color off`);
      await expectCapture(`${variant.kind}-table-pager-missing.txt`, screen);
      expect(code).toBe(253);
      expect(screen).toContain(
        "Unable to redirect output to pager. Received the following error when opening pager:\n[Errno 2] No such file or directory: 'nonexistentpager'\n\nLearn more about configuring the output pager by running \"aws help config-vars\".",
      );
    });
  });
}
