// os.path.expanduser / os.path.expandvars (Lib/posixpath.py), as botocore applies them to the
// config file paths and awscli to file:// paths.

import { describe, expect, it } from 'vitest';
import { expandUser, expandVars } from '../../src/py/posixpath.js';

describe('path expansion', () => {
  const env = { HOME: '/home/me', A: 'x', A_1: 'y' };
  it.each([
    ['$A/b', 'x/b'],
    ['${A}b', 'xb'],
    ['$A_1', 'y'],
    ['$MISSING/x', '$MISSING/x'],
    ['${A', '${A'],
    ['~/x', '~/x'],
  ])('expandVars(%j)', (path, expected) => {
    expect(expandVars(path, env)).toBe(expected);
  });
  it.each([
    ['~', '/home/me'],
    ['~/.aws/config', '/home/me/.aws/config'],
    ['~other/x', '~other/x'],
    ['a/~', 'a/~'],
  ])('expandUser(%j)', (path, expected) => {
    expect(expandUser(path, env, '/fallback')).toBe(expected);
  });
  it('falls back to the account home without HOME, and strips a trailing slash', () => {
    expect(expandUser('~/x', {}, '/fallback')).toBe('/fallback/x');
    expect(expandUser('~/x', { HOME: '/' }, '/fallback')).toBe('/x');
    expect(expandUser('~', { HOME: '/' }, '/fallback')).toBe('/');
  });
});

describe('expanduser / expandvars', () => {
  const io = { env: { HOME: '/home/me/', X: 'ex', EMPTY: '' }, homedir: '/ignored' };
  it.each([
    ['~', '/home/me'],
    ['~/a', '/home/me/a'],
    ['~user/a', '~user/a'],
    ['a/~', 'a/~'],
  ])('expandUser(%j) = %j', (p, out) => {
    expect(expandUser(p, io.env, io.homedir)).toBe(out);
  });
  it('falls back to the home directory without HOME, and gives "/" for an empty one', () => {
    expect(expandUser('~/a', {}, '/h')).toBe('/h/a');
    expect(expandUser('~', { HOME: '' }, '/h')).toBe('/');
  });
  it.each([
    ['$X/$X', 'ex/ex'],
    ['${X}y', 'exy'],
    ['$Xy', '$Xy'],
    ['$NOPE', '$NOPE'],
    ['${}', '${}'],
    ['$EMPTY.', '.'],
    ['$', '$'],
    ['a$X$', 'aex$'],
  ])('expandVars(%j) = %j', (p, out) => {
    expect(expandVars(p, io.env)).toBe(out);
  });
});
