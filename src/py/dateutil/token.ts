// What dateutil's parser asks of its tokens: len(), str.isdigit(), int() and l[i]. The IndexError
// or ValueError these raise means the string is not understood (parser._parse catches them).

import { pyInt } from '../int.js';

/** IndexError/ValueError inside dateutil's _parse: the string is not understood. */
export class ParseFail extends Error {
  override name = 'ParseFail';
}

export const fail = (): never => {
  throw new ParseFail();
};

/** l[i], or IndexError */
export function at(l: string[], i: number): string {
  if (i >= l.length) fail();
  return l[i]!;
}

/** int(str) for a token or a slice of one; its ValueError means "not understood". */
export function tokenInt(s: string): bigint {
  return pyInt(s) ?? fail();
}

/** str.isdigit() of a token (its digits are decimal ones). */
export const isDigits = (s: string) => s.length > 0 && /^\p{Nd}+$/u.test(s);

/** len(token): code points. */
export const pyLen = (s: string) => [...s].length;
