// `--output yaml` and `--output yaml-stream` (awscli/formatter.py YAMLDumper, AWS CLI v2 2.9.19).
//
// The CLI dumps with ruamel.yaml 0.17.21 `YAML(typ='safe')`: ruamel's Python SafeRepresenter
// (dict keys sorted, floats as repr().lower() with .inf/.nan, block style) feeding the C emitter of
// ruamel.yaml.clib (libyaml 0.1.7: best_indent 2, best_width 80, allow_unicode) with ruamel's YAML 1.2
// implicit resolver deciding which strings need quotes. This file reproduces those three parts:
// represent() builds the node graph (shared objects become one node -> &id001 / *id001), then an
// emitter written after libyaml's emitter.c state machine writes it. Top-level scalars are not YAML:
// YAMLDumper writes them with json.dump(ensure_ascii=False) + "\n".
import { pyFloatRepr } from '../py/repr.js';
import { isDict, isList, type PyValue } from '../py/value.js';
import { pyJsonScalar } from './json.js';
import { comparePyStr } from './text.js';

// ---------------------------------------------------------------------------------------------
// Representer (ruamel.yaml.representer.SafeRepresenter)

type ScalarTag = 'str' | 'int' | 'float' | 'bool' | 'null';

interface ScalarNode {
  kind: 'scalar';
  tag: ScalarTag;
  value: string;
}
interface SeqNode {
  kind: 'seq';
  items: YNode[];
}
interface MapNode {
  kind: 'map';
  pairs: [YNode, YNode][];
}
type YNode = ScalarNode | SeqNode | MapNode;

/** SafeRepresenter.represent_float */
function representFloat(n: number): string {
  if (Number.isNaN(n)) return '.nan';
  if (n === Infinity) return '.inf';
  if (n === -Infinity) return '-.inf';
  return pyFloatRepr(n).toLowerCase();
}

function represent(value: PyValue, seen: Map<object, YNode>): YNode {
  if (value === null) return { kind: 'scalar', tag: 'null', value: 'null' };
  if (typeof value === 'boolean') return { kind: 'scalar', tag: 'bool', value: value ? 'true' : 'false' };
  if (typeof value === 'bigint') return { kind: 'scalar', tag: 'int', value: value.toString() };
  if (typeof value === 'number') return { kind: 'scalar', tag: 'float', value: representFloat(value) };
  if (typeof value === 'string') return { kind: 'scalar', tag: 'str', value };
  // lists and dicts are not ignore_aliases(): the same object represents to the same node
  const known = seen.get(value);
  if (known) return known;
  if (isList(value)) {
    const node: SeqNode = { kind: 'seq', items: [] };
    seen.set(value, node);
    for (const item of value) node.items.push(represent(item, seen));
    return node;
  }
  const node: MapNode = { kind: 'map', pairs: [] };
  seen.set(value, node);
  // represent_mapping: sorted(mapping.items()); the keys of a dict are distinct strings
  const keys = [...value.keys()].sort(comparePyStr);
  for (const k of keys) node.pairs.push([represent(k, seen), represent(value.get(k)!, seen)]);
  return node;
}

// ---------------------------------------------------------------------------------------------
// Resolver (ruamel.yaml.resolver.Resolver: the YAML 1.2 implicit resolvers)

// [tag, regexp, first characters], in the order they are registered; the resolver only tries the
// regexps registered for the value's first character ('' for the empty string)
const IMPLICIT: readonly [string, RegExp, string][] = [
  ['bool', /^(?:true|True|TRUE|false|False|FALSE)$/, 'tTfF'],
  [
    'float',
    /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)|[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/,
    '-+0123456789.',
  ],
  ['int', /^(?:[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+)$/, '-+0123456789'],
  ['merge', /^(?:<<)$/, '<'],
  ['null', /^(?:~|null|Null|NULL|)$/, '~nN'],
  [
    'timestamp',
    /^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$/,
    '0123456789',
  ],
  ['value', /^(?:=)$/, '='],
  ['yaml', /^(?:!|&|\*)$/, '!&*'],
];

/** The tag a plain scalar with this text would be read as ('str' when no resolver matches). */
function resolvePlain(value: string): string {
  // the empty string has the null resolver only
  if (value === '') return 'null';
  const first = value[0]!;
  // Python's `$` also matches before a final "\n"; such values can never be written plain, so the
  // difference does not show.
  for (const [tag, re, firsts] of IMPLICIT) if (firsts.includes(first) && re.test(value)) return tag;
  return 'str';
}

// ---------------------------------------------------------------------------------------------
// Emitter (libyaml 0.1.7 emitter.c as bundled in ruamel.yaml.clib)

const BEST_INDENT = 2;
const BEST_WIDTH = 80;

type Style = 'plain' | 'single' | 'double';

interface ScalarAnalysis {
  multiline: boolean;
  flowPlainAllowed: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
}

const isBreak = (cp: number | undefined) =>
  cp === 0x0d || cp === 0x0a || cp === 0x85 || cp === 0x2028 || cp === 0x2029;
const isBlank = (cp: number | undefined) => cp === 0x20 || cp === 0x09;
/** IS_BLANKZ: blank, break, or NUL (also the end of the value, which is NUL-terminated) */
const isBlankZ = (cp: number | undefined) => cp === undefined || cp === 0 || isBlank(cp) || isBreak(cp);
const isPrintable = (cp: number) =>
  cp === 0x0a ||
  (cp >= 0x20 && cp <= 0x7e) ||
  (cp >= 0xa0 && cp <= 0xd7ff) ||
  (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff);

function codePoints(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) out.push(ch.codePointAt(0)!);
  return out;
}

function utf8Length(cps: number[]): number {
  let n = 0;
  for (const cp of cps) n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  return n;
}

/** yaml_emitter_analyze_scalar */
function analyzeScalar(cps: number[]): ScalarAnalysis {
  if (cps.length === 0) {
    return { multiline: false, flowPlainAllowed: false, blockPlainAllowed: true, singleQuotedAllowed: true };
  }
  let blockIndicators = false;
  let flowIndicators = false;
  let lineBreaks = false;
  let specialCharacters = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;

  if ((cps[0] === 0x2d && cps[1] === 0x2d && cps[2] === 0x2d) || (cps[0] === 0x2e && cps[1] === 0x2e && cps[2] === 0x2e)) {
    blockIndicators = true;
    flowIndicators = true;
  }
  let precededByWhitespace = true;
  let followedByWhitespace = isBlankZ(cps[1]);
  const last = cps.length - 1;
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i]!;
    const ch = String.fromCodePoint(c);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(ch)) {
        flowIndicators = true;
        blockIndicators = true;
      }
      if (ch === '?' || ch === ':') {
        flowIndicators = true;
        if (followedByWhitespace) blockIndicators = true;
      }
      if (ch === '-' && followedByWhitespace) {
        flowIndicators = true;
        blockIndicators = true;
      }
    } else {
      if (',?[]{}'.includes(ch)) flowIndicators = true;
      if (ch === ':') {
        flowIndicators = true;
        if (followedByWhitespace) blockIndicators = true;
      }
      if (ch === '#' && precededByWhitespace) {
        flowIndicators = true;
        blockIndicators = true;
      }
    }
    if (!isPrintable(c)) specialCharacters = true;
    if (isBreak(c)) lineBreaks = true;
    if (c === 0x20) {
      if (i === 0) leadingSpace = true;
      if (i === last) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(c)) {
      if (i === 0) leadingBreak = true;
      if (i === last) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlankZ(c);
    if (i < last) followedByWhitespace = isBlankZ(cps[i + 2]);
  }
  const r: ScalarAnalysis = {
    multiline: lineBreaks,
    flowPlainAllowed: true,
    blockPlainAllowed: true,
    singleQuotedAllowed: true,
  };
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) {
    r.flowPlainAllowed = false;
    r.blockPlainAllowed = false;
  }
  if (breakSpace) {
    r.flowPlainAllowed = false;
    r.blockPlainAllowed = false;
    r.singleQuotedAllowed = false;
  }
  if (spaceBreak || specialCharacters) {
    r.flowPlainAllowed = false;
    r.blockPlainAllowed = false;
    r.singleQuotedAllowed = false;
  }
  if (lineBreaks) {
    r.flowPlainAllowed = false;
    r.blockPlainAllowed = false;
  }
  if (flowIndicators) r.flowPlainAllowed = false;
  if (blockIndicators) r.blockPlainAllowed = false;
  return r;
}

class Emitter {
  private out = '';
  private column = 0;
  private whitespace = true;
  private indention = true;
  private indent = -1;
  private readonly indents: number[] = [];
  private flowLevel = 0;
  private rootContext = false;
  private sequenceContext = false;
  private mappingContext = false;
  private simpleKeyContext = false;

  private readonly anchors = new Map<YNode, string | null>();
  private readonly serialized = new Set<YNode>();
  private lastAliasId = 0;

  constructor(private readonly root: YNode) {}

  dump(): string {
    // stream start + implicit document start write nothing
    this.anchorNode(this.root);
    this.emitNode(this.root, true, false, false, false);
    // document end (implicit)
    this.writeIndent();
    return this.out;
  }

  // CEmitter._anchor_node: nodes reached twice get an anchor, numbered in the order found
  private anchorNode(node: YNode): void {
    if (this.anchors.has(node)) {
      if (this.anchors.get(node) === null) {
        this.lastAliasId++;
        this.anchors.set(node, `id${String(this.lastAliasId).padStart(3, '0')}`);
      }
      return;
    }
    this.anchors.set(node, null);
    if (node.kind === 'seq') for (const item of node.items) this.anchorNode(item);
    else if (node.kind === 'map') {
      for (const [k, v] of node.pairs) {
        this.anchorNode(k);
        this.anchorNode(v);
      }
    }
  }

  // --- low-level writers ---

  private put(s: string): void {
    // ASCII only: one column per character
    this.out += s;
    this.column += s.length;
  }

  private putBreak(): void {
    this.out += '\n';
    this.column = 0;
  }

  /** WRITE: one character of the value (one column, whatever its width) */
  private writeChar(cp: number): void {
    this.out += String.fromCodePoint(cp);
    this.column++;
  }

  /** WRITE_BREAK */
  private writeBreak(cp: number): void {
    if (cp === 0x0a) this.putBreak();
    else {
      this.out += String.fromCodePoint(cp);
      this.column = 0;
    }
  }

  private writeIndent(): void {
    const indent = this.indent >= 0 ? this.indent : 0;
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak();
    while (this.column < indent) this.put(' ');
    this.whitespace = true;
    this.indention = true;
  }

  private writeIndicator(indicator: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(' ');
    for (const cp of codePoints(indicator)) this.writeChar(cp);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  private increaseIndent(flow: boolean, indentless: boolean): void {
    this.indents.push(this.indent);
    if (this.indent < 0) this.indent = flow ? BEST_INDENT : 0;
    else if (!indentless) this.indent += BEST_INDENT;
  }

  private popIndent(): void {
    this.indent = this.indents.pop()!;
  }

  private processAnchor(anchor: string | null, alias: boolean): void {
    if (anchor === null) return;
    this.writeIndicator(alias ? '*' : '&', true, false, false);
    for (const cp of codePoints(anchor)) this.writeChar(cp);
    this.whitespace = false;
    this.indention = false;
  }

  // --- node emission ---

  private emitNode(node: YNode, root: boolean, sequence: boolean, mapping: boolean, simpleKey: boolean): void {
    this.rootContext = root;
    this.sequenceContext = sequence;
    this.mappingContext = mapping;
    this.simpleKeyContext = simpleKey;
    const anchor = this.anchors.get(node) ?? null;
    if (this.serialized.has(node)) {
      this.processAnchor(anchor, true);
      return;
    }
    this.serialized.add(node);
    if (node.kind === 'scalar') this.emitScalar(node, anchor);
    else if (node.kind === 'seq') this.emitSequence(node, anchor);
    else this.emitMapping(node, anchor);
  }

  private emitEmptyFlow(open: string, close: string): void {
    this.writeIndicator(open, true, true, false);
    this.increaseIndent(true, false);
    this.popIndent();
    this.writeIndicator(close, false, false, false);
  }

  private emitSequence(node: SeqNode, anchor: string | null): void {
    this.processAnchor(anchor, false);
    // flow collections only happen empty: default_flow_style is False
    if (this.flowLevel > 0 || node.items.length === 0) return this.emitEmptyFlow('[', ']');
    this.increaseIndent(false, this.mappingContext && !this.indention);
    for (const item of node.items) {
      this.writeIndent();
      this.writeIndicator('-', true, false, true);
      this.emitNode(item, false, true, false, false);
    }
    this.popIndent();
  }

  private emitMapping(node: MapNode, anchor: string | null): void {
    this.processAnchor(anchor, false);
    if (this.flowLevel > 0 || node.pairs.length === 0) return this.emitEmptyFlow('{', '}');
    this.increaseIndent(false, false);
    for (const [key, value] of node.pairs) {
      this.writeIndent();
      if (this.checkSimpleKey(key)) {
        this.emitNode(key, false, false, true, true);
        this.writeIndicator(':', false, false, false);
      } else {
        this.writeIndicator('?', true, false, true);
        this.emitNode(key, false, false, true, false);
        this.writeIndent();
        this.writeIndicator(':', true, false, true);
      }
      this.emitNode(value, false, false, true, false);
    }
    this.popIndent();
  }

  /** yaml_emitter_check_simple_key (keys are strings: never anchored or tagged) */
  private checkSimpleKey(key: YNode): boolean {
    if (this.serialized.has(key)) return (this.anchors.get(key) ?? '').length <= 128;
    const anchorLength = (this.anchors.get(key) ?? '').length;
    if (key.kind === 'scalar') {
      const cps = codePoints(key.value);
      if (analyzeScalar(cps).multiline) return false;
      return anchorLength + utf8Length(cps) <= 128;
    }
    if (key.kind === 'seq' ? key.items.length !== 0 : key.pairs.length !== 0) return false;
    return anchorLength <= 128;
  }

  private emitScalar(node: ScalarNode, anchor: string | null): void {
    const cps = codePoints(node.value);
    const a = analyzeScalar(cps);
    let plainImplicit: boolean;
    let quotedImplicit: boolean;
    if (node.tag === 'str') {
      plainImplicit = resolvePlain(node.value) === 'str';
      quotedImplicit = true;
    } else {
      plainImplicit = resolvePlain(node.value) === node.tag;
      quotedImplicit = false;
    }
    // tags are only written for scalars that are neither plain- nor quoted-implicit
    const tag = !plainImplicit && !quotedImplicit ? node.tag : null;
    // yaml_emitter_select_scalar_style
    let style: Style = 'plain';
    if (this.simpleKeyContext && a.multiline) style = 'double';
    if (style === 'plain') {
      if ((this.flowLevel > 0 && !a.flowPlainAllowed) || (this.flowLevel === 0 && !a.blockPlainAllowed)) style = 'single';
      if (cps.length === 0 && (this.flowLevel > 0 || this.simpleKeyContext)) style = 'single';
      if (tag === null && !plainImplicit) style = 'single';
    }
    if (style === 'single' && !a.singleQuotedAllowed) style = 'double';
    let tagHandle: string | null = tag === null ? null : '!!';
    let tagSuffix: string | null = tag;
    if (tag === null && !quotedImplicit && style !== 'plain') {
      tagHandle = '!';
      tagSuffix = null;
    }
    this.processAnchor(anchor, false);
    if (tagHandle !== null) {
      // yaml_emitter_write_tag_handle (+ content)
      if (!this.whitespace) this.put(' ');
      this.put(tagHandle + (tagSuffix ?? ''));
      this.whitespace = false;
      this.indention = false;
    }
    this.increaseIndent(true, false);
    const allowBreaks = !this.simpleKeyContext;
    if (style === 'plain') this.writePlain(cps, allowBreaks);
    else if (style === 'single') this.writeSingleQuoted(cps, allowBreaks);
    else this.writeDoubleQuoted(cps, allowBreaks);
    this.popIndent();
  }

  private writePlain(cps: number[], allowBreaks: boolean): void {
    if (!this.whitespace) this.put(' ');
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < cps.length; i++) {
      const c = cps[i]!;
      if (c === 0x20) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && cps[i + 1] !== 0x20) this.writeIndent();
        else this.writeChar(c);
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c === 0x0a) this.putBreak();
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.writeChar(c);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.whitespace = false;
    this.indention = false;
  }

  private writeSingleQuoted(cps: number[], allowBreaks: boolean): void {
    this.writeIndicator("'", true, false, false);
    let spaces = false;
    let breaks = false;
    const last = cps.length - 1;
    for (let i = 0; i < cps.length; i++) {
      const c = cps[i]!;
      if (c === 0x20) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i !== 0 && i !== last && cps[i + 1] !== 0x20) {
          this.writeIndent();
        } else this.writeChar(c);
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c === 0x0a) this.putBreak();
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        if (c === 0x27) this.put("'");
        this.writeChar(c);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    if (breaks) this.writeIndent();
    this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeDoubleQuoted(cps: number[], allowBreaks: boolean): void {
    this.writeIndicator('"', true, false, false);
    let spaces = false;
    const last = cps.length - 1;
    for (let i = 0; i < cps.length; i++) {
      const c = cps[i]!;
      if (!isPrintable(c) || c === 0xfeff || isBreak(c) || c === 0x22 || c === 0x5c) {
        this.put('\\' + doubleQuotedEscape(c));
        spaces = false;
      } else if (c === 0x20) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i !== 0 && i !== last) {
          this.writeIndent();
          if (cps[i + 1] === 0x20) this.put('\\');
        } else this.writeChar(c);
        spaces = true;
      } else {
        this.writeChar(c);
        spaces = false;
      }
    }
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }
}

const NAMED_ESCAPES: Record<number, string> = {
  0x00: '0',
  0x07: 'a',
  0x08: 'b',
  0x09: 't',
  0x0a: 'n',
  0x0b: 'v',
  0x0c: 'f',
  0x0d: 'r',
  0x1b: 'e',
  0x22: '"',
  0x5c: '\\',
  0x85: 'N',
  0xa0: '_',
  0x2028: 'L',
  0x2029: 'P',
};

function doubleQuotedEscape(cp: number): string {
  const named = NAMED_ESCAPES[cp];
  if (named !== undefined) return named;
  const hex = cp.toString(16).toUpperCase();
  if (cp <= 0xff) return 'x' + hex.padStart(2, '0');
  if (cp <= 0xffff) return 'u' + hex.padStart(4, '0');
  return 'U' + hex.padStart(8, '0');
}

/** ruamel.yaml safe dump of a list or dict, as YAMLDumper writes it (one implicit document). */
export function yamlSafeDump(value: PyValue[] | Map<string, PyValue>): string {
  return new Emitter(represent(value, new Map())).dump();
}

/** awscli YAMLDumper.dump: JSON for top-level scalars, YAML for lists and dicts. */
export function yamlDumperDump(value: PyValue): string {
  if (isList(value) || isDict(value)) return yamlSafeDump(value);
  return pyJsonScalar(value) + '\n';
}

/** The complete stdout of `--output yaml`: nothing for `{}`, else the YAML dump. */
export function formatYaml(value: PyValue): string {
  if (isDict(value) && value.size === 0) return '';
  return yamlDumperDump(value);
}

/** The complete stdout of `--output yaml-stream` (one response): `[value]` dumped; `{}` prints nothing. */
export function formatYamlStream(value: PyValue): string {
  if (isDict(value) && value.size === 0) return '';
  return yamlSafeDump([value]);
}
