// Loads the fixtures recorded by scripts/gen-formatter-fixtures.py from the AWS CLI 2.9.19 formatters.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { pyJsonLoads } from '../../src/py/json-loads.js';
import { isDict, isList, type PyValue } from '../../src/py/value.js';

export interface FixtureCase {
  name: string;
  value: string;
  shared?: Record<string, string>;
  expected?: string;
  error?: { type: string; message: string; partial: string };
  // table only
  variant?: string;
  color?: boolean;
  terminalWidth?: number;
}

const REF = '\u0000ref:';

export function loadFixtures(name: 'json' | 'text' | 'table' | 'yaml' | 'yaml-stream'): FixtureCase[] {
  const dir = process.env.FORMATTER_FIXTURES_DIR ?? fileURLToPath(new URL('../fixtures/formatters/', import.meta.url));
  const path = `${dir}/${name}.json`;
  return (JSON.parse(readFileSync(path, 'utf8')) as { cases: FixtureCase[] }).cases;
}

/** The case's value as a PyValue; "\u0000ref:NAME" strings become the (same) shared object. */
export function fixtureValue(c: FixtureCase): PyValue {
  const objs = new Map<string, PyValue>();
  const sub = (v: PyValue): PyValue => {
    if (typeof v === 'string' && v.startsWith(REF)) {
      const o = objs.get(v.slice(REF.length));
      if (o === undefined) throw new Error(`unknown shared value ${v}`);
      return o;
    }
    if (isList(v)) return v.map(sub);
    if (isDict(v)) return new Map([...v].map(([k, x]) => [k, sub(x)]));
    return v;
  };
  for (const [name, text] of Object.entries(c.shared ?? {})) objs.set(name, sub(pyJsonLoads(text)));
  return sub(pyJsonLoads(c.value));
}
