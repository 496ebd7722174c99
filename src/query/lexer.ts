// The JMESPath lexer, behaving like jmespath.py 1.0.1's lexer.py: same tokens, same positions
// (in code points, as Python counts them), same error texts.

import { pyJsonLoads } from '../py/json-loads.js';
import { pyLstrip } from '../py/str.js';
import type { PyValue } from '../py/value.js';

/** A compile-time error: str() of jmespath.py's LexerError, ParseError, IncompleteExpressionError or EmptyExpressionError. */
export class JmespathSyntaxError extends Error {
  override name = 'JmespathSyntaxError';
  /** The Python exception class jmespath.py raises for this error. */
  readonly pythonType: string;
  constructor(message: string, pythonType = 'ParseError') {
    super(message);
    this.pythonType = pythonType;
  }
}

/**
 * An evaluation error: str() of the exception jmespath.py (or Python underneath it) raises while
 * searching: JMESPathTypeError, ArityError, VariadictArityError, UnknownFunctionError, and a few
 * plain Python errors (TypeError, ValueError, OverflowError) that jmespath.py lets through.
 */
export class JmespathRuntimeError extends Error {
  override name = 'JmespathRuntimeError';
  /** The Python exception class, e.g. 'JMESPathTypeError', 'ArityError', 'TypeError'. */
  readonly pythonType: string;
  constructor(message: string, pythonType = 'JMESPathTypeError') {
    super(message);
    this.pythonType = pythonType;
  }
}

export type TokenType =
  | 'dot'
  | 'star'
  | 'rbracket'
  | 'comma'
  | 'colon'
  | 'current'
  | 'lparen'
  | 'rparen'
  | 'lbrace'
  | 'rbrace'
  | 'unquoted_identifier'
  | 'quoted_identifier'
  | 'flatten'
  | 'filter'
  | 'lbracket'
  | 'literal'
  | 'or'
  | 'pipe'
  | 'and'
  | 'expref'
  | 'number'
  | 'lte'
  | 'lt'
  | 'gte'
  | 'gt'
  | 'ne'
  | 'not'
  | 'eq'
  | 'eof';

export interface Token {
  readonly type: TokenType;
  /** str for most tokens, int (bigint) for numbers, any JSON value for literals. */
  readonly value: PyValue;
  /** Position of the token's first character, in code points. */
  readonly start: number;
}

const SIMPLE_TOKENS: Readonly<Record<string, TokenType>> = {
  '.': 'dot',
  '*': 'star',
  ']': 'rbracket',
  ',': 'comma',
  ':': 'colon',
  '@': 'current',
  '(': 'lparen',
  ')': 'rparen',
  '{': 'lbrace',
  '}': 'rbrace',
};

const isStartIdentifier = (c: string) => /^[A-Za-z_]$/.test(c);
const isIdentifierChar = (c: string) => /^[A-Za-z0-9_]$/.test(c);
const isDigit = (c: string) => c >= '0' && c <= '9' && c.length === 1;
const LEXER_WHITESPACE = new Set([' ', '\t', '\n', '\r']);

function lexerError(expression: string, position: number, message: string): JmespathSyntaxError {
  return new JmespathSyntaxError(
    `Bad jmespath expression: ${message}:\n${expression}\n${' '.repeat(position)}^`,
    'LexerError',
  );
}

/**
 * Decodes a JSON string literal (the text between and including the double quotes) the way
 * Python's json.loads does, returning the error message (without its position) on failure.
 */
function decodeJsonString(inner: string): { ok: true; value: string } | { ok: false; message: string } {
  // `inner` has no unescaped double quote and does not end in a lone backslash (the lexer's
  // _consume_until guarantees both), so only escapes and control characters can be wrong.
  let out = '';
  let i = 0;
  while (i < inner.length) {
    const c = inner[i]!;
    if (c === '\\') {
      const e = inner[i + 1];
      const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
      if (e !== undefined && Object.hasOwn(simple, e)) {
        out += simple[e];
        i += 2;
      } else if (e === 'u') {
        // Python needs 4 hex digits, and counts the closing quote as a character here
        const hex = inner.slice(i + 2, i + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) return { ok: false, message: 'Invalid \\uXXXX escape' };
        out += String.fromCharCode(parseInt(hex, 16));
        i += 6;
      } else {
        return { ok: false, message: 'Invalid \\escape' };
      }
      continue;
    }
    if (c.charCodeAt(0) <= 0x1f) return { ok: false, message: 'Invalid control character at' };
    out += c;
    i++;
  }
  return { ok: true, value: out };
}

/** Tokenizes an expression; throws JmespathSyntaxError with jmespath.py's LexerError texts. */
export function tokenize(expression: string): Token[] {
  if (expression.length === 0) {
    throw new JmespathSyntaxError('Invalid JMESPath expression: cannot be empty.', 'EmptyExpressionError');
  }
  const chars = Array.from(expression);
  const length = chars.length;
  let position = 0;
  let current: string | undefined = chars[0];
  const tokens: Token[] = [];

  // Like Lexer._next: at the last character the position stays put and current becomes None.
  const next = (): string | undefined => {
    if (position === length - 1) {
      current = undefined;
    } else {
      position++;
      current = chars[position];
    }
    return current;
  };

  const consumeUntil = (delimiter: string): string => {
    const start = position;
    let buff = '';
    next();
    while (current !== delimiter) {
      if (current === '\\') {
        buff += '\\';
        next();
      }
      if (current === undefined) {
        throw lexerError(expression, start, `Unclosed ${delimiter} delimiter`);
      }
      buff += current;
      next();
    }
    next(); // the closing delimiter
    return buff;
  };

  const consumeNumber = (): string => {
    let buff = current!;
    while (next() !== undefined && isDigit(current!)) buff += current;
    return buff;
  };

  const matchOrElse = (expected: string, matchType: TokenType, elseType: TokenType): Token => {
    const start = position;
    const cur = current!;
    const nextChar = next();
    if (nextChar === expected) {
      next();
      return { type: matchType, value: cur + nextChar, start };
    }
    return { type: elseType, value: cur, start };
  };

  while (current !== undefined) {
    const c: string = current;
    const simple = SIMPLE_TOKENS[c];
    if (simple !== undefined) {
      tokens.push({ type: simple, value: c, start: position });
      next();
    } else if (isStartIdentifier(c)) {
      const start = position;
      let buff = c;
      while (next() !== undefined && isIdentifierChar(current!)) buff += current;
      tokens.push({ type: 'unquoted_identifier', value: buff, start });
    } else if (LEXER_WHITESPACE.has(c)) {
      next();
    } else if (c === '[') {
      const start = position;
      const nextChar = next();
      if (nextChar === ']') {
        next();
        tokens.push({ type: 'flatten', value: '[]', start });
      } else if (nextChar === '?') {
        next();
        tokens.push({ type: 'filter', value: '[?', start });
      } else {
        tokens.push({ type: 'lbracket', value: '[', start });
      }
    } else if (c === "'") {
      const start = position;
      const lexeme = consumeUntil("'").replaceAll("\\'", "'");
      tokens.push({ type: 'literal', value: lexeme, start });
    } else if (c === '|') {
      tokens.push(matchOrElse('|', 'or', 'pipe'));
    } else if (c === '&') {
      tokens.push(matchOrElse('&', 'and', 'expref'));
    } else if (c === '`') {
      const start = position;
      const lexeme = consumeUntil('`').replaceAll('\\`', '`');
      let value: PyValue;
      try {
        value = pyJsonLoads(lexeme);
      } catch {
        // JEP-12 deprecation path: an invalid JSON literal is read as a JSON string's contents
        try {
          value = pyJsonLoads(`"${pyLstrip(lexeme)}"`);
        } catch {
          throw lexerError(expression, start, `Bad token ${lexeme}`);
        }
      }
      tokens.push({ type: 'literal', value, start });
    } else if (isDigit(c)) {
      const start = position;
      const buff = consumeNumber();
      tokens.push({ type: 'number', value: BigInt(buff), start });
    } else if (c === '-') {
      const start = position;
      const buff = consumeNumber();
      if (buff.length > 1) {
        tokens.push({ type: 'number', value: BigInt(buff), start });
      } else {
        throw lexerError(expression, start, `Unknown token '${buff}'`);
      }
    } else if (c === '"') {
      const start = position;
      const inner = consumeUntil('"');
      const decoded = decodeJsonString(inner);
      if (!decoded.ok) throw lexerError(expression, start, decoded.message);
      tokens.push({ type: 'quoted_identifier', value: decoded.value, start });
    } else if (c === '<') {
      tokens.push(matchOrElse('=', 'lte', 'lt'));
    } else if (c === '>') {
      tokens.push(matchOrElse('=', 'gte', 'gt'));
    } else if (c === '!') {
      tokens.push(matchOrElse('=', 'ne', 'not'));
    } else if (c === '=') {
      if (next() === '=') {
        tokens.push({ type: 'eq', value: '==', start: position - 1 });
        next();
      } else {
        // at the end of the text the position never moved on, so it is still the '='
        const pos = current === undefined ? position : position - 1;
        throw lexerError(expression, pos, "Unknown token '='");
      }
    } else {
      throw lexerError(expression, position, `Unknown token ${c}`);
    }
  }
  tokens.push({ type: 'eof', value: '', start: length });
  return tokens;
}
