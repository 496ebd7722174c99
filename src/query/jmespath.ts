// A JMESPath engine that behaves like jmespath.py 1.0.1, the version the AWS CLI v2 uses for
// --query: the same accepted syntax, the same results on Python values (int vs float, dict key
// order) and the same error texts (str() of the Python exception).
//
//   compileQuery(expr)  -> throws JmespathSyntaxError (LexerError, ParseError,
//                          IncompleteExpressionError, EmptyExpressionError texts)
//   query.search(value) -> throws JmespathRuntimeError (JMESPathTypeError, ArityError,
//                          VariadictArityError, UnknownFunctionError texts, and the few plain
//                          Python errors jmespath.py lets through, e.g. 'slice step cannot be zero')
//
// As in jmespath.py, unknown functions and wrong argument counts are found when the call is
// evaluated, not when the expression is compiled.

import type { PyValue } from '../py/value.js';
import { hasExpref } from './functions.js';
import { evaluate } from './interpreter.js';
import { JmespathRuntimeError, JmespathSyntaxError } from './lexer.js';
import { parse, type Node } from './parser.js';

export { JmespathRuntimeError, JmespathSyntaxError };

export interface CompiledQuery {
  readonly expression: string;
  search(value: PyValue): PyValue;
}

class Query implements CompiledQuery {
  constructor(
    readonly expression: string,
    private readonly tree: Node,
  ) {}

  search(value: PyValue): PyValue {
    const result = evaluate(this.tree, value);
    if (hasExpref(result)) {
      // jmespath.py hands back its _Expression object, which the AWS CLI's JSON encoder rejects
      throw new JmespathRuntimeError('Encountered unrecognized type in JSON encoder.', 'TypeError');
    }
    return result as PyValue;
  }
}

/** Compiles an expression; throws JmespathSyntaxError with jmespath.py's text. */
export function compileQuery(expression: string): CompiledQuery {
  return new Query(expression, parse(expression));
}
