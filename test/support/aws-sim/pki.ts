// The run's certificate authority, made by openssl as tls.test.ts makes its own: a CA, and one leaf
// certificate whose SANs are every name the case maps plus the loopback addresses, so the front
// serves each AWS name with a certificate the CLI can verify through the case's AWS_CA_BUNDLE only.
// The CA's key is deleted as soon as the leaf is signed: nothing can mint another certificate
// while the CLIs run.
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface RunPki {
  /** The CA certificate (PEM), what AWS_CA_BUNDLE names. */
  caCert: string;
  /** The front's certificate and key. */
  cert: string;
  key: string;
}

/** Makes the CA and the leaf in `dir` (a folder the caller removes). */
export function makePki(dir: string, names: readonly string[]): RunPki {
  const openssl = (args: string[]): void => {
    execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  };
  // P-256 keys: a fraction of RSA's key generation time, and every client here speaks ECDSA
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  openssl(['req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=s3abort simulated AWS test CA',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
  // the names go in the SANs (clients check those); a CN holds at most 64 characters, fewer than
  // a directory bucket's host name
  openssl(['req', ...ec, '-keyout', 'front.key', '-out', 'front.csr', '-subj', '/CN=s3abort simulated AWS front']);
  const sans = [...new Set(names)].map((n) => `DNS:${n}`).concat(['IP:127.0.0.1', 'IP:::1']);
  writeFileSync(join(dir, 'ext.cnf'), `subjectAltName=${sans.join(',')}\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n`);
  try {
    openssl(['x509', '-req', '-in', 'front.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'front.pem', '-days', '2', '-extfile', 'ext.cnf']);
  } finally {
    rmSync(join(dir, 'ca.key'), { force: true });
  }
  return { caCert: join(dir, 'ca.pem'), cert: join(dir, 'front.pem'), key: join(dir, 'front.key') };
}
