// A small XML reader with Python's xml.etree semantics (expat underneath), for response bodies:
// botocore parses every non-empty body with ETree.XMLParser, and when the body is not well-formed
// the CLI prints expat's message ("syntax error: line 1, column 0"). parseXml() returns the tree as
// ElementTree builds it (namespaced tags as "{uri}name", `text` None when empty) or expat's error
// text. The error texts and positions follow expat for the cases a server realistically sends
// (text, HTML, truncated or mismatched documents); the rarest DTD details are approximated.

export interface XmlElement {
  /** ElementTree's tag: "{namespace-uri}local" when namespaced, else the name. */
  tag: string;
  /** Text before the first child; null when there is none (ElementTree's None). */
  text: string | null;
  children: XmlElement[];
}

export type XmlResult = { ok: true; root: XmlElement } | { ok: false; error: string };

class XmlSyntax extends Error {
  constructor(
    readonly kind: string,
    readonly at: number,
  ) {
    super(kind);
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function isNameStart(c: string): boolean {
  // with namespaces on, expat refuses a name that starts with ':'
  return /[A-Za-z_]/.test(c) || c.charCodeAt(0) >= 0xc0;
}

function isNameChar(c: string): boolean {
  return /[A-Za-z0-9_:.\-]/.test(c) || c.charCodeAt(0) === 0xb7 || c.charCodeAt(0) >= 0xc0;
}

function isXmlChar(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || code >= 0x10000;
}

const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r';

/** Decodes UTF-8 strictly; the index of the first bad byte (in characters decoded so far) otherwise. */
function decodeUtf8(bytes: Uint8Array): { text: string } | { badAt: number } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch {
    // find the first bad byte: decode growing prefixes
    let lo = 0;
    let hi = bytes.length;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid));
        lo = mid;
      } catch {
        hi = mid - 1;
      }
    }
    let good = lo;
    // back off an incomplete sequence at the end of the good prefix
    while (good > 0) {
      try {
        const t = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, good));
        return { badAt: [...t].length };
      } catch {
        good--;
      }
    }
    return { badAt: 0 };
  }
}

/** The bytes end inside a UTF-8 sequence that is otherwise well-formed. */
function isPartialAtEnd(bytes: Uint8Array): boolean {
  let k = bytes.length - 1;
  let cont = 0;
  while (k >= 0 && (bytes[k]! & 0xc0) === 0x80 && cont < 3) {
    k--;
    cont++;
  }
  if (k < 0) return false;
  const lead = bytes[k]!;
  const need = lead >= 0xf5 ? -1 : lead >= 0xf0 ? 3 : lead >= 0xe0 ? 2 : lead >= 0xc2 && lead < 0xe0 ? 1 : -1;
  if (need <= cont) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, k));
    return true;
  } catch {
    return false;
  }
}

/** expat's position of a character index: 1-based line, 0-based column (CR LF and CR end a line). */
function position(text: string, at: number): string {
  let line = 1;
  let col = 0;
  const chars = [...text.slice(0, at)];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c === '\r') {
      line++;
      col = 0;
      if (chars[i + 1] === '\n') i++;
    } else if (c === '\n') {
      line++;
      col = 0;
    } else {
      col++;
    }
  }
  return `line ${line}, column ${col}`;
}

export function parseXml(body: string | Uint8Array): XmlResult {
  let text: string;
  if (typeof body === 'string') {
    text = body;
  } else {
    const d = decodeUtf8(body);
    if ('badAt' in d) {
      if (isPartialAtEnd(body)) {
        const whole = new TextDecoder('utf-8').decode(body);
        return { ok: false, error: `partial character: ${position(whole, [...whole].length - 1)}` };
      }
      // what comes before the bad byte may hold an earlier error: parse that part first
      const prefix = new TextDecoder('utf-8').decode(body).slice(0, d.badAt);
      const early = new Reader(prefix, true).run();
      if (early.ok === false && !early.error.startsWith('no element found') && !early.error.startsWith('unclosed token')) return early;
      return { ok: false, error: `not well-formed (invalid token): ${position(prefix, prefix.length)}` };
    }
    text = d.text;
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return new Reader(text, false).run();
}

class Reader {
  private i = 0;

  constructor(
    private readonly s: string,
    /** the input stops early (a bad byte follows) */
    private readonly truncated: boolean,
  ) {}

  run(): XmlResult {
    try {
      return { ok: true, root: this.document() };
    } catch (e) {
      if (e instanceof XmlSyntax) return { ok: false, error: `${e.kind}: ${position(this.s, e.at)}` };
      throw e;
    }
  }

  private fail(kind: string, at: number): never {
    throw new XmlSyntax(kind, at);
  }

  private document(): XmlElement {
    const s = this.s;
    if (s.startsWith('<?xml') && (isSpace(s[5]) || s[5] === '?')) this.xmlDecl();
    let root: XmlElement | undefined;
    for (;;) {
      this.skipSpace();
      if (this.i >= s.length) {
        if (!root) this.fail('no element found', s.length);
        return root;
      }
      const c = s[this.i]!;
      const start = this.i;
      if (c === '<') {
        const n = s[this.i + 1];
        if (n === undefined) this.fail('unclosed token', start);
        if (n === '?') {
          if (s.startsWith('<?xml', start) && (isSpace(s[start + 5]) || s[start + 5] === '?')) {
            this.fail('XML or text declaration not at start of entity', start);
          }
          this.pi();
          continue;
        }
        if (n === '!') {
          if (s.startsWith('<!--', start)) {
            this.comment();
            continue;
          }
          if (!root && s.startsWith('<!DOCTYPE', start)) {
            this.doctype();
            continue;
          }
          if (root) this.fail('junk after document element', start);
          this.fail('not well-formed (invalid token)', s[start + 2] === '-' ? start + 3 : start + 2);
        }
        if (root) this.fail('junk after document element', start);
        if (n === '/') this.fail('not well-formed (invalid token)', start + 1);
        if (!isNameStart(n)) this.fail('not well-formed (invalid token)', start + 1);
        root = this.element(new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]));
        continue;
      }
      if (!isXmlChar(s.codePointAt(start)!)) this.fail('not well-formed (invalid token)', start);
      if (root) this.fail('junk after document element', start);
      this.prologJunk(c, start);
    }
  }

  /** expat's prolog tokenizer: name-like tokens are syntax errors, quotes open a literal, the rest is invalid. */
  private prologJunk(c: string, at: number): never {
    if (c === '"' || c === "'") {
      const end = this.s.indexOf(c, at + 1);
      if (end < 0) this.fail('unclosed token', at);
      this.fail('syntax error', at);
    }
    if (c === '%') {
      const m = /^%[A-Za-z_:][A-Za-z0-9_:.\-]*;?/.exec(this.s.slice(at));
      if (!m || m[0].length === this.s.length - at) this.fail('unclosed token', at);
      if (!m[0].endsWith(';')) this.fail('not well-formed (invalid token)', at + m[0].length);
      this.fail('syntax error', at);
    }
    if (c === ')') this.fail('not well-formed (invalid token)', at + 1);
    if (isNameChar(c) || '#(,[]|>'.includes(c)) this.fail('syntax error', at);
    this.fail('not well-formed (invalid token)', at);
  }

  private skipSpace(): void {
    while (isSpace(this.s[this.i])) this.i++;
  }

  private xmlDecl(): void {
    const end = this.s.indexOf('?>', 5);
    if (end < 0) this.fail('unclosed token', 0);
    const body = this.s.slice(5, end);
    if (!/^\s+version\s*=\s*("[^"]*"|'[^']*')(\s+encoding\s*=\s*("[^"]*"|'[^']*'))?(\s+standalone\s*=\s*("(yes|no)"|'(yes|no)'))?\s*$/.test(body)) {
      this.fail('XML declaration not well-formed', 5);
    }
    this.i = end + 2;
  }

  private pi(): void {
    const start = this.i;
    const end = this.s.indexOf('?>', start + 2);
    if (end < 0) this.fail('unclosed token', start);
    if (!isNameStart(this.s[start + 2] ?? '')) this.fail('not well-formed (invalid token)', start + 2);
    this.i = end + 2;
  }

  private comment(): void {
    const start = this.i;
    let j = start + 4;
    for (;;) {
      const dash = this.s.indexOf('--', j);
      if (dash < 0) this.fail('unclosed token', start);
      if (this.s[dash + 2] === '>') {
        this.checkChars(start + 4, dash);
        this.i = dash + 3;
        return;
      }
      if (dash + 2 >= this.s.length) this.fail('unclosed token', start);
      this.fail('not well-formed (invalid token)', dash + 2);
      j = dash + 1;
    }
  }

  private doctype(): void {
    const start = this.i;
    let depth = 0;
    let quote: string | undefined;
    for (let j = start + 9; j < this.s.length; j++) {
      const c = this.s[j]!;
      if (quote) {
        if (c === quote) quote = undefined;
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '[') depth++;
      else if (c === ']') depth--;
      else if (c === '>' && depth <= 0) {
        this.i = j + 1;
        return;
      }
    }
    this.fail('unclosed token', start);
  }

  private checkChars(from: number, to: number): void {
    for (let j = from; j < to; j++) {
      const code = this.s.codePointAt(j)!;
      if (!isXmlChar(code)) this.fail('not well-formed (invalid token)', j);
      if (code > 0xffff) j++;
    }
  }

  private name(): string {
    const start = this.i;
    if (!isNameStart(this.s[this.i] ?? '')) this.fail('not well-formed (invalid token)', start);
    this.i++;
    while (this.i < this.s.length && isNameChar(this.s[this.i]!)) this.i++;
    return this.s.slice(start, this.i);
  }

  /** An element from its '<'; `ns` maps prefixes ('' = default) to URIs. */
  private element(outerNs: Map<string, string>): XmlElement {
    const s = this.s;
    const start = this.i;
    this.i++;
    const name = this.name();
    const attrs: Array<[string, string, number]> = [];
    let selfClosing = false;
    for (;;) {
      const before = this.i;
      this.skipSpace();
      if (this.i >= s.length) this.fail('unclosed token', start);
      const c = s[this.i]!;
      if (c === '>') {
        this.i++;
        break;
      }
      if (c === '/') {
        if (this.i + 1 >= s.length) this.fail('unclosed token', start);
        if (s[this.i + 1] !== '>') this.fail('not well-formed (invalid token)', this.i + 1);
        this.i += 2;
        selfClosing = true;
        break;
      }
      if (this.i === before || !isNameStart(c)) this.fail('not well-formed (invalid token)', this.i);
      const attrAt = this.i;
      const attr = this.name();
      this.skipSpace();
      if (this.i >= s.length) this.fail('unclosed token', start);
      if (s[this.i] !== '=') this.fail('not well-formed (invalid token)', this.i);
      this.i++;
      this.skipSpace();
      if (this.i >= s.length) this.fail('unclosed token', start);
      const q = s[this.i]!;
      if (q !== '"' && q !== "'") this.fail('not well-formed (invalid token)', this.i);
      const end = s.indexOf(q, this.i + 1);
      if (end < 0) this.fail('unclosed token', start);
      const lt = s.indexOf('<', this.i + 1);
      if (lt >= 0 && lt < end) this.fail('not well-formed (invalid token)', lt);
      const value = this.decodeText(this.i + 1, end);
      if (attrs.some(([a]) => a === attr)) this.fail('duplicate attribute', attrAt);
      attrs.push([attr, value, attrAt]);
      this.i = end + 1;
    }
    // namespaces: xmlns and xmlns:p declare; an undeclared prefix is an error at the tag
    let ns = outerNs;
    for (const [a, v] of attrs) {
      if (a === 'xmlns' || a.startsWith('xmlns:')) {
        if (ns === outerNs) ns = new Map(outerNs);
        ns.set(a === 'xmlns' ? '' : a.slice(6), v);
      }
    }
    const qualify = (qname: string, isAttr: boolean): string => {
      const colon = qname.indexOf(':');
      if (colon < 0) {
        const uri = isAttr ? undefined : ns.get('');
        return uri ? `{${uri}}${qname}` : qname;
      }
      const uri = ns.get(qname.slice(0, colon));
      if (uri === undefined) this.fail('unbound prefix', start);
      return `{${uri}}${qname.slice(colon + 1)}`;
    };
    const tag = qualify(name, false);
    for (const [a] of attrs) if (a !== 'xmlns' && !a.startsWith('xmlns:')) qualify(a, true);
    const el: XmlElement = { tag, text: null, children: [] };
    if (selfClosing) return el;

    let textBuf: string | null = null;
    const addText = (t: string) => {
      if (t === '') return;
      if (el.children.length === 0) textBuf = (textBuf ?? '') + t;
    };
    for (;;) {
      if (this.i >= s.length) this.fail('no element found', s.length);
      const c = s[this.i]!;
      if (c === '<') {
        const lt = this.i;
        if (lt + 1 >= s.length) this.fail('unclosed token', lt);
        const n = s[lt + 1]!;
        if (n === '/') {
          const close = s.indexOf('>', lt);
          if (close < 0) this.fail('unclosed token', lt);
          this.i = lt + 2;
          if (!isNameStart(s[this.i] ?? '')) this.fail('not well-formed (invalid token)', this.i);
          const endName = this.name();
          this.skipSpace();
          if (s[this.i] !== '>') this.fail('not well-formed (invalid token)', this.i);
          if (endName !== name) this.fail('mismatched tag', lt + 2);
          this.i++;
          el.text = textBuf;
          return el;
        }
        if (n === '!') {
          if (s.startsWith('<!--', lt)) {
            this.comment();
            continue;
          }
          if (s.startsWith('<![CDATA[', lt)) {
            const end = s.indexOf(']]>', lt + 9);
            if (end < 0) this.fail('unclosed token', lt);
            this.checkChars(lt + 9, end);
            addText(s.slice(lt + 9, end));
            this.i = end + 3;
            continue;
          }
          this.fail('not well-formed (invalid token)', lt + 2);
        }
        if (n === '?') {
          this.pi();
          continue;
        }
        if (!isNameStart(n)) this.fail('not well-formed (invalid token)', lt + 1);
        if (el.children.length === 0) el.text = textBuf;
        el.children.push(this.element(ns));
        continue;
      }
      // character data up to the next markup
      let j = this.i;
      while (j < s.length && s[j] !== '<') {
        if (s[j] === '&') {
          j = this.reference(j);
          continue;
        }
        if (s[j] === ']' && s.startsWith(']]>', j)) this.fail('not well-formed (invalid token)', j + 2);
        const code = s.codePointAt(j)!;
        if (!isXmlChar(code)) this.fail('not well-formed (invalid token)', j);
        j += code > 0xffff ? 2 : 1;
      }
      addText(this.decodeText(this.i, j));
      this.i = j;
    }
  }

  /** Checks the reference at s[at] === '&'; returns the index after it. */
  private reference(at: number): number {
    const s = this.s;
    let j = at + 1;
    if (j >= s.length) this.fail(this.truncated ? 'not well-formed (invalid token)' : 'unclosed token', at);
    if (s[j] === '#') {
      j++;
      const hex = s[j] === 'x';
      if (hex) j++;
      const digits = hex ? /[0-9a-fA-F]/ : /[0-9]/;
      const from = j;
      while (j < s.length && digits.test(s[j]!)) j++;
      if (j >= s.length) this.fail('unclosed token', at);
      if (j === from || s[j] !== ';') this.fail('not well-formed (invalid token)', j);
      const code = parseInt(s.slice(from, j), hex ? 16 : 10);
      if (!isXmlChar(code) || code > 0x10ffff) this.fail('reference to invalid character number', at);
      return j + 1;
    }
    if (!isNameStart(s[j]!)) this.fail('not well-formed (invalid token)', j);
    while (j < s.length && isNameChar(s[j]!)) j++;
    if (j >= s.length) this.fail('unclosed token', at);
    if (s[j] !== ';') this.fail('not well-formed (invalid token)', j);
    if (!(s.slice(at + 1, j) in ENTITIES)) this.fail('undefined entity', at);
    return j + 1;
  }

  /** Text with its references replaced and line ends normalized, as the parser reports it. */
  private decodeText(from: number, to: number): string {
    return this.s
      .slice(from, to)
      .replace(/\r\n?/g, '\n')
      .replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);/g, (_, e: string) =>
        e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : ENTITIES[e] ?? '',
      );
  }
}
