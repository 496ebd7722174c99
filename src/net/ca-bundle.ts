// The CA bundle as botocore hands it to urllib3 (`ca_certs`), which loads it with
// SSLContext.load_verify_locations while wrapping each new connection: a bundle that cannot be
// used fails every https attempt, after the TCP connect, with Python's text (docs/aws-cli-today.md §2).

import { X509Certificate } from 'node:crypto';
import type { FileSystem } from '../io.js';
import { pyOsErrorText } from '../py/errno.js';

/** The trust of a client: a bundle's certificates, or why the bundle cannot be used. */
export type CaBundle = { readonly pem: string } | { readonly problem: string };

const PEM_BLOCK = /-----BEGIN (CERTIFICATE|TRUSTED CERTIFICATE|X509 CRL)-----[\s\S]*?-----END \1-----/g;

/** OpenSSL's text for a bundle with no certificate, as Python 3.11 (AWS CLI 2.9.19) prints it. */
export const NO_CERTIFICATE = '[X509: NO_CERTIFICATE_OR_CRL_FOUND] no certificate or crl found (_ssl.c:4123)';

/** Reads the bundle at `path` as load_verify_locations would take it. */
export function readCaBundle(fs: FileSystem, path: string): CaBundle {
  let bytes: Uint8Array;
  try {
    bytes = fs.readFile(path);
  } catch (err) {
    // FileNotFoundError, IsADirectoryError, PermissionError: str() without the file name
    return { problem: pyOsErrorText(err, undefined, [5, 'Input/output error']) };
  }
  const text = Buffer.from(bytes).toString('latin1');
  const blocks = text.match(PEM_BLOCK) ?? [];
  const certificates = blocks.filter((b) => !b.startsWith('-----BEGIN X509 CRL'));
  for (const cert of certificates) {
    try {
      new X509Certificate(cert.replace('TRUSTED CERTIFICATE', 'CERTIFICATE').replace('TRUSTED CERTIFICATE', 'CERTIFICATE'));
    } catch {
      return { problem: NO_CERTIFICATE };
    }
  }
  if (blocks.length === 0) return { problem: NO_CERTIFICATE };
  return { pem: certificates.join('\n') };
}
