import os from 'node:os';
import pkg from '../package.json' with { type: 'json' };

export const VERSION: string = pkg.version;

/** `s3abort/<version> Node.js/<version> <os>/<release> <arch>`, the layout of `aws --version`. */
export function versionString(): string {
  return `s3abort/${VERSION} Node.js/${process.versions.node} ${os.type()}/${os.release()} ${os.machine()}`;
}
