import pkg from '../package.json' with { type: 'json' };
import type { Io } from './io.js';

export const VERSION: string = pkg.version;

/** `s3abort/<version> Node.js/<version> <os>/<release> <arch>`, the layout of `aws --version`. */
export function versionString(io: Pick<Io, 'runtime'>): string {
  return `s3abort/${VERSION} ${io.runtime}`;
}
