// Client creation (botocore session.create_client), reading each setting where botocore does, so
// that the first bad one is the error shown (each 255): the region name, the profile, then the
// credential chain's load, then the client config: the endpoint URL (a services section), the
// retry config (max_attempts, then the mode), the endpoint's host, the timeouts (connect, then
// read). A region may still come from instance metadata.

import type { ClientConfig } from '../aws/s3.js';
import type { Settings } from '../config/settings/settings.js';
import { GeneralError } from '../errors.js';
import { invalidCaBundleText, readCaBundle } from '../net/ca-bundle.js';
import type { Io } from '../io.js';
import { lazy } from '../lazy.js';
import { versionString } from '../version.js';
import type { Command, CredentialsForClient, Run, StepResult } from './context.js';

export async function clientStep(run: Run, cmd: Partial<Command> & Pick<Command, 'settings' | 'bulk' | 'params'>): Promise<StepResult> {
  const { io, debug } = run;
  const s = cmd.settings;
  let region = readRegionAndProfile(s);
  const { createCredentialProvider, resolveImdsRegion } = await lazy.credentials();
  // --no-sign-request only turns signing off (a choose-signer handler in 2.9.19): the client is
  // still created with the credential chain loaded, so its failures still surface
  const chain = createCredentialProvider(s, {
    env: io.env,
    fs: io.fs,
    homedir: io.homedir,
    cwd: io.cwd,
    now: () => io.now(),
    signal: io.signal,
    userAgent: versionString(io),
    debug: (m: string) => debug.log('botocore.credentials', m),
  });
  await chain.load();
  const { endpoint, maxAttempts, retryMode, timeouts } = readClientConfig(s);
  if (region === undefined && !s.imds.disabled) {
    region = await resolveImdsRegion(s, { fs: io.fs, homedir: io.homedir, env: io.env, signal: io.signal });
  }
  // the skeleton of the output is made by a client that signs nothing (generatecliskeleton.py)
  const credentials: CredentialsForClient = s.noSignRequest || cmd.skeleton === 'output' ? null : chain;
  cmd.credentials = credentials;
  const cfg: ClientConfig = {
    // no region anywhere: S3 resolves aws-global, signed for us-east-1
    region: region ?? 'us-east-1',
    ...(endpoint !== undefined ? { endpoint } : {}),
    forcePathStyle: s.s3.addressingStyle === 'path' || (endpoint !== undefined && s.s3.addressingStyle !== 'virtual'),
    useFipsEndpoint: s.useFipsEndpoint,
    useDualstackEndpoint: s.useDualstackEndpoint,
    useAccelerateEndpoint: s.s3.useAccelerateEndpoint,
    useArnRegion: s.s3.useArnRegion,
    disableMultiregionAccessPoints: s.s3.disableMultiregionAccessPoints,
    credentials,
    maxAttempts,
    retryMode,
    ...(timeouts.read !== null ? { readTimeoutMs: timeouts.read * 1000 } : {}),
    ...(timeouts.connect !== null ? { connectTimeoutMs: timeouts.connect * 1000 } : {}),
    ...caBundle(s, io),
    verifySsl: s.verifySsl,
    userAgent: versionString(io),
    keepAlive: false,
    debug,
    onInsecureRequest: (host) =>
      io.stderr.write(
        `s3abort: InsecureRequestWarning: Unverified HTTPS request is being made to host '${host}'. Adding certificate verification is strongly advised.\n`,
      ),
    signal: io.signal,
  };
  if (cmd.bulk.active) {
    // one keep-alive client for the run; a stopping run starts no new attempt, so what is in
    // flight ends within its read timeout
    cfg.keepAlive = true;
    cfg.maxSockets = cmd.bulk.concurrency + 2;
    cfg.stopRetries = io.signal;
  }
  cmd.cfg = cfg;
  return undefined;
}

/** Client creation before the credential chain: the region name, then the profile. */
export function readRegionAndProfile(s: Settings): string | undefined {
  const region = s.region;
  s.requireProfile();
  return region;
}

/**
 * Client creation after the credential chain: the endpoint URL (a services section), the retry
 * config (max_attempts, then the mode), the endpoint's host name, the timeouts (connect, then read).
 */
export function readClientConfig(s: Settings) {
  const endpoint = s.endpointUrl;
  const maxAttempts = s.maxAttempts;
  const retryMode = s.retryMode;
  s.checkClientEndpoint();
  // endpoint.py _validate_verify_value (AWS CLI 2.36): a blank bundle setting; 2.9.19 turned
  // verification off instead
  const ca = s.verifySsl ? s.caBundle : undefined;
  if (ca !== undefined && ca.trim() === '') throw new GeneralError(invalidCaBundleText());
  return { endpoint, maxAttempts, retryMode, timeouts: s.timeouts };
}

/**
 * The trust of the client when verification is on and a bundle is configured: its certificates,
 * or why it cannot be used (every https connection then fails with that, as urllib3's does).
 */
function caBundle(s: Settings, io: Io): { ca?: string; caProblem?: string } {
  const path = s.caBundle;
  if (!s.verifySsl || path === undefined) return {};
  const bundle = readCaBundle(io.fs, path);
  return 'pem' in bundle ? { ca: bundle.pem } : { caProblem: bundle.problem };
}

