// The instance metadata settings, read as botocore's create_credential_resolver reads them when
// the credential chain is built (customizations/assumerole.py at session-initialized).

import { type CliError, GeneralError } from '../../errors.js';
import { chain, type Found, fromEnv, fromProfile, type Lookup, originOf, type SettingOrigin, foundValue } from './lookup.js';
import { ensureBoolean, isValidUri, pyInt, pyStrValue } from './values.js';

export interface ImdsSettings {
  /** AWS_EC2_METADATA_DISABLED=true (environment only, case-insensitive) */
  readonly disabled: boolean;
  /** seconds; AWS_METADATA_SERVICE_TIMEOUT > metadata_service_timeout > 1 */
  readonly timeoutSeconds: number;
  /** AWS_METADATA_SERVICE_NUM_ATTEMPTS > metadata_service_num_attempts > 1 */
  readonly numAttempts: number;
  /** AWS_EC2_METADATA_SERVICE_ENDPOINT > ec2_metadata_service_endpoint */
  readonly endpoint: string | undefined;
  /** AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE > ec2_metadata_service_endpoint_mode, else ipv6 if AWS_IMDS_USE_IPV6 / imds_use_ipv6 */
  readonly endpointMode: 'ipv4' | 'ipv6';
  /** The base URL requests are made against: the custom endpoint as written, or the default for the mode (ends in '/'). */
  readonly baseUrl: string;
}

export type ImdsOrigins = Partial<Record<'imds.timeoutSeconds' | 'imds.numAttempts' | 'imds.endpoint' | 'imds.endpointMode', SettingOrigin>>;

const IMDS_BASE_URL = 'http://169.254.169.254/';
const IMDS_BASE_URL_IPV6 = 'http://[fd00:ec2::254]/';

/**
 * The settings, the origins of those read, and the first bad value's error. Reading stops at the
 * first ProfileNotFound, quietly (the handler's own except), or at the first bad value.
 */
export function resolveImds(lookup: Lookup): { settings: ImdsSettings; origins: ImdsOrigins; error?: CliError } {
  const { env } = lookup;
  const settings = {
    disabled: (env['AWS_EC2_METADATA_DISABLED'] ?? 'false').toLowerCase() === 'true',
    timeoutSeconds: 1,
    numAttempts: 1,
    endpoint: undefined as string | undefined,
    endpointMode: 'ipv4' as 'ipv4' | 'ipv6',
    baseUrl: IMDS_BASE_URL,
  };
  const origins: ImdsOrigins = {};
  const read = (name: keyof ImdsOrigins, found: Found | 'missing', recordDefault = true): Found | 'missing' => {
    if (found !== 'missing' && (found !== undefined || recordDefault)) origins[name] = originOf(found);
    return found;
  };
  const int = (name: keyof ImdsOrigins, envName: string, key: string): number | 'stop' | undefined => {
    const found = read(name, chain(() => fromEnv(env, envName), () => fromProfile(lookup, key)));
    if (found === 'missing') return 'stop';
    return found === undefined ? undefined : pyInt(found.value);
  };
  try {
    const timeout = int('imds.timeoutSeconds', 'AWS_METADATA_SERVICE_TIMEOUT', 'metadata_service_timeout');
    if (timeout === 'stop') return { settings, origins };
    if (timeout !== undefined) settings.timeoutSeconds = timeout;
    const attempts = int('imds.numAttempts', 'AWS_METADATA_SERVICE_NUM_ATTEMPTS', 'metadata_service_num_attempts');
    if (attempts === 'stop') return { settings, origins };
    if (attempts !== undefined) settings.numAttempts = attempts;

    const endpoint = read('imds.endpoint', chain(() => fromEnv(env, 'AWS_EC2_METADATA_SERVICE_ENDPOINT'), () => fromProfile(lookup, 'ec2_metadata_service_endpoint')), false);
    if (endpoint === 'missing') return { settings, origins };
    const endpointValue = foundValue(endpoint);
    if (endpointValue !== undefined) settings.endpoint = pyStrValue(endpointValue);

    // utils.resolve_imds_endpoint_mode
    const mode = read('imds.endpointMode', chain(() => fromEnv(env, 'AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE'), () => fromProfile(lookup, 'ec2_metadata_service_endpoint_mode')));
    if (mode === 'missing') return { settings, origins };
    const modeValue = foundValue(mode);
    if (modeValue !== undefined) {
      const m = pyStrValue(modeValue).toLowerCase();
      if (m !== 'ipv4' && m !== 'ipv6') {
        throw new GeneralError(`Invalid EC2 Instance Metadata endpoint mode: ${pyStrValue(modeValue)} Valid endpoint modes (case-insensitive): ('ipv4', 'ipv6').`);
      }
      settings.endpointMode = m;
    } else {
      const ipv6 = chain(() => fromEnv(env, 'AWS_IMDS_USE_IPV6'), () => fromProfile(lookup, 'imds_use_ipv6'));
      if (ipv6 === 'missing') return { settings, origins };
      if (ensureBoolean(foundValue(ipv6))) settings.endpointMode = 'ipv6';
    }

    // IMDSFetcher._select_base_url
    settings.baseUrl = settings.endpoint ?? (settings.endpointMode === 'ipv6' ? IMDS_BASE_URL_IPV6 : IMDS_BASE_URL);
    if (!isValidUri(settings.baseUrl)) throw new GeneralError(`Invalid endpoint EC2 Instance Metadata endpoint: ${settings.baseUrl}`);
    return { settings, origins };
  } catch (err) {
    return { settings, origins, error: err as CliError };
  }
}
