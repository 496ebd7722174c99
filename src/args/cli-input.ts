// --cli-input-json / --cli-input-yaml (awscli/customizations/cliinput.py).
//
// The value is loaded like any parameter (file://, fileb://; s3abort also reads standard input
// for "-"), then parsed: JSON with json.loads, YAML with ruamel's YAML(typ='safe', pure=True).
// The result must be a mapping; its keys are the operation's member names.
//
// Values follow the PyValue model plus what YAML can also produce and Python shows differently
// (PyDateTime, PyBytes, PySet, PyTuple); that value model and its str()/repr() live in
// src/py/input-value.ts, apart from this module's YAML reader (js-yaml).
//
// Entry points: loadCliInputs() does the whole argument step in the AWS CLI's order (load the
// json value, then the yaml value, then "Only one --cli-input- parameter may be specified.", then
// parse). loadCliInput() loads and parses one raw argument; parseCliInput() parses text or bytes
// that were already loaded.

import {
  NOT_RESOLVED,
  Schema,
  constructFromEvents,
  defineMappingTag,
  defineScalarTag,
  defineSequenceTag,
  mergeTag,
  parseEvents,
  seqTag,
  strTag,
} from 'js-yaml';
import { GeneralError, UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { checkDatetimeArgs, utcMillis } from '../py/calendar.js';
import { pyDecode } from '../py/codecs.js';
import { PyError } from '../py/error.js';
import { pyFloat } from '../py/float.js';
import { findUnhashable, hashKey, PyBytes, PyDateTime, pyReprOf, PySet, PyTuple, pyTypeName, type InputValue } from '../py/input-value.js';
import { pyInt, pyIntError } from '../py/int.js';
import { pyJsonLoads } from '../py/json-loads.js';
import { pyRepr } from '../py/repr.js';
import type { PyValue } from '../py/value.js';
import { loadParamFile } from './paramfile.js';

/** The loaded document: member name -> value. */
export type CliInput = Map<string, InputValue>;

// ---------------------------------------------------------------------------------------------
// Loading

export type CliInputKind = 'json' | 'yaml';

/**
 * The cli-input step: each given value is loaded (file://, fileb://, "-"), then both given ->
 * ParamSyntaxError, then the one document is parsed. undefined when neither was given.
 */
export async function loadCliInputs(args: { json?: string | undefined; yaml?: string | undefined }, io: Io): Promise<CliInput | undefined> {
  const json = args.json !== undefined ? await loadRaw('json', args.json, io) : undefined;
  const yaml = args.yaml !== undefined ? await loadRaw('yaml', args.yaml, io) : undefined;
  if (json !== undefined && yaml !== undefined) throw new UsageError('Only one --cli-input- parameter may be specified.');
  if (json !== undefined) return parseCliInput('json', json);
  if (yaml !== undefined) return parseCliInput('yaml', yaml);
  return undefined;
}

/** Loads one raw argument value (inline text, file://..., fileb://..., or "-" for standard input) and parses it. */
export async function loadCliInput(kind: CliInputKind, raw: string, io: Io): Promise<CliInput> {
  return parseCliInput(kind, await loadRaw(kind, raw, io));
}

async function loadRaw(kind: CliInputKind, raw: string, io: Io): Promise<string | Uint8Array> {
  // s3abort: "-" reads standard input, as bytes (json.loads / ruamel detect the encoding)
  if (raw === '-') return io.readStdin();
  return loadParamFile(raw, `--cli-input-${kind}`, io);
}

/** Parses an already loaded value: text (file:// or inline) or bytes (fileb://). */
export function parseCliInput(kind: CliInputKind, content: string | Uint8Array): CliInput {
  const doc = kind === 'json' ? parseJsonInput(content) : parseYamlDocument(content);
  if (!(doc instanceof Map)) {
    throw new UsageError(`Error parsing parameter '--cli-input-${kind}': Invalid type: expecting map, received <class '${pyTypeName(doc)}'>`);
  }
  for (const key of doc.keys()) {
    // the parameters become keyword arguments of the client call: client.abort_multipart_upload(**params)
    if (typeof key !== 'string') throw new GeneralError('keywords must be strings');
  }
  return doc as CliInput;
}

function parseJsonInput(content: string | Uint8Array): InputValue {
  try {
    return pyJsonLoads(content) as PyValue as InputValue;
  } catch {
    throw new UsageError("Error parsing parameter 'cli-input-json': Invalid JSON received.");
  }
}

// ---------------------------------------------------------------------------------------------
// YAML: ruamel.yaml 0.17 safe loader semantics on top of js-yaml's parser

/** An exception that is not a YAMLError (ValueError from datetime(), int(), ...): the CLI exits 255. */
class YamlCrash extends Error {
  override name = 'YamlCrash';
}

/** YAML(typ='safe', pure=True).load(content): UsageError for a YAMLError, GeneralError for other exceptions. */
export function parseYamlDocument(content: string | Uint8Array): InputValue {
  const invalid = () => new UsageError("Error parsing parameter 'cli-input-yaml': Invalid YAML received.");
  const text = typeof content === 'string' ? content : decodeYamlBytes(content);
  // ruamel Reader: undecodable bytes and non-printable characters are ReaderErrors
  if (text === undefined || NON_PRINTABLE.test(text)) throw invalid();
  let docs: unknown[];
  try {
    const events = parseEvents(text, {});
    const v11 = events.some((e) => e.type === 1 && e.directives.some((d) => d.kind === 'yaml' && d.version === '1.1'));
    docs = constructFromEvents(events, { source: text, schema: v11 ? YAML11 : YAML12 });
  } catch (e) {
    if (e instanceof YamlCrash || e instanceof PyError) throw new GeneralError(e.message);
    throw invalid();
  }
  // YAML().load: an empty stream is None; a second document is a ComposerError; a stream that
  // has content but no document (a lone "...") is a ParserError
  if (docs.length > 1) throw invalid();
  if (docs.length === 0 && text.replace(/^\uFEFF/, '').replace(/#.*$/gm, '').trim() !== '') throw invalid();
  return (docs[0] ?? null) as InputValue;
}

const NON_PRINTABLE = /[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/** ruamel Reader.determine_encoding: a UTF-16 BOM, else UTF-8 (strict; the BOM stays in the text). */
function decodeYamlBytes(b: Uint8Array): string | undefined {
  return pyDecode(b, b[0] === 0xff && b[1] === 0xfe ? 'utf-16-le' : b[0] === 0xfe && b[1] === 0xff ? 'utf-16-be' : 'utf-8');
}

type YamlVersion = '1.1' | '1.2';

// ruamel/yaml/resolver.py implicit resolvers (plain scalars only), per version
const RESOLVERS: Record<YamlVersion, { bool: RegExp; float: RegExp; int: RegExp }> = {
  '1.2': {
    bool: /^(?:true|True|TRUE|false|False|FALSE)$/,
    float: /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)|[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/,
    int: /^(?:[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+)$/,
  },
  '1.1': {
    bool: /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/,
    float: /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)|\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/,
    int: /^(?:[-+]?0b[0-1_]+|[-+]?0?[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/,
  },
};
const NULL_RE = /^(?:~|null|Null|NULL|)$/;
const TIMESTAMP_RE =
  /^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$/;
// ruamel/yaml/util.py timestamp_regexp (the constructor's)
const TIMESTAMP_PARTS =
  /^([0-9][0-9][0-9][0-9])-([0-9][0-9]?)-([0-9][0-9]?)(?:(?:[Tt]|[ \t]+)([0-9][0-9]?):([0-9][0-9]):([0-9][0-9])(?:\.([0-9]*))?(?:[ \t]*(Z|([-+])([0-9][0-9]?)(?::([0-9][0-9]))?))?)?$/;

const BOOL_VALUES: Record<string, boolean> = { yes: true, no: false, y: true, n: false, true: true, false: false, on: true, off: false };

/** int(text, base) as Python raises it (base 10 is py/int.ts's; the others take plain digits only). */
function pyIntBase(text: string, base: number): bigint {
  if (base === 10) {
    const n = pyInt(text);
    if (n === undefined) throw new YamlCrash(pyIntError(text));
    return n;
  }
  const digits = { 2: /^[01]+$/, 8: /^[0-7]+$/, 16: /^[0-9a-fA-F]+$/ }[base]!;
  if (!digits.test(text)) throw new YamlCrash(`invalid literal for int() with base ${base}: ${pyRepr(text)}`);
  const prefix = { 2: '0b', 8: '0o', 16: '0x' }[base]!;
  return BigInt(prefix + text);
}

/** SafeConstructor.construct_yaml_int */
function constructInt(source: string, version: YamlVersion): bigint {
  let s = source.replace(/_/g, '');
  let sign = 1n;
  if (s[0] === '-') sign = -1n;
  if (s[0] === '-' || s[0] === '+') s = s.slice(1);
  if (s === '0') return 0n;
  if (s.startsWith('0b')) return sign * pyIntBase(s.slice(2), 2);
  if (s.startsWith('0x')) return sign * pyIntBase(s.slice(2), 16);
  if (s.startsWith('0o')) return sign * pyIntBase(s.slice(2), 8);
  if (version === '1.1' && s[0] === '0') return sign * pyIntBase(s, 8);
  if (version === '1.1' && s.includes(':')) {
    let value = 0n;
    for (const part of s.split(':')) value = value * 60n + pyIntBase(part, 10);
    return sign * value;
  }
  return sign * pyIntBase(s, 10);
}

/** SafeConstructor.construct_yaml_float */
function constructFloat(source: string, version: YamlVersion): number {
  let s = source.replace(/_/g, '').toLowerCase();
  let sign = 1;
  if (s[0] === '-') sign = -1;
  if (s[0] === '-' || s[0] === '+') s = s.slice(1);
  if (s === '.inf') return sign * Infinity;
  if (s === '.nan') return NaN;
  const toFloat = (t: string) => {
    const f = pyFloat(t);
    if (f === undefined) throw new YamlCrash(`could not convert string to float: ${pyRepr(t)}`);
    return f;
  };
  if (version !== '1.2' && s.includes(':')) {
    let value = 0;
    for (const part of s.split(':')) value = value * 60 + toFloat(part);
    return sign * value;
  }
  return sign * toFloat(s);
}

/** ruamel util.create_timestamp: a date, or a naive datetime shifted to UTC. */
function constructTimestamp(source: string): PyDateTime | typeof NOT_RESOLVED {
  const m = TIMESTAMP_PARTS.exec(source);
  if (!m) return NOT_RESOLVED;
  const [, ys, mos, ds, hs, mis, ss, fraction, , tzSign, tzHour, tzMinute] = m;
  const year = Number(ys);
  const month = Number(mos);
  const day = Number(ds);
  if (!hs) {
    checkDatetimeArgs(year, month, day);
    return new PyDateTime('date', year, month, day);
  }
  const hour = Number(hs);
  const minute = Number(mis);
  const second = Number(ss);
  let frac = 0;
  let usec = 0;
  if (fraction) {
    frac = Number(fraction.slice(0, 6).padEnd(6, '0'));
    if (fraction.length > 6 && Number(fraction[6]) > 4) frac += 1;
    usec = frac > 999999 ? 0 : frac;
  }
  checkDatetimeArgs(year, month, day, hour, minute, second);
  let deltaSeconds = 0;
  if (tzSign) {
    deltaSeconds = Number(tzHour) * 3600 + (tzMinute ? Number(tzMinute) * 60 : 0) + (frac > 999999 ? 1 : 0);
    if (tzSign === '-') deltaSeconds = -deltaSeconds;
  } else if (frac > 999999) {
    deltaSeconds = -1;
  }
  const shifted = new Date(utcMillis(year, month, day, hour, minute, second) - deltaSeconds * 1000);
  const y = shifted.getUTCFullYear();
  if (y < 1 || y > 9999) throw new YamlCrash('date value out of range');
  return new PyDateTime(
    'datetime',
    y,
    shifted.getUTCMonth() + 1,
    shifted.getUTCDate(),
    shifted.getUTCHours(),
    shifted.getUTCMinutes(),
    shifted.getUTCSeconds(),
    usec,
  );
}

/** construct_yaml_binary: base64.decodebytes (binascii.a2b_base64, non-strict); a failure is a ConstructorError. */
function decodeBase64(source: string): PyBytes | typeof NOT_RESOLVED {
  if (/[^\x00-\x7f]/.test(source)) return NOT_RESOLVED;
  let data = '';
  let pads = 0;
  let done = false;
  for (const ch of source) {
    if (ch === '=') {
      // a pad completes the quad once two data characters are in it
      if (data.length % 4 >= 2 && data.length % 4 + ++pads >= 4) {
        done = true;
        break;
      }
    } else if (/[A-Za-z0-9+/]/.test(ch)) {
      data += ch;
      pads = 0;
    }
  }
  if (!done && data.length % 4 !== 0) return NOT_RESOLVED;
  return new PyBytes(Uint8Array.from(Buffer.from(data, 'base64')));
}

interface DictCarrier {
  map: Map<InputValue, InputValue>;
  keys: Map<string, InputValue>;
}

/**
 * A mapping key as ruamel's construct_mapping takes it: a sequence becomes a tuple; a dict or set
 * is a ConstructorError (undefined here); a tuple holding a list fails later in dict insertion.
 */
function dictKey(rawKey: unknown): { key: InputValue; hash: string } | undefined {
  const key = Array.isArray(rawKey) ? new PyTuple(rawKey as InputValue[]) : (rawKey as InputValue);
  if (key instanceof Map || key instanceof PySet) return undefined;
  const hash = hashKey(key);
  if (hash === undefined) {
    const bad = findUnhashable(key);
    throw new YamlCrash(`unhashable type: '${bad === undefined ? 'list' : pyTypeName(bad)}'`);
  }
  return { key, hash };
}

const dictTag = defineMappingTag<DictCarrier, Map<InputValue, InputValue>>('tag:yaml.org,2002:map', {
  create: () => ({ map: new Map(), keys: new Map() }),
  addPair: (c, rawKey, value) => {
    const k = dictKey(rawKey);
    if (k === undefined) return 'found unhashable key';
    const existing = c.keys.get(k.hash);
    if (existing !== undefined) {
      // a merged key being overridden: the first key object keeps its place
      c.map.set(existing, value as InputValue);
    } else {
      c.keys.set(k.hash, k.key);
      c.map.set(k.key, value as InputValue);
    }
    return '';
  },
  has: (c, rawKey) => {
    const k = dictKey(rawKey);
    return k !== undefined && c.keys.has(k.hash);
  },
  keys: (m) => m.keys(),
  get: (m, key) => m.get(key as InputValue),
  finalize: (c) => c.map,
  identify: () => false,
});

const setTag = defineMappingTag<{ items: InputValue[]; keys: Set<string> }, PySet>('tag:yaml.org,2002:set', {
  create: () => ({ items: [], keys: new Set() }),
  addPair: (c, rawKey) => {
    const k = dictKey(rawKey);
    if (k === undefined) return 'found unhashable key';
    if (!c.keys.has(k.hash)) {
      c.keys.add(k.hash);
      c.items.push(k.key);
    }
    return '';
  },
  has: (c, rawKey) => {
    const k = dictKey(rawKey);
    return k !== undefined && c.keys.has(k.hash);
  },
  keys: (s) => s.items,
  get: () => null,
  finalize: (c) => new PySet(c.items),
  identify: () => false,
});

/** !!omap: ruamel's ordereddict (a dict). */
const omapTag = defineSequenceTag<Map<InputValue, InputValue>>('tag:yaml.org,2002:omap', {
  create: () => new Map(),
  addItem: (m, item) => {
    if (!(item instanceof Map) || item.size !== 1) return 'expected a single mapping item';
    const [k, v] = item.entries().next().value as [InputValue, InputValue];
    m.set(k, v);
    return '';
  },
  identify: () => false,
});

/** !!pairs: a list of (key, value) tuples. */
const pairsTag = defineSequenceTag<PyTuple[]>('tag:yaml.org,2002:pairs', {
  create: () => [],
  addItem: (list, item) => {
    if (!(item instanceof Map) || item.size !== 1) return 'expected a single mapping item';
    const [k, v] = item.entries().next().value as [InputValue, InputValue];
    list.push(new PyTuple([k, v]));
    return '';
  },
  identify: () => false,
});

function schemaFor(version: YamlVersion): Schema {
  const r = RESOLVERS[version];
  const scalar = <T>(name: string, firstChars: string[] | null, resolve: (source: string, explicit: boolean) => T | typeof NOT_RESOLVED) =>
    defineScalarTag<T>(`tag:yaml.org,2002:${name}`, {
      implicit: true,
      implicitFirstChars: firstChars,
      resolve: (source, explicit) => resolve(source, explicit),
      identify: () => false,
    });
  // ruamel's resolver order: bool, float, int, merge, null, timestamp
  return new Schema([
    strTag,
    seqTag,
    dictTag,
    scalar('bool', version === '1.2' ? [...'tTfF'] : [...'yYnNtTfFoO'], (s, explicit) => {
      if (!explicit && !r.bool.test(s)) return NOT_RESOLVED;
      const b = BOOL_VALUES[s.toLowerCase()];
      if (b === undefined) throw new YamlCrash(pyRepr(s.toLowerCase()));
      return b;
    }),
    scalar('float', [...'-+0123456789.'], (s, explicit) => (explicit || r.float.test(s) ? constructFloat(s, version) : NOT_RESOLVED)),
    scalar('int', [...'-+0123456789'], (s, explicit) => (explicit || r.int.test(s) ? constructInt(s, version) : NOT_RESOLVED)),
    mergeTag,
    scalar('null', ['~', 'n', 'N', ''], (s, explicit) => (explicit || NULL_RE.test(s) ? null : NOT_RESOLVED)),
    scalar('timestamp', [...'0123456789'], (s, explicit) => (explicit || TIMESTAMP_RE.test(s) ? constructTimestamp(s) : NOT_RESOLVED)),
    defineScalarTag<PyBytes>('tag:yaml.org,2002:binary', { resolve: (s) => decodeBase64(s), identify: () => false }),
    setTag,
    omapTag,
    pairsTag,
  ]);
}

const YAML12 = schemaFor('1.2');
const YAML11 = schemaFor('1.1');
