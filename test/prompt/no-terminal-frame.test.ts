// The auto-prompt's first frame on a stdout that is not a terminal, against the AWS CLI 2.9.19
// (test/fixtures/autoprompt-no-terminal.json, written by scripts/gen-autoprompt-fixtures.py).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderNoTerminalFrame } from '../../src/prompt/no-terminal-frame.js';

const fixtures = JSON.parse(readFileSync(new URL('../fixtures/autoprompt-no-terminal.json', import.meta.url), 'utf8')) as {
  args: string[];
  want: string;
}[];

describe('renderNoTerminalFrame', () => {
  for (const f of fixtures) {
    it(JSON.stringify(f.args).slice(0, 100), () => {
      expect(renderNoTerminalFrame(['s3api', 'abort-multipart-upload', ...f.args])).toBe(f.want);
    });
  }
});
