// The auto-prompt on a real terminal: prefilled with the command line, completing an option and
// its value, showing the option's documentation, then Enter runs the command against a local stub
// endpoint; Ctrl-C gives up with exit 130.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStub, type StubServer } from '../support/stub-server.js';
import { commandLine, makeProgram, paneEnv, removeProgram, VARIANTS, type Program } from './programs.js';
import { expectCapture, Tmux } from './tmux.js';

for (const variant of VARIANTS) {
  describe.skipIf(!variant.run)(`the auto-prompt: ${variant.label}`, () => {
    let program: Program;
    let tmux: Tmux;
    let stub: StubServer;
    let base: string;
    beforeAll(async () => {
      stub = await startStub();
      stub.script('b', [{ status: 204, headers: { 'x-amz-request-charged': 'requester' } }]);
      program = await makeProgram(variant.kind);
      base = `--endpoint-url ${stub.url} --bucket b --key k`;
      tmux = Tmux.start({ cols: 100, rows: 30, env: paneEnv(program, { AWS_PAGER: '' }) });
      await tmux.waitForPrompt();
    });
    afterAll(async () => {
      tmux?.kill();
      removeProgram(program);
      await stub?.stop();
    });

    it('is filled in, completes, documents, and runs the command on Enter', async () => {
      tmux.keys('C-l');
      const cmd = variant.kind === 'modules' ? commandLine(program, 'prompt', base) : `s3abort ${base} --cli-auto-prompt`;
      tmux.type(`${cmd}; echo __rc__$?`);
      tmux.keys('Enter');
      const first = await tmux.waitFor(/> s3abort --endpoint-url \S+ --bucket b --key k/);
      await expectCapture(`${variant.kind}-prompt-1-prefilled.txt`, first);
      expect(first).toContain('[Tab] complete  [Enter] run  [Ctrl-C] cancel');
      // the finished command line gets a space, and the menu offers the options still missing
      expect(first).toMatch(/--upload-id\s+\(required\) \[string\] Upload ID that identifies the multipart upload\./);

      tmux.type('--upload-id u1 --out');
      const typing = await tmux.waitFor(/-- --output \(string\) -+/);
      await expectCapture(`${variant.kind}-prompt-2-option-doc.txt`, typing);
      expect(typing).toContain('The formatting style for command output.');
      tmux.keys('Tab');
      // wait for the menu of values itself (a line of its own), and the rest of the frame below it:
      // the option doc shown before Tab already names yaml-stream
      const values = await tmux.waitFor(/\n json *\n text *\n table *\n yaml *\n yaml-stream *\n[\s\S]*\[Tab\] complete/);
      await expectCapture(`${variant.kind}-prompt-3-values.txt`, values);
      expect(values).toContain('Possible values: json, text, table, yaml, yaml-stream');
      tmux.type('js');
      tmux.keys('Tab');
      const done = await tmux.waitFor(/--output json$/m);
      await expectCapture(`${variant.kind}-prompt-4-ready.txt`, done);
      tmux.keys('Enter');
      const ran = await tmux.waitFor(/__rc__\d+/);
      await expectCapture(`${variant.kind}-prompt-5-ran.txt`, ran);
      // (the line ends with the space completion added; the capture drops trailing spaces)
      expect(ran).toContain(`> s3abort --endpoint-url ${stub.url} --bucket b --key k --upload-id u1 --output json\n{`);
      expect(ran).toContain('{\n    "RequestCharged": "requester"\n}');
      expect(ran).toMatch(/__rc__0/);
      // the prompt's drawing is gone
      expect(ran).not.toContain('[Tab] complete');
      const requests = stub.requests('b');
      expect(requests.map((r) => `${r.method} ${r.path}?${r.query}`)).toEqual(['DELETE /b/k?uploadId=u1']);
    });

    it('Ctrl-C gives up: the line on stderr, exit 130', async () => {
      tmux.keys('C-l');
      const cmd = variant.kind === 'modules' ? commandLine(program, 'prompt', '--bucket b') : 's3abort --bucket b --cli-auto-prompt';
      tmux.type(`${cmd}; echo __rc__$?`);
      tmux.keys('Enter');
      await tmux.waitFor(/> s3abort --bucket b/);
      tmux.type('--region eu');
      await tmux.waitFor(/--region eu/);
      tmux.keys('C-c');
      const screen = await tmux.waitFor(/__rc__\d+/);
      await expectCapture(`${variant.kind}-prompt-ctrl-c.txt`, screen);
      expect(screen).toContain('> s3abort --bucket b --region eu\n');
      expect(screen).toMatch(/__rc__130/);
    });
  });
}
