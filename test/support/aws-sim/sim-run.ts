// One run of the simulated AWS, seen from the test: a temporary root holding the PKI, the hosts
// file, resolv.conf, the spec and the run folder; the namespace run; then the root removed, also
// when anything failed (the CA's key goes even earlier: pki.ts). Placeholders in commands are
// substituted here and the run folder's path is put back as {tmp} in everything that comes back.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hostsFile, RESOLV_CONF } from './hosts-file.js';
import { runInNamespace } from './namespace.js';
import { substArgs, substRecord, substText, substValue, unsubstText, type Context } from './placeholders.js';
import { makePki } from './pki.js';
import type { NamespaceResult, NamespaceSpec, ServicesConfig } from './spec.js';

export interface SimCommand {
  argv: readonly string[];
  env?: Record<string, string | null>;
  files?: Record<string, string>;
  stdin?: string;
  /** Default 60 s. */
  timeoutMs?: number;
}

export interface SimRunOptions {
  /** The names the hosts file maps to 127.0.0.1 (and the front's certificate names). */
  hosts: readonly string[];
  /** Names also mapped to ::1. */
  ipv6Hosts?: readonly string[];
  services?: ServicesConfig;
  commands?: readonly SimCommand[];
  /** A module whose default export runs inside the namespace with `input`, placeholders substituted (self-tests). */
  probe?: { module: string; input: unknown };
  /** Runs after the run folder exists and before the namespace starts (e.g. a reference's model files). */
  setup?: (tmp: string, ctx: Context) => void;
  /** The whole namespace run; default: the commands' timeouts plus 30 s. */
  timeoutMs?: number;
}

export interface SimRunResult extends NamespaceResult {
  /** The placeholders the run used (paths are gone once it returns). */
  ctx: Context;
}

export async function runSim(opts: SimRunOptions): Promise<SimRunResult> {
  const root = mkdtempSync(join(tmpdir(), 'sim-aws-'));
  try {
    const pkiDir = join(root, 'pki');
    const tmp = join(root, 'run');
    mkdirSync(pkiDir);
    mkdirSync(join(tmp, 'home', '.aws'), { recursive: true });
    const names = [...opts.hosts, ...(opts.ipv6Hosts ?? [])];
    const pki = makePki(pkiDir, names.length > 0 ? names : ['localhost']);
    const ca = join(tmp, 'ca.pem');
    copyFileSync(pki.caCert, ca);
    const ctx: Context = {
      tmp,
      home: join(tmp, 'home'),
      ca,
      ca_pem: readFileSync(ca, 'utf8'),
      ca_hash: execFileSync('openssl', ['x509', '-noout', '-subject_hash', '-in', ca], { encoding: 'utf8' }).trim(),
    };
    opts.setup?.(tmp, ctx);
    writeFileSync(join(root, 'hosts'), hostsFile(opts.hosts, opts.ipv6Hosts));
    writeFileSync(join(root, 'resolv.conf'), RESOLV_CONF);
    const commands = (opts.commands ?? []).map((c) => ({
      argv: substArgs(c.argv, ctx),
      env: substRecord(c.env ?? {}, ctx),
      files: Object.fromEntries(Object.entries(c.files ?? {}).map(([k, v]) => [substText(k, ctx), substText(v, ctx)])),
      ...(c.stdin !== undefined ? { stdin: substText(c.stdin, ctx) } : {}),
      timeoutMs: c.timeoutMs ?? 60_000,
    }));
    const spec: NamespaceSpec = {
      hostsFile: join(root, 'hosts'),
      resolvFile: join(root, 'resolv.conf'),
      tls: { cert: pki.cert, key: pki.key },
      tmp,
      services: opts.services ?? {},
      commands,
      ...(opts.probe ? { probe: { module: opts.probe.module, input: substValue(opts.probe.input, ctx) } } : {}),
    };
    const specPath = join(root, 'spec.json');
    writeFileSync(specPath, JSON.stringify(spec));
    const timeout = opts.timeoutMs ?? commands.reduce((t, c) => t + c.timeoutMs, 30_000);
    const result = await runInNamespace(specPath, timeout);
    // the PEM's text is not a path: leave it out of the reverse substitution
    const back: Context = { tmp, home: ctx.home!, ca };
    const cleaned = JSON.parse(unsubstText(JSON.stringify(result), Object.fromEntries(Object.entries(back).map(([k, v]) => [k, JSON.stringify(v).slice(1, -1)])))) as NamespaceResult;
    return { ...cleaned, ctx };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
