// Evaluates a parsed expression the way jmespath.py 1.0.1's TreeInterpreter does.

import { JmespathRuntimeError } from './lexer.js';
import type { Node } from './parser.js';
import {
  callFunction,
  Expref,
  isActualNumber,
  isFalse,
  jmespathEquals,
  pyOrder,
  type JDict,
  type JV,
} from './functions.js';

/** list[start:stop:step] with Python's semantics. */
function pySlice(list: JV[], start: bigint | null, stop: bigint | null, step: bigint | null): JV[] {
  const st = step ?? 1n;
  if (st === 0n) throw new JmespathRuntimeError('slice step cannot be zero', 'ValueError');
  const len = BigInt(list.length);
  const neg = st < 0n;
  const adjust = (x: bigint): bigint => {
    if (x < 0n) {
      x += len;
      if (x < 0n) x = neg ? -1n : 0n;
    } else if (x >= len) {
      x = neg ? len - 1n : len;
    }
    return x;
  };
  const s = start === null ? (neg ? len - 1n : 0n) : adjust(start);
  const e = stop === null ? (neg ? -1n : len) : adjust(stop);
  const out: JV[] = [];
  if (neg) {
    for (let i = s; i > e; i += st) out.push(list[Number(i)]!);
  } else {
    for (let i = s; i < e; i += st) out.push(list[Number(i)]!);
  }
  return out;
}

function pyIndex(list: JV[], index: bigint): JV {
  const len = BigInt(list.length);
  const i = index < 0n ? index + len : index;
  if (i < 0n || i >= len) return null;
  return list[Number(i)]!;
}

export function evaluate(node: Node, value: JV): JV {
  switch (node.type) {
    case 'subexpression':
    case 'index_expression': {
      let result = value;
      for (const child of node.children) result = evaluate(child, result);
      return result;
    }
    case 'pipe':
      return evaluate(node.children[1], evaluate(node.children[0], value));
    case 'field':
      return value instanceof Map ? (value.get(node.value) ?? null) : null;
    case 'comparator': {
      const left = evaluate(node.children[0], value);
      const right = evaluate(node.children[1], value);
      if (node.value === 'eq') return jmespathEquals(left, right);
      if (node.value === 'ne') return !jmespathEquals(left, right);
      // ordering only for numbers and strings; anything else gives null
      const comparable = (x: JV) => isActualNumber(x) || typeof x === 'string';
      if (!(comparable(left) && comparable(right))) return null;
      return pyOrder(node.value, left, right);
    }
    case 'current':
    case 'identity':
      return value;
    case 'expref':
      return new Expref(node.children[0], evaluate);
    case 'function_expression': {
      const args = node.children.map((child) => evaluate(child, value));
      return callFunction(node.value, args);
    }
    case 'filter_projection': {
      const base = evaluate(node.children[0], value);
      if (!Array.isArray(base)) return null;
      const collected: JV[] = [];
      for (const element of base) {
        if (!isFalse(evaluate(node.children[2], element))) {
          const current = evaluate(node.children[1], element);
          if (current !== null) collected.push(current);
        }
      }
      return collected;
    }
    case 'flatten': {
      const base = evaluate(node.children[0], value);
      if (!Array.isArray(base)) return null;
      const merged: JV[] = [];
      for (const element of base) {
        if (Array.isArray(element)) merged.push(...element);
        else merged.push(element);
      }
      return merged;
    }
    case 'index':
      return Array.isArray(value) ? pyIndex(value, node.value) : null;
    case 'slice':
      return Array.isArray(value) ? pySlice(value, node.start, node.stop, node.step) : null;
    case 'literal':
      return node.value;
    case 'multi_select_dict': {
      if (value === null) return null;
      const collected: JDict = new Map();
      for (const { key, node: child } of node.children) collected.set(key, evaluate(child, value));
      return collected;
    }
    case 'multi_select_list': {
      if (value === null) return null;
      return node.children.map((child) => evaluate(child, value));
    }
    case 'or_expression': {
      const matched = evaluate(node.children[0], value);
      return isFalse(matched) ? evaluate(node.children[1], value) : matched;
    }
    case 'and_expression': {
      const matched = evaluate(node.children[0], value);
      return isFalse(matched) ? matched : evaluate(node.children[1], value);
    }
    case 'not_expression': {
      const original = evaluate(node.children[0], value);
      // !0 is false: 0 is not a false value in JMESPath
      if (isActualNumber(original) && original == 0) return false;
      return isPyFalsy(original);
    }
    case 'projection': {
      const base = evaluate(node.children[0], value);
      if (!Array.isArray(base)) return null;
      const collected: JV[] = [];
      for (const element of base) {
        const current = evaluate(node.children[1], element);
        if (current !== null) collected.push(current);
      }
      return collected;
    }
    case 'value_projection': {
      const base = evaluate(node.children[0], value);
      if (!(base instanceof Map)) return null;
      const collected: JV[] = [];
      for (const element of base.values()) {
        const current = evaluate(node.children[1], element);
        if (current !== null) collected.push(current);
      }
      return collected;
    }
  }
}

/** Python's `not x`. */
function isPyFalsy(v: JV): boolean {
  if (v === null || v === false || v === '') return true;
  if (typeof v === 'bigint') return v === 0n;
  if (typeof v === 'number') return v === 0;
  if (Array.isArray(v)) return v.length === 0;
  if (v instanceof Map) return v.size === 0;
  return false;
}
