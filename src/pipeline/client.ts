// Client creation (botocore session.create_client), reading each setting where botocore does, so
// that the first bad one is the error shown (each 255): the region name, the profile, then the
// credential chain's load, then the client config: the endpoint URL (a services section), the
// retry config (max_attempts, then the mode), the endpoint's host, the timeouts (connect, then
// read). A region may still come from instance metadata.

import type { ClientConfig } from '../aws/s3.js';
import type { Settings } from '../config/settings/settings.js';
import { GeneralError } from '../errors.js';
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
  const { endpoint, maxAttempts, retryMode, disableS3ExpressSessionAuth, timeouts } = readClientConfig(s);
  if (region === undefined && !s.imds.disabled) {
    region = await resolveImdsRegion(s, { fs: io.fs, homedir: io.homedir, env: io.env, signal: io.signal });
  }
  // the skeleton of the output is made by a client that signs nothing (generatecliskeleton.py)
  const credentials: CredentialsForClient = s.noSignRequest || cmd.skeleton === 'output' ? null : chain;
  cmd.credentials = credentials;
  const cfg: ClientConfig = {
    // no region anywhere: the ruleset's aws-global, s3.amazonaws.com signed for us-east-1
    region: region ?? 'aws-global',
    ...(endpoint !== undefined ? { endpoint } : {}),
    forcePathStyle: forcePathStyle(s.s3, endpoint),
    useFipsEndpoint: s.useFipsEndpoint,
    useDualstackEndpoint: s.useDualstackEndpoint,
    useAccelerateEndpoint: s.s3.useAccelerateEndpoint,
    useArnRegion: s.s3.useArnRegion,
    disableMultiregionAccessPoints: s.s3.disableMultiregionAccessPoints,
    disableS3ExpressSessionAuth,
    credentials,
    maxAttempts,
    retryMode,
    ...(timeouts.read !== null ? { readTimeoutMs: timeouts.read * 1000 } : {}),
    ...(timeouts.connect !== null ? { connectTimeoutMs: timeouts.connect * 1000 } : {}),
    ...(await caBundle(s, io)),
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

/** botocore endpoint.py _validate_verify_value (AWS CLI 2.36). */
const INVALID_CA_BUNDLE =
  'Invalid CA bundle: the configured value (ca_bundle, AWS_CA_BUNDLE, REQUESTS_CA_BUNDLE, or verify) resolved to an empty or whitespace-only string. Provide a valid path to a CA bundle file.';

/**
 * botocore args.py compute_endpoint_resolver_builtin_defaults: never with accelerate (path style
 * then quietly becomes the accelerate host, where the ruleset alone would refuse it); a custom
 * endpoint that is not an accelerate one defaults to path style; otherwise addressing_style = path.
 */
function forcePathStyle(s3: Settings['s3'], endpoint: string | undefined): boolean {
  if (s3.useAccelerateEndpoint) return false;
  if (endpoint !== undefined && !isS3AccelerateUrl(endpoint)) return s3.addressingStyle !== 'virtual';
  return s3.addressingStyle === 'path';
}

/** botocore utils.is_s3_accelerate_url: s3-accelerate[.dualstack].amazonaws.com, over http or https. */
function isS3AccelerateUrl(url: string): boolean {
  const m = /^https?:\/\/([^/?#]*)/i.exec(url);
  const netloc = m?.[1];
  if (netloc === undefined || !netloc.endsWith('amazonaws.com')) return false;
  const parts = netloc.split('.');
  if (parts[0] !== 's3-accelerate') return false;
  const features = parts.slice(1, -2);
  return new Set(features).size === features.length && features.every((p) => p === 'dualstack');
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
  const disableS3ExpressSessionAuth = s.disableS3ExpressSessionAuth;
  s.checkClientEndpoint();
  // endpoint.py _validate_verify_value (AWS CLI 2.36): a blank bundle setting; 2.9.19 turned
  // verification off instead
  const ca = s.verifySsl ? s.caBundle : undefined;
  if (ca !== undefined && ca.trim() === '') throw new GeneralError(INVALID_CA_BUNDLE);
  return { endpoint, maxAttempts, retryMode, disableS3ExpressSessionAuth, timeouts: s.timeouts };
}

/**
 * The trust of the client when verification is on and a bundle is configured: its certificates,
 * or why it cannot be used (every https connection then fails with that, as urllib3's does).
 */
async function caBundle(s: Settings, io: Io): Promise<{ ca?: string; caProblem?: string }> {
  const path = s.caBundle;
  if (!s.verifySsl || path === undefined) return {};
  const { readCaBundle } = await lazy.caBundle();
  const bundle = readCaBundle(io.fs, path);
  return 'pem' in bundle ? { ca: bundle.pem } : { caProblem: bundle.problem };
}

