// The session (clidriver.py): the settings of the run, then what top-level-args-parsed and
// session-initialized read of them, in that order: the timeouts' int() (globalargs.py), then
// cli_timestamp_format (253), cli_binary_format and the instance metadata settings (255).

import { createSettings, type Settings } from '../config/settings/settings.js';
import type { Command, Run, StepResult } from './context.js';

export function sessionStep(run: Run, cmd: Partial<Command> & Pick<Command, 'globals'>): StepResult {
  const g = cmd.globals;
  const str = (v: string | true | undefined) => (typeof v === 'string' ? v : undefined);
  const flag = <K extends string>(key: K, v: string | undefined) => (v === undefined ? {} : ({ [key]: v } as Record<K, string>));
  const s = createSettings({
    env: run.io.env,
    fs: run.io.fs,
    homedir: run.io.homedir,
    shared: run.shared,
    flags: {
      ...flag('profile', str(g.profile)),
      ...flag('region', str(g.region)),
      ...flag('endpointUrl', str(g.endpointUrl)),
      ...flag('caBundle', str(g.caBundle)),
      ...flag('readTimeout', str(g.cliReadTimeout)),
      ...flag('connectTimeout', str(g.cliConnectTimeout)),
      ...flag('cliBinaryFormat', str(g.cliBinaryFormat)),
      verifySsl: g.noVerifySsl !== true,
      noSignRequest: g.noSignRequest === true,
    },
  });
  readTopLevelSettings(s);
  readSessionSettings(s);
  if (run.debug.enabled) for (const line of s.describe()) run.debug.log('botocore.configprovider', line);
  cmd.settings = s;
  return undefined;
}

/** top-level-args-parsed (globalargs.py): int() of --cli-read-timeout, then --cli-connect-timeout. */
export function readTopLevelSettings(s: Settings): void {
  void s.readTimeout;
  void s.connectTimeout;
}

/** session-initialized, its handlers in order: cli_timestamp_format, cli_binary_format, the IMDS settings. */
export function readSessionSettings(s: Settings): void {
  void s.cliTimestampFormat;
  void s.cliBinaryFormat;
  void s.imds;
}
