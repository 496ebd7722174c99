// A top-down operator precedence (Pratt) parser that builds the same tree as jmespath.py 1.0.1's
// parser.py, quirks included (an index expression absorbs a following slice without projecting,
// function arguments need no commas between them, multi-select hash pairs neither), and raises
// the same errors.

import { pyStr } from '../py/repr.js';
import type { PyValue } from '../py/value.js';
import { JmespathSyntaxError, tokenize, type Token, type TokenType } from './lexer.js';

export type ComparatorName = 'eq' | 'ne' | 'lt' | 'gt' | 'lte' | 'gte';

export type Node =
  | { type: 'field'; value: string }
  | { type: 'subexpression'; children: Node[] }
  | { type: 'index_expression'; children: Node[] }
  | { type: 'index'; value: bigint }
  | { type: 'slice'; start: bigint | null; stop: bigint | null; step: bigint | null }
  | { type: 'projection'; children: [Node, Node] }
  | { type: 'value_projection'; children: [Node, Node] }
  | { type: 'filter_projection'; children: [Node, Node, Node] }
  | { type: 'flatten'; children: [Node] }
  | { type: 'identity' }
  | { type: 'current' }
  | { type: 'literal'; value: PyValue }
  | { type: 'comparator'; value: ComparatorName; children: [Node, Node] }
  | { type: 'or_expression'; children: [Node, Node] }
  | { type: 'and_expression'; children: [Node, Node] }
  | { type: 'pipe'; children: [Node, Node] }
  | { type: 'not_expression'; children: [Node] }
  | { type: 'expref'; children: [Node] }
  | { type: 'function_expression'; value: string; children: Node[] }
  | { type: 'multi_select_list'; children: Node[] }
  | { type: 'multi_select_dict'; children: { key: string; node: Node }[] };

const BINDING_POWER: Readonly<Record<TokenType, number>> = {
  eof: 0,
  unquoted_identifier: 0,
  quoted_identifier: 0,
  literal: 0,
  rbracket: 0,
  rparen: 0,
  comma: 0,
  rbrace: 0,
  number: 0,
  current: 0,
  expref: 0,
  colon: 0,
  pipe: 1,
  or: 2,
  and: 3,
  eq: 5,
  gt: 5,
  lt: 5,
  gte: 5,
  lte: 5,
  ne: 5,
  flatten: 9,
  // everything above stops a projection
  star: 20,
  filter: 21,
  dot: 40,
  not: 45,
  lbrace: 50,
  lbracket: 55,
  lparen: 60,
};

const PROJECTION_STOP = 10;
const IDENTITY: Node = { type: 'identity' };

/** Thrown inside the parser; turned into the user-facing text once the expression is known. */
class ParseFailure {
  constructor(
    readonly position: number,
    readonly tokenValue: PyValue,
    readonly tokenType: TokenType,
    readonly reason: string,
    readonly incomplete: boolean,
  ) {}
}

function pyListRepr(items: readonly string[]): string {
  return `[${items.map((s) => `'${s}'`).join(', ')}]`;
}

class Parser {
  private index = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): Node {
    const parsed = this.expression(0);
    if (this.currentType() !== 'eof') {
      const t = this.lookaheadToken(0);
      throw new ParseFailure(t.start, t.value, t.type, `Unexpected token: ${pyStr(t.value)}`, false);
    }
    return parsed;
  }

  private expression(bindingPower = 0): Node {
    const leftToken = this.lookaheadToken(0);
    this.advance();
    let left = this.nud(leftToken);
    let current = this.currentType();
    while (bindingPower < BINDING_POWER[current]) {
      const token = this.lookaheadToken(0);
      if (!this.hasLed(current)) {
        this.raiseForToken(token, 'invalid token');
      }
      this.advance();
      left = this.led(current, left);
      current = this.currentType();
    }
    return left;
  }

  // ---- nud ----
  private nud(token: Token): Node {
    switch (token.type) {
      case 'literal':
        return { type: 'literal', value: token.value };
      case 'unquoted_identifier':
        return { type: 'field', value: token.value as string };
      case 'quoted_identifier': {
        const field: Node = { type: 'field', value: token.value as string };
        // a quoted identifier cannot name a function
        if (this.currentType() === 'lparen') {
          const t = this.lookaheadToken(0);
          throw new ParseFailure(0, t.value, t.type, 'Quoted identifier not allowed for function names.', false);
        }
        return field;
      }
      case 'star': {
        const right = this.currentType() === 'rbracket' ? IDENTITY : this.parseProjectionRhs(BINDING_POWER.star);
        return { type: 'value_projection', children: [IDENTITY, right] };
      }
      case 'filter':
        return this.ledFilter(IDENTITY);
      case 'lbrace':
        return this.parseMultiSelectHash();
      case 'lparen': {
        const expression = this.expression();
        this.match('rparen');
        return expression;
      }
      case 'flatten': {
        const left: Node = { type: 'flatten', children: [IDENTITY] };
        const right = this.parseProjectionRhs(BINDING_POWER.flatten);
        return { type: 'projection', children: [left, right] };
      }
      case 'not':
        return { type: 'not_expression', children: [this.expression(BINDING_POWER.not)] };
      case 'lbracket': {
        const cur = this.currentType();
        if (cur === 'number' || cur === 'colon') {
          const right = this.parseIndexExpression();
          return this.projectIfSlice(IDENTITY, right);
        }
        if (cur === 'star' && this.lookahead(1) === 'rbracket') {
          this.advance();
          this.advance();
          const right = this.parseProjectionRhs(BINDING_POWER.star);
          return { type: 'projection', children: [IDENTITY, right] };
        }
        return this.parseMultiSelectList();
      }
      case 'current':
        return { type: 'current' };
      case 'expref':
        return { type: 'expref', children: [this.expression(BINDING_POWER.expref)] };
      default:
        if (token.type === 'eof') {
          throw new ParseFailure(token.start, token.value, token.type, '', true);
        }
        return this.raiseForToken(token, 'invalid token');
    }
  }

  // ---- led ----
  private hasLed(type: TokenType): boolean {
    switch (type) {
      case 'dot':
      case 'pipe':
      case 'or':
      case 'and':
      case 'lparen':
      case 'filter':
      case 'eq':
      case 'ne':
      case 'gt':
      case 'gte':
      case 'lt':
      case 'lte':
      case 'flatten':
      case 'lbracket':
        return true;
      default:
        return false;
    }
  }

  private led(type: TokenType, left: Node): Node {
    switch (type) {
      case 'dot':
        return this.ledDot(left);
      case 'pipe':
        return { type: 'pipe', children: [left, this.expression(BINDING_POWER.pipe)] };
      case 'or':
        return { type: 'or_expression', children: [left, this.expression(BINDING_POWER.or)] };
      case 'and':
        return { type: 'and_expression', children: [left, this.expression(BINDING_POWER.and)] };
      case 'lparen':
        return this.ledLparen(left);
      case 'filter':
        return this.ledFilter(left);
      case 'eq':
      case 'ne':
      case 'gt':
      case 'gte':
      case 'lt':
      case 'lte':
        return { type: 'comparator', value: type, children: [left, this.expression(BINDING_POWER[type])] };
      case 'flatten': {
        const flat: Node = { type: 'flatten', children: [left] };
        const right = this.parseProjectionRhs(BINDING_POWER.flatten);
        return { type: 'projection', children: [flat, right] };
      }
      case 'lbracket':
        return this.ledLbracket(left);
      default:
        throw new Error(`no led for ${type}`);
    }
  }

  private ledDot(left: Node): Node {
    if (this.currentType() !== 'star') {
      const right = this.parseDotRhs(BINDING_POWER.dot);
      if (left.type === 'subexpression') {
        left.children.push(right);
        return left;
      }
      return { type: 'subexpression', children: [left, right] };
    }
    // a value projection
    this.advance();
    const right = this.parseProjectionRhs(BINDING_POWER.dot);
    return { type: 'value_projection', children: [left, right] };
  }

  private ledLparen(left: Node): Node {
    if (left.type !== 'field') {
      // -1 is the '(' token, -2 the would-be function name
      const prev = this.lookaheadToken(-2);
      throw new ParseFailure(prev.start, prev.value, prev.type, `Invalid function name '${pyStr(prev.value)}'`, false);
    }
    const args: Node[] = [];
    while (this.currentType() !== 'rparen') {
      const expression = this.expression();
      if (this.currentType() === 'comma') this.match('comma');
      args.push(expression);
    }
    this.match('rparen');
    return { type: 'function_expression', value: left.value, children: args };
  }

  private ledFilter(left: Node): Node {
    const condition = this.expression(0);
    this.match('rbracket');
    const right = this.currentType() === 'flatten' ? IDENTITY : this.parseProjectionRhs(BINDING_POWER.filter);
    return { type: 'filter_projection', children: [left, right, condition] };
  }

  private ledLbracket(left: Node): Node {
    const token = this.lookaheadToken(0);
    if (token.type === 'number' || token.type === 'colon') {
      const right = this.parseIndexExpression();
      if (left.type === 'index_expression') {
        // jmespath.py appends to the existing node, so a slice here does not project
        left.children.push(right);
        return left;
      }
      return this.projectIfSlice(left, right);
    }
    this.match('star');
    this.match('rbracket');
    const right = this.parseProjectionRhs(BINDING_POWER.star);
    return { type: 'projection', children: [left, right] };
  }

  // ---- helpers ----
  private parseIndexExpression(): Node {
    if (this.lookahead(0) === 'colon' || this.lookahead(1) === 'colon') {
      return this.parseSliceExpression();
    }
    const node: Node = { type: 'index', value: this.lookaheadToken(0).value as bigint };
    this.advance();
    this.match('rbracket');
    return node;
  }

  private parseSliceExpression(): Node {
    const parts: (bigint | null)[] = [null, null, null];
    let index = 0;
    let current = this.currentType();
    while (current !== 'rbracket' && index < 3) {
      if (current === 'colon') {
        index++;
        if (index === 3) this.raiseForToken(this.lookaheadToken(0), 'syntax error');
        this.advance();
      } else if (current === 'number') {
        parts[index] = this.lookaheadToken(0).value as bigint;
        this.advance();
      } else {
        this.raiseForToken(this.lookaheadToken(0), 'syntax error');
      }
      current = this.currentType();
    }
    this.match('rbracket');
    return { type: 'slice', start: parts[0] ?? null, stop: parts[1] ?? null, step: parts[2] ?? null };
  }

  private projectIfSlice(left: Node, right: Node): Node {
    const indexExpr: Node = { type: 'index_expression', children: [left, right] };
    if (right.type === 'slice') {
      return { type: 'projection', children: [indexExpr, this.parseProjectionRhs(BINDING_POWER.star)] };
    }
    return indexExpr;
  }

  private parseMultiSelectList(): Node {
    const expressions: Node[] = [];
    for (;;) {
      expressions.push(this.expression());
      if (this.currentType() === 'rbracket') break;
      this.match('comma');
    }
    this.match('rbracket');
    return { type: 'multi_select_list', children: expressions };
  }

  private parseMultiSelectHash(): Node {
    const pairs: { key: string; node: Node }[] = [];
    for (;;) {
      const keyToken = this.lookaheadToken(0);
      this.matchMultiple(['quoted_identifier', 'unquoted_identifier']);
      const key = keyToken.value as string;
      this.match('colon');
      const value = this.expression(0);
      pairs.push({ key, node: value });
      if (this.currentType() === 'comma') {
        this.match('comma');
      } else if (this.currentType() === 'rbrace') {
        this.match('rbrace');
        break;
      }
    }
    return { type: 'multi_select_dict', children: pairs };
  }

  private parseProjectionRhs(bindingPower: number): Node {
    const current = this.currentType();
    if (BINDING_POWER[current] < PROJECTION_STOP) return IDENTITY;
    if (current === 'lbracket' || current === 'filter') return this.expression(bindingPower);
    if (current === 'dot') {
      this.match('dot');
      return this.parseDotRhs(bindingPower);
    }
    return this.raiseForToken(this.lookaheadToken(0), 'syntax error');
  }

  private parseDotRhs(bindingPower: number): Node {
    const lookahead = this.currentType();
    if (lookahead === 'quoted_identifier' || lookahead === 'unquoted_identifier' || lookahead === 'star') {
      return this.expression(bindingPower);
    }
    if (lookahead === 'lbracket') {
      this.match('lbracket');
      return this.parseMultiSelectList();
    }
    if (lookahead === 'lbrace') {
      this.match('lbrace');
      return this.parseMultiSelectHash();
    }
    const t = this.lookaheadToken(0);
    const allowed = ['quoted_identifier', 'unquoted_identifier', 'lbracket', 'lbrace'];
    return this.raiseForToken(t, `Expecting: ${pyListRepr(allowed)}, got: ${t.type}`);
  }

  private match(type: TokenType): void {
    if (this.currentType() === type) {
      this.advance();
    } else {
      this.raiseMaybeEof(type, this.lookaheadToken(0));
    }
  }

  private matchMultiple(types: TokenType[]): void {
    if (!types.includes(this.currentType())) {
      this.raiseMaybeEof(pyListRepr(types), this.lookaheadToken(0));
    }
    this.advance();
  }

  private advance(): void {
    this.index++;
  }

  private currentType(): TokenType {
    return this.lookaheadToken(0).type;
  }

  private lookahead(n: number): TokenType {
    return this.lookaheadToken(n).type;
  }

  private lookaheadToken(n: number): Token {
    let i = this.index + n;
    if (i < 0) i += this.tokens.length; // Python's negative indexing
    const t = this.tokens[i];
    if (t === undefined) throw new Error('token index out of range');
    return t;
  }

  private raiseForToken(token: Token, reason: string): never {
    throw new ParseFailure(token.start, token.value, token.type, reason, false);
  }

  private raiseMaybeEof(expected: string, token: Token): never {
    if (token.type === 'eof') {
      throw new ParseFailure(token.start, token.value, token.type, '', true);
    }
    throw new ParseFailure(token.start, token.value, token.type, `Expecting: ${expected}, got: ${token.type}`, false);
  }
}

/** Parses an expression into jmespath.py's tree; throws JmespathSyntaxError with its texts. */
export function parse(expression: string): Node {
  const tokens = tokenize(expression);
  try {
    return new Parser(tokens).parse();
  } catch (e) {
    if (!(e instanceof ParseFailure)) throw e;
    if (e.incomplete) {
      const len = Array.from(expression).length;
      throw new JmespathSyntaxError(
        `Invalid jmespath expression: Incomplete expression:\n"${expression}"\n${' '.repeat(len + 1)}^`,
        'IncompleteExpressionError',
      );
    }
    throw new JmespathSyntaxError(
      `${e.reason}: Parse error at column ${e.position}, token "${pyStr(e.tokenValue)}" ` +
        `(${e.tokenType.toUpperCase()}), for expression:\n"${expression}"\n${' '.repeat(e.position + 1)}^`,
      'ParseError',
    );
  }
}
