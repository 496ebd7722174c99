// The display stage's errors (awscli formatter.py, table.py; case query-runtime-table-color of
// test/conformance/cases-extra.json, recorded with the AWS CLI 2.9.19).
import { describe, expect, it } from 'vitest';
import { CliError } from '../../src/errors.js';
import { render } from '../../src/output/display.js';
import type { PyValue } from '../../src/py/value.js';
import { compileQuery } from '../../src/query/jmespath.js';

const response: PyValue = new Map([['RequestCharged', 'requester']]);

async function errorText(format: string, color: boolean): Promise<string> {
  try {
    await render(response, { format, color, query: compileQuery('length(Nope)'), terminalWidth: 80, title: 'AbortMultipartUpload' });
  } catch (e) {
    return (e as CliError).render();
  }
  throw new Error('expected a failure');
}

describe('render', () => {
  const msg = 'In function length(), invalid type for value: None, expected one of: [\'string\', \'array\', \'object\'], received: "null"';
  it('a runtime query error is a plain 255 error', async () => {
    expect(await errorText('table', false)).toBe(`\n${msg}\n`);
    expect(await errorText('json', true)).toBe(`\n${msg}\n`);
  });
  it('with the coloured table, colorama resets after each of the handler writes', async () => {
    expect(await errorText('table', true)).toBe(`\n\x1b[0m${msg}\x1b[0m\n\x1b[0m`);
  });
});
