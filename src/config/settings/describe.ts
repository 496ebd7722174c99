// The --debug lines of the settings: each value and where it came from (never a secret).

import type { SharedConfig } from '../ini.js';
import type { ImdsSettings } from './imds.js';
import type { SettingOrigin } from './lookup.js';

export type SettingName =
  | 'profile' | 'region' | 'output' | 'endpointUrl' | 'ignoreConfiguredEndpointUrls' | 'caBundle'
  | 'maxAttempts' | 'retryMode' | 'readTimeout' | 'connectTimeout' | 'useFipsEndpoint' | 'useDualstackEndpoint'
  | 'parameterValidation' | 'cliTimestampFormat' | 'cliBinaryFormat' | 'pager' | 'autoPrompt'
  | 's3.addressingStyle' | 's3.useAccelerateEndpoint' | 's3.useDualstackEndpoint' | 's3.useArnRegion'
  | 's3.disableMultiregionAccessPoints' | 'imds.timeoutSeconds' | 'imds.numAttempts' | 'imds.endpoint' | 'imds.endpointMode';

/** What describe shows of the settings that can fail: the value the AWS CLI falls back to. */
export interface FallbackValues {
  region: string | undefined;
  endpointUrl: string | undefined;
  maxAttempts: number;
  retryMode: string;
  readTimeout: number | null;
  connectTimeout: number | null;
  cliTimestampFormat: string;
  cliBinaryFormat: string;
  imds: ImdsSettings;
}

/** The settings describe reads that cannot fail. */
interface Described {
  readonly shared: SharedConfig;
  readonly profileName: string;
  readonly profileExists: boolean;
  readonly output: string;
  readonly ignoreConfiguredEndpointUrls: boolean;
  readonly caBundle: string | undefined;
  readonly useFipsEndpoint: boolean;
  readonly useDualstackEndpoint: boolean;
  readonly s3: { addressingStyle: string | undefined; useAccelerateEndpoint: boolean; useArnRegion: boolean | undefined; disableMultiregionAccessPoints: boolean };
  readonly parameterValidation: boolean;
  readonly pager: string;
  readonly autoPrompt: string;
  readonly origins: Readonly<Partial<Record<SettingName, SettingOrigin>>>;
}

function originText(origin: SettingOrigin | undefined): string {
  if (origin === undefined) return 'unset';
  switch (origin.kind) {
    case 'flag':
      return `command line ${origin.name}`;
    case 'env':
      return `environment variable ${origin.name}`;
    case 'profile':
      return `${origin.file === 'credentials' ? 'credentials' : 'config'} file, profile "${origin.profile}", ${origin.name}`;
    case 'services':
      return `config file, services section "${origin.section}", ${origin.name}`;
    case 'default':
      return 'default';
  }
}

export function describeSettings(s: Described, v: FallbackValues): string[] {
  const show = (x: unknown): string => (x === undefined ? 'None' : x === null ? 'None (no timeout)' : JSON.stringify(x));
  // read first: reading notes the origins shown below
  const s3 = s.s3;
  const rows: Array<[SettingName, unknown]> = [
    ['profile', s.profileName],
    ['region', v.region],
    ['output', s.output],
    ['endpointUrl', v.endpointUrl],
    ['ignoreConfiguredEndpointUrls', s.ignoreConfiguredEndpointUrls],
    ['caBundle', s.caBundle],
    ['maxAttempts', v.maxAttempts],
    ['retryMode', v.retryMode],
    ['readTimeout', v.readTimeout],
    ['connectTimeout', v.connectTimeout],
    ['useFipsEndpoint', s.useFipsEndpoint],
    ['useDualstackEndpoint', s.useDualstackEndpoint],
    ['s3.addressingStyle', s3.addressingStyle],
    ['s3.useAccelerateEndpoint', s3.useAccelerateEndpoint],
    ['s3.useArnRegion', s3.useArnRegion],
    ['s3.disableMultiregionAccessPoints', s3.disableMultiregionAccessPoints],
    ['parameterValidation', s.parameterValidation],
    ['cliTimestampFormat', v.cliTimestampFormat],
    ['cliBinaryFormat', v.cliBinaryFormat],
    ['pager', s.pager],
    ['autoPrompt', s.autoPrompt],
    ['imds.timeoutSeconds', v.imds.timeoutSeconds],
    ['imds.numAttempts', v.imds.numAttempts],
    ['imds.endpoint', v.imds.endpoint],
    ['imds.endpointMode', v.imds.endpointMode],
  ];
  const lines = [
    `Config file: ${s.shared.configPath}${s.shared.configFound ? '' : ' (not found)'}`,
    `Credentials file: ${s.shared.credentialsPath}${s.shared.credentialsFound ? '' : ' (not found)'}`,
  ];
  if (!s.profileExists) lines.push(`Profile "${s.profileName}" does not exist`);
  for (const [name, x] of rows) lines.push(`Setting ${name} = ${show(x)} (from ${originText(s.origins[name])})`);
  if (v.imds.disabled) lines.push('Access to EC2 metadata has been disabled (AWS_EC2_METADATA_DISABLED).');
  return lines;
}
