// The formatter rules of the spec (awscli-behavior.md §4) and the recorded goldens
// (shared/conformance/golden-public.json), as exact strings.
import { describe, expect, it } from 'vitest';
import { formatJson } from '../../src/output/json.js';
import { formatTable } from '../../src/output/table.js';
import { comparePyStr, FormatterCrash, formatText } from '../../src/output/text.js';
import { formatYaml, formatYamlStream } from '../../src/output/yaml.js';
import { pyJsonLoads } from '../../src/py/json-loads.js';
import { isWideCodePoint, pyIsPrintable, pyUpper, textLength } from '../../src/py/unicodedata.js';
import type { PyValue } from '../../src/py/value.js';

const v = (pyJson: string): PyValue => pyJsonLoads(pyJson);
const TITLE = 'AbortMultipartUpload';
const table = (x: PyValue, terminalWidth = 80, color = false) => formatTable(x, { title: TITLE, color, terminalWidth });
const E = '\x1b[0m';

describe('goldens (AWS CLI 2.9.19, stdout piped)', () => {
  const charged = v('{"RequestCharged": "requester"}');
  it('charged-json', () => expect(formatJson(charged)).toBe('{\n    "RequestCharged": "requester"\n}\n'));
  it('charged-text', () => expect(formatText(charged)).toBe('requester\n'));
  it('charged-query-text', () => expect(formatText('requester')).toBe('requester\n'));
  it('charged-yaml', () => expect(formatYaml(charged)).toBe('RequestCharged: requester\n'));
  it('charged-yaml-stream', () => expect(formatYamlStream(charged)).toBe('- RequestCharged: requester\n'));
  it('charged-table', () =>
    expect(table(charged)).toBe(
      '---------------------------------\n' +
        '|     AbortMultipartUpload      |\n' +
        '+-----------------+-------------+\n' +
        '|  RequestCharged |  requester  |\n' +
        '+-----------------+-------------+\n',
    ));
  it('charged-table-color', () =>
    expect(table(charged, 80, true)).toBe(
      '---------------------------------\n\x1b[0m\x1b[0m|     AbortMultipartUpload      |\x1b[0m\x1b[0m\n\x1b[0m\x1b[0m+-----------------+-------------+\x1b[0m\x1b[0m\n\x1b[0m\x1b[0m|  \x1b[1m\x1b[34mRequestCharged\x1b[0m |  \x1b[1m\x1b[34mrequester\x1b[0m  |\x1b[0m\x1b[0m\n\x1b[0m\x1b[0m+-----------------+-------------+\x1b[0m\x1b[0m\n\x1b[0m',
    ));
  it('charged-table-color without autoreset (a pager)', () =>
    expect(formatTable(charged, { title: TITLE, color: true, terminalWidth: 80, autoreset: false })).toBe(
      '---------------------------------\n' +
        '|     AbortMultipartUpload      |\n' +
        '+-----------------+-------------+\n' +
        '|  \x1b[1m\x1b[34mRequestCharged\x1b[0m |  \x1b[1m\x1b[34mrequester\x1b[0m  |\n' +
        '+-----------------+-------------+\n',
    ));
  const skeleton = v('{"RequestCharged": "RequestCharged"}');
  it('skeleton-output', () => expect(formatJson(skeleton)).toBe('{\n    "RequestCharged": "RequestCharged"\n}\n'));
  it('skeleton-output-text', () => expect(formatText(skeleton)).toBe('RequestCharged\n'));
  it('skeleton-output-yaml', () => expect(formatYaml(skeleton)).toBe('RequestCharged: RequestCharged\n'));
  it('skeleton-output-table', () =>
    expect(table(skeleton)).toBe(
      '--------------------------------------\n' +
        '|        AbortMultipartUpload        |\n' +
        '+-----------------+------------------+\n' +
        '|  RequestCharged |  RequestCharged  |\n' +
        '+-----------------+------------------+\n',
    ));
  it('skeleton-default (json of the input skeleton)', () =>
    expect(
      formatJson(
        v('{"Bucket": "", "Key": "", "UploadId": "", "RequestPayer": "requester", "ExpectedBucketOwner": "", "IfMatchInitiatedTime": "1970-01-01T00:00:00"}'),
      ),
    ).toBe(
      '{\n    "Bucket": "",\n    "Key": "",\n    "UploadId": "",\n    "RequestPayer": "requester",\n    "ExpectedBucketOwner": "",\n    "IfMatchInitiatedTime": "1970-01-01T00:00:00"\n}\n',
    ));
  it('abort-query-json / abort-query-text (query of a missing key)', () => {
    expect(formatJson(null)).toBe('null\n');
    expect(formatText(null)).toBe('None\n');
  });
});

describe('§4.6 empty / null matrix', () => {
  const rows: [string, string, string, string, string, string][] = [
    // value, json, text, table, yaml, yaml-stream
    ['{}', '', '', '', '', ''],
    ['null', 'null\n', 'None\n', '', 'null\n', '- null\n'],
    ['[]', '[]\n', '', '', '[]\n', '- []\n'],
    ['""', '""\n', '\n', '', '""\n', "- ''\n"],
    ['false', 'false\n', 'False\n', '', 'false\n', '- false\n'],
    ['0', '0\n', '0\n', '', '0\n', '- 0\n'],
    ['0.0', '0.0\n', '0.0\n', '', '0.0\n', '- 0.0\n'],
    [
      '[null]',
      '[\n    null\n]\n',
      'None\n',
      '----------------------\n|AbortMultipartUpload|\n+--------------------+\n|  None              |\n+--------------------+\n',
      '- null\n',
      '- - null\n',
    ],
  ];
  it.each(rows)('%s', (value, json, text, tbl, yaml, stream) => {
    const x = v(value);
    expect(formatJson(x)).toBe(json);
    expect(formatText(x)).toBe(text);
    expect(table(x)).toBe(tbl);
    expect(formatYaml(x)).toBe(yaml);
    expect(formatYamlStream(x)).toBe(stream);
  });
});

describe('json (§4.2)', () => {
  it.each([
    ['1.0', '1.0\n'],
    ['1e3', '1000.0\n'],
    ['1e-7', '1e-07\n'],
    ['1.5e300', '1.5e+300\n'],
    ['1e16', '1e+16\n'],
    ['-0.0', '-0.0\n'],
    ['NaN', 'NaN\n'],
    ['-Infinity', '-Infinity\n'],
    ['12345678901234567890', '12345678901234567890\n'],
    ['"h\\u00e9llo \\u65e5\\u672c \\ud83d\\ude00"', '"héllo 日本 😀"\n'],
    ['"\\u0001\\u001f\\u007f\\u2028\\""', '"\\u0001\\u001f\u007f\u2028\\""\n'],
    ['"\\b\\f\\n\\r\\t\\\\/"', '"\\b\\f\\n\\r\\t\\\\/"\n'],
    ['{"b": [], "a": {}, "c": [{}]}', '{\n    "b": [],\n    "a": {},\n    "c": [\n        {}\n    ]\n}\n'],
    ['[1, [2, [3]], {"k": null}]', '[\n    1,\n    [\n        2,\n        [\n            3\n        ]\n    ],\n    {\n        "k": null\n    }\n]\n'],
  ])('%s', (value, out) => expect(formatJson(v(value))).toBe(out));
  it('keeps the key order', () => expect(formatJson(v('{"z": 1, "1": 2, "a": 3}'))).toBe('{\n    "z": 1,\n    "1": 2,\n    "a": 3\n}\n'));
});

describe('text (§4.3)', () => {
  it.each([
    ['{"a": null, "b": "x"}', 'None\tx\n'],
    ['[1, "a", true, 2.5]', '1\ta\tTrue\t2.5\n'],
    ['{"n": [], "m": {}, "x": [{"a": 1}, {"b": [1, 2]}], "y": 1.5, "z": true}', '1.5\tTrue\nX\t1\nX\t\nB\t1\nB\t2\n'],
    ['""', '\n'],
    ['[[], []]', ''],
    ['{"ﬁ": [1], "straße": ["x"]}', 'STRASSE\tx\nFI\t1\n'],
    ['[[1, 2], 3, [4]]', '3\n1\t2\n4\n'],
  ])('%s', (value, out) => expect(formatText(v(value))).toBe(out));

  it('raises like the CLI on a list mixing dicts and other values, keeping the output so far', () => {
    const x = v('{"a": 1, "b": [{"x": 1}, "oops"]}');
    expect(() => formatText(x)).toThrow(FormatterCrash);
    try {
      formatText(x);
    } catch (e) {
      expect(e).toBeInstanceOf(FormatterCrash);
      const c = e as FormatterCrash;
      expect([c.pyType, c.message, c.partialOutput]).toEqual(['AttributeError', "'str' object has no attribute 'items'", '1\n']);
    }
  });
});

describe('table (§4.4)', () => {
  it('a top-level string renders only the title box', () =>
    expect(table('héllo')).toBe('----------------------\n|AbortMultipartUpload|\n+--------------------+\n'));

  it('nested sections get indentation bars (plain and coloured)', () => {
    const x = v('{"Outer": {"Inner": {"Deep": {"x": 1, "y": 2}, "v": "w"}, "z": 3}, "top": "t"}');
    expect(table(x)).toBe(
      [
        '----------------------',
        '|AbortMultipartUpload|',
        '+-----------+--------+',
        '|  top      |  t     |',
        '+-----------+--------+',
        '||       Outer      ||',
        '|+--------+---------+|',
        '||  z     |  3      ||',
        '|+--------+---------+|',
        '|||      Inner     |||',
        '||+-------+--------+||',
        '|||  v    |  w     |||',
        '||+-------+--------+||',
        '||||     Deep     ||||',
        '|||+------+-------+|||',
        '||||   x  |   y   ||||',
        '|||+------+-------+|||',
        '||||  1   |  2    ||||',
        '|||+------+-------+|||',
        '',
      ].join('\n'),
    );
    const bar = '\x1b[2m\x1b[33m|\x1b[0m';
    const colored = table(x, 80, true);
    expect(colored).toContain(`${E}${bar}${E}|       Outer      |${E}${bar}${E}\n${E}`);
    expect(colored).toContain(`${E}${bar}${bar}${bar}${E}|  \x1b[1m\x1b[34m1\x1b[0m   |  \x1b[1m\x1b[34m2\x1b[0m    |${E}${bar}${bar}${bar}${E}\n${E}`);
  });

  it('turns one-row sections vertical when wider than the terminal', () => {
    const x = v('{"Column1": "value number one", "Column2": "value number two", "Column3": "three"}');
    expect(table(x, 80)).toBe(
      '-----------------------------------------------------\n' +
        '|               AbortMultipartUpload                |\n' +
        '+-------------------+--------------------+----------+\n' +
        '|      Column1      |      Column2       | Column3  |\n' +
        '+-------------------+--------------------+----------+\n' +
        '|  value number one |  value number two  |  three   |\n' +
        '+-------------------+--------------------+----------+\n',
    );
    expect(table(x, 20)).toBe(
      '---------------------------------\n' +
        '|     AbortMultipartUpload      |\n' +
        '+----------+--------------------+\n' +
        '|  Column1 |  value number one  |\n' +
        '|  Column2 |  value number two  |\n' +
        '|  Column3 |  three             |\n' +
        '+----------+--------------------+\n',
    );
  });

  it('counts east-asian wide and ambiguous characters as 2 columns', () => {
    expect(table(v('{"k": "日本"}'))).toBe(
      '----------------------\n|AbortMultipartUpload|\n+------+-------------+\n|  k   |  日本       |\n+------+-------------+\n',
    );
  });

  it('raises ValueError for a row of another length (the CLI exits 255 with the message)', () => {
    expect(() => table(v('[[1, 2], [3]]'))).toThrow(new FormatterCrash('Row should have 2 elements, instead it has 1', 'ValueError'));
    try {
      table(v('[[1, 2], [3]]'));
    } catch (e) {
      expect((e as FormatterCrash).pyType).toBe('ValueError');
      expect((e as FormatterCrash).partialOutput).toBe('');
    }
  });

  it('raises like Python on lists whose first element is a dict and later ones are not', () => {
    const err = (json: string) => {
      try {
        table(v(json));
      } catch (e) {
        return [(e as FormatterCrash).pyType, (e as FormatterCrash).message];
      }
      return null;
    };
    expect(err('[{"a": 1}, 5]')).toEqual(['TypeError', "'int' object is not iterable"]);
    expect(err('[{"a": 1}, "xy"]')).toEqual(['TypeError', "string indices must be integers, not 'str'"]);
    expect(err('[{"a": 1}, ""]')).toEqual(['AttributeError', "'str' object has no attribute 'get'"]);
    expect(err('[{"a": 1}, [5]]')).toEqual(['IndexError', 'list index out of range']);
    expect(err('[{"a": [1]}, []]')).toBeNull();
  });
});

describe('yaml (§4.5)', () => {
  it.each([
    ['"x"', '"x"\n'],
    ['"héllo"', '"héllo"\n'],
    ['1.0', '1.0\n'],
    ['null', 'null\n'],
    ['{"b": [1, 2], "a": {"c": "d"}}', 'a:\n  c: d\nb:\n- 1\n- 2\n'],
    ['[1.0, 1e-7, 1e16, Infinity, NaN, -0.0, 12345678901234567890]', '- 1.0\n- 1e-07\n- 1e+16\n- .inf\n- .nan\n- -0.0\n- 12345678901234567890\n'],
    ['["yes", "123", "null", "~", "", " lead", "a: b", "-x", "a\\nb", "héllo", "tab\\tx", "😀"]', "- yes\n- '123'\n- 'null'\n- '~'\n- ''\n- ' lead'\n- 'a: b'\n- -x\n- 'a\n\n  b'\n- héllo\n- \"tab\\tx\"\n- \"\\U0001F600\"\n"],
    ['{"x": "' + 'a'.repeat(100) + ' ' + 'b'.repeat(20) + ' c"}', `x: ${'a'.repeat(100)}\n  ${'b'.repeat(20)} c\n`],
    ['{"' + 'k'.repeat(129) + '": 1}', `? ${'k'.repeat(129)}\n: 1\n`],
  ])('%s', (value, out) => expect(formatYaml(v(value))).toBe(out));

  it.each([
    ['null', '- null\n'],
    ['""', "- ''\n"],
    ['[]', '- []\n'],
    ['["x"]', '- - x\n'],
    ['{"a": {}}', '- a: {}\n'],
  ])('yaml-stream %s', (value, out) => expect(formatYamlStream(v(value))).toBe(out));

  it('anchors an object that appears twice (as a --query like [@, @] returns)', () => {
    const d = v('{"RequestCharged": "requester"}');
    expect(formatYaml([d, d])).toBe('- &id001\n  RequestCharged: requester\n- *id001\n');
    const l = v('[1]');
    expect(formatYaml(new Map<string, PyValue>([['b', l], ['a', l]]))).toBe('a: &id001\n- 1\nb: *id001\n');
  });
});

describe('unicode helpers (Python 3.11 / Unicode 14)', () => {
  it('pyUpper is str.upper()', () => {
    expect(pyUpper('straße ﬁle ŉ ǅ ΐ abc')).toBe('STRASSE FILE \u02bcN \u01c4 \u0399\u0308\u0301 ABC');
    // U+019B: upper-cased only since Unicode 16 (JS may map it, Python 3.11 does not)
    expect(pyUpper('\u019b')).toBe('\u019b');
  });
  it('textLength counts W, F and A as 2', () => {
    expect(textLength('abc')).toBe(3);
    expect(textLength('日本')).toBe(4);
    expect(textLength('Ａ±α')).toBe(6);
    expect(textLength('😀')).toBe(2);
    expect(textLength('e\u0301')).toBe(3); // U+0301 COMBINING ACUTE ACCENT is 'A'mbiguous
    expect(isWideCodePoint(0x1100)).toBe(true);
  });
  it('pyIsPrintable is str.isprintable()', () => {
    expect(pyIsPrintable(0x41)).toBe(true);
    expect(pyIsPrintable(0xa0)).toBe(false);
    expect(pyIsPrintable(0x1f600)).toBe(true);
    expect(pyIsPrintable(0x88f)).toBe(false); // assigned after Unicode 14
  });
  it('comparePyStr orders by code point', () => {
    expect(comparePyStr('\u{1F600}', '\uff21')).toBeGreaterThan(0);
    expect(['\u{1F600}', '\uff21', 'a', 'B'].sort(comparePyStr)).toEqual(['B', 'a', '\uff21', '\u{1F600}']);
  });
});
