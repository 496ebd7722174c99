// The TLS front: each of the case's names is served on 443 (IPv4, and IPv6 for the names mapped
// to ::1) with a certificate the run's CA signed and that names it; the CA's key is gone before
// anything runs; without the CA the certificate is not trusted.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SIM_CASES } from '../support/aws-sim/cases.js';
import { makePki } from '../support/aws-sim/pki.js';
import { serviceOf } from '../support/aws-sim/routes.js';
import { runProbe } from '../support/aws-sim/run-probe.js';

// every name any case declares, the dual-stack one also on ::1
const NAMES = [...new Set(SIM_CASES.flatMap((c) => c.hosts))].sort();
const V6 = 'bucket.s3.dualstack.us-west-2.amazonaws.com';

describe('the TLS front', () => {
  it('serves every name the cases declare with the run CA, over IPv4 and IPv6, and logs the SNI', async () => {
    const get = (host: string, servername: string, ca?: string) => ({
      op: 'request' as const,
      host,
      port: 443,
      tls: { servername, ...(ca ? { ca } : {}) },
      method: 'GET',
      target: '/',
    });
    expect(NAMES).toContain(V6);
    const { results, log } = await runProbe({ hosts: NAMES, ipv6Hosts: [V6] }, [
      ...NAMES.map((n) => get(n, n, '{ca}')),
      get('::1', V6, '{ca}'),
      get(NAMES[0]!, NAMES[0]!),
    ]);
    for (const r of results.slice(0, NAMES.length + 1)) {
      expect(r.ok, r.error).toBe(true);
      expect(r.cert?.issuer).toBe('s3abort simulated AWS test CA');
      for (const n of NAMES) expect(r.cert?.subjectaltname).toContain(`DNS:${n}`);
    }
    // the system's trust store does not know the run's CA
    expect(results.at(-1)).toMatchObject({ ok: false, error: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' });
    expect(log.requests.map((r) => [r.listener, r.sni, r.service])).toEqual([
      // a name on both addresses is reached over IPv6 first (getaddrinfo's order)
      ...NAMES.map((n) => [n === V6 ? 'https [::1]:443' : 'https 127.0.0.1:443', n, serviceOf(n)]),
      ['https [::1]:443', V6, 's3'],
    ]);
    // no declared name falls through to `unknown`
    expect(log.requests.filter((r) => r.service === 'unknown')).toEqual([]);
  });

  it('deletes the CA key as soon as the front certificate is signed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-aws-pki-test-'));
    try {
      const pki = makePki(dir, NAMES);
      expect(existsSync(pki.caCert) && existsSync(pki.cert) && existsSync(pki.key)).toBe(true);
      expect(readdirSync(dir)).not.toContain('ca.key');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
