// botocore ConfiguredEndpointProvider (1.31+): the endpoint URL a service is configured with.

import { GeneralError } from '../../errors.js';
import type { IniSection, SharedConfig } from '../ini.js';
import type { Env, SettingOrigin } from './lookup.js';
import { pyStrValue } from './values.js';

/**
 * The configured endpoint URL of a service: AWS_ENDPOINT_URL_<SERVICE> > AWS_ENDPOINT_URL > the
 * profile's `services` section > profile endpoint_url, empty values skipped. `serviceKey` is the
 * snake-case service id (`s3`, `sts`, `sso`, `sso_oidc`). Throws GeneralError when the profile
 * names a services section that does not exist. Does not look at the ignore flag or at
 * --endpoint-url (see Settings.endpointUrl).
 */
export function configuredEndpointUrl(
  l: { readonly env: Env; readonly shared: SharedConfig; readonly profile: IniSection; readonly profileName: string },
  serviceKey: string,
): { url: string; origin: SettingOrigin } | undefined {
  for (const name of [`AWS_ENDPOINT_URL_${serviceKey.toUpperCase()}`, 'AWS_ENDPOINT_URL']) {
    const value = l.env[name];
    if (value) return { url: value, origin: { kind: 'env', name } };
  }
  const sectionName = l.profile.get('services');
  if (sectionName !== undefined) {
    const section = typeof sectionName === 'string' ? l.shared.config.services.get(sectionName) : undefined;
    if (section === undefined || section.size === 0) {
      throw new GeneralError(
        `The profile is configured to use the services section but the "${pyStrValue(sectionName)}" services configuration does not exist.`,
      );
    }
    const service = section.get(serviceKey);
    if (typeof service === 'string') throw new GeneralError("'str' object has no attribute 'get'");
    const url = service?.get('endpoint_url');
    if (url) return { url, origin: { kind: 'services', name: `${serviceKey}.endpoint_url`, section: sectionName as string } };
  }
  const url = l.profile.get('endpoint_url');
  if (typeof url === 'string' && url) {
    const file = l.shared.fromCredentialsFile.get(l.profileName)?.has('endpoint_url') ? 'credentials' : 'config';
    return { url, origin: { kind: 'profile', name: 'endpoint_url', profile: l.profileName, file } };
  }
  return undefined;
}
