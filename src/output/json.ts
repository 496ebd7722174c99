// `--output json`: json.dump(response, indent=4, ensure_ascii=False) + "\n" (awscli/formatter.py
// JSONFormatter, AWS CLI v2 2.9.19), on the Python value model.
import { pyJsonFloat } from '../py/json-dumps.js';
import { isDict, isList, type PyValue } from '../py/value.js';

const SHORT_ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

// json.encoder ESCAPE: control characters, backslash and the double quote
// eslint-disable-next-line no-control-regex
const ESCAPE = /[\x00-\x1f\\"]/g;

/** json.encoder.encode_basestring (ensure_ascii=False): everything else is written raw. */
export function pyJsonString(s: string): string {
  return (
    '"' +
    s.replace(ESCAPE, (c) => SHORT_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) +
    '"'
  );
}

/** json.dumps of a scalar (None, bool, int, float, str) with the default separators. */
export function pyJsonScalar(v: null | boolean | bigint | number | string): string {
  if (v === null) return 'null';
  if (v === true) return 'true';
  if (v === false) return 'false';
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') return pyJsonFloat(v);
  return pyJsonString(v);
}

function encode(v: PyValue, level: number, out: string[]): void {
  if (isList(v)) {
    if (v.length === 0) {
      out.push('[]');
      return;
    }
    const inner = '\n' + ' '.repeat(4 * (level + 1));
    out.push('[');
    v.forEach((x, i) => {
      out.push(i === 0 ? inner : ',' + inner);
      encode(x, level + 1, out);
    });
    out.push('\n' + ' '.repeat(4 * level) + ']');
    return;
  }
  if (isDict(v)) {
    if (v.size === 0) {
      out.push('{}');
      return;
    }
    const inner = '\n' + ' '.repeat(4 * (level + 1));
    out.push('{');
    let first = true;
    for (const [k, x] of v) {
      out.push(first ? inner : ',' + inner);
      first = false;
      out.push(pyJsonString(k), ': ');
      encode(x, level + 1, out);
    }
    out.push('\n' + ' '.repeat(4 * level) + '}');
    return;
  }
  out.push(pyJsonScalar(v));
}

/** json.dumps(value, indent=4, ensure_ascii=False), no trailing newline. */
export function pyJsonDumpsIndent4(value: PyValue): string {
  const out: string[] = [];
  encode(value, 0, out);
  return out.join('');
}

/**
 * The complete stdout of `--output json` for a (queried) value: nothing for `{}` (the only value
 * that prints nothing), else the JSON text and a newline.
 */
export function formatJson(value: PyValue): string {
  if (isDict(value) && value.size === 0) return '';
  return pyJsonDumpsIndent4(value) + '\n';
}
