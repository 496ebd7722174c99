// Replays the outputs recorded from the AWS CLI 2.9.19 formatter classes (scripts/gen-formatter-fixtures.py).
import { describe, expect, it } from 'vitest';
import { formatJson } from '../../src/output/json.js';
import { formatTable } from '../../src/output/table.js';
import { FormatterCrash, formatText } from '../../src/output/text.js';
import { formatYaml, formatYamlStream } from '../../src/output/yaml.js';
import type { PyValue } from '../../src/py/value.js';
import { fixtureValue, loadFixtures, type FixtureCase } from './fixtures.js';

type Outcome = { out: string } | { type: string; message: string; partial: string };

function outcome(fn: () => string): Outcome {
  try {
    return { out: fn() };
  } catch (e) {
    if (e instanceof FormatterCrash) return { type: e.pyType, message: e.message, partial: e.partialOutput };
    throw e;
  }
}

function expected(c: FixtureCase): Outcome {
  if (c.error) return { type: c.error.type, message: c.error.message, partial: c.error.partial };
  return { out: c.expected! };
}

const suites: [string, (v: PyValue, c: FixtureCase) => string][] = [
  ['json', (v) => formatJson(v)],
  ['text', (v) => formatText(v)],
  ['yaml', (v) => formatYaml(v)],
  ['yaml-stream', (v) => formatYamlStream(v)],
  [
    'table',
    (v, c) => formatTable(v, { title: 'AbortMultipartUpload', color: c.color!, terminalWidth: c.terminalWidth! }),
  ],
];

for (const [name, run] of suites) {
  const cases = loadFixtures(name as 'json');
  describe(`${name} (recorded from awscli 2.9.19)`, () => {
    it.each(cases.map((c) => [c.variant ? `${c.name} [${c.variant}]` : c.name, c] as const))('%s', (_n, c) => {
      const v = fixtureValue(c);
      expect(outcome(() => run(v, c))).toEqual(expected(c));
    });
  });
}
