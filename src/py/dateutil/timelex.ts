// dateutil's _timelex: a date string split into words, numbers (with their dots and commas),
// single spaces and punctuation.

import { pyIsSpace } from '../str.js';
import { pyLen } from './token.js';

const isWord = (ch: string) => /\p{L}/u.test(ch);

const isNum = (ch: string) => /\p{Nd}/u.test(ch);

/** _timelex.split. Digits are already ASCII here (int()/float()/Decimal() read Unicode digits the same). */
export function timelex(s: string): string[] {
  const chars = [...s].filter((c) => c !== '\0');
  let pos = 0;
  let eof = false;
  const charstack: string[] = [];
  const tokenstack: string[] = [];
  const tokens: string[] = [];
  for (;;) {
    let token: string | null = null;
    if (tokenstack.length > 0) token = tokenstack.shift()!;
    else {
      let seenletters = false;
      let state: '' | 'a' | '0' | 'a.' | '0.' = '';
      while (!eof) {
        const nextchar = charstack.length > 0 ? charstack.shift()! : pos < chars.length ? chars[pos++]! : '';
        if (!nextchar) {
          eof = true;
          break;
        } else if (!state) {
          token = nextchar;
          if (isWord(nextchar)) state = 'a';
          else if (isNum(nextchar)) state = '0';
          else if (pyIsSpace(nextchar)) {
            token = ' ';
            break;
          } else break;
        } else if (state === 'a') {
          seenletters = true;
          if (isWord(nextchar)) token += nextchar;
          else if (nextchar === '.') {
            token += nextchar;
            state = 'a.';
          } else {
            charstack.push(nextchar);
            break;
          }
        } else if (state === '0') {
          if (isNum(nextchar)) token += nextchar;
          else if (nextchar === '.' || (nextchar === ',' && pyLen(token!) >= 2)) {
            token += nextchar;
            state = '0.';
          } else {
            charstack.push(nextchar);
            break;
          }
        } else if (state === 'a.') {
          seenletters = true;
          if (nextchar === '.' || isWord(nextchar)) token += nextchar;
          else if (isNum(nextchar) && token!.endsWith('.')) {
            token += nextchar;
            state = '0.';
          } else {
            charstack.push(nextchar);
            break;
          }
        } else {
          if (nextchar === '.' || isNum(nextchar)) token += nextchar;
          else if (isWord(nextchar) && token!.endsWith('.')) {
            token += nextchar;
            state = 'a.';
          } else {
            charstack.push(nextchar);
            break;
          }
        }
      }
      if (token !== null && (state === 'a.' || state === '0.')) {
        const dots = token.split('.').length - 1;
        if (seenletters || dots > 1 || token.endsWith('.') || token.endsWith(',')) {
          const l = token.split(/([.,])/);
          token = l[0]!;
          for (const tok of l.slice(1)) if (tok) tokenstack.push(tok);
        }
      }
      if (token !== null && state === '0.' && !token.includes('.')) token = token.replace(/,/g, '.');
    }
    if (token === null) return tokens;
    tokens.push(token);
  }
}
