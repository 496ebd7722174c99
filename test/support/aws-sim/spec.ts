// What the host hands the case runner inside the namespace (as a JSON file), and what it gets
// back on the runner's stdout. Plain data both ways: the runner shares no memory with the test.
import type { StubResponse } from '../stub-server.js';
import type { SimLogSnapshot } from './sim-log.js';

/** How the instance metadata service treats IMDSv2's token. */
export type ImdsMode =
  /** HttpTokens=required: a GET without a token is 401. */
  | 'required'
  /** HttpTokens=optional: tokens are issued, GETs work with or without one. */
  | 'optional'
  /** The token PUT is refused with 403 (as IMDS does for a forwarded PUT); GETs work without one. */
  | 'token-refused'
  /** The token PUT fails with 500; GETs work without one. */
  | 'token-error'
  /** An IMDSv1-only service: the PUT is 405, GETs work without a token. */
  | 'v1-only';

export interface ImdsConfig {
  mode?: ImdsMode;
  /** placement/region and the identity document's region; default us-west-2. */
  region?: string;
  /** The instance profile's role name; default sim-instance-role. */
  role?: string;
}

export interface ContainerConfig {
  /** The Authorization header every request must carry; absent: none is needed. */
  token?: string;
}

export interface S3Config {
  /** Responses per bucket (a virtual-host bucket, an access point's or MRAP's host label...). */
  scripts?: Record<string, StubResponse[]>;
  /**
   * Serve S3 from moto_server (moto.ts) instead of the stub: these uploads are created first
   * (their ids are {upload_id}, {upload_id2}... in the commands) and checked afterwards.
   */
  moto?: { uploads: Array<{ bucket: string; key: string; parts?: number }> };
}

export interface StsConfig {
  /** The web identity token AssumeRoleWithWebIdentity accepts; absent: any. */
  webIdentityToken?: string;
}

export interface SsoConfig {
  /** The bearer tokens the portal accepts (the cached one and/or the refreshed one). */
  accessTokens: string[];
  /** What SSO-OIDC CreateToken expects for a refresh... */
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  /** ...and issues. */
  newAccessToken: string;
  newRefreshToken: string;
}

export interface SigninConfig {
  clientId: string;
  refreshToken: string;
  newRefreshToken: string;
}

export interface ProxyConfig {
  /** A port on 127.0.0.1 inside the namespace (3128 by convention). */
  port: number;
  /** `user:password` the proxy demands (407 otherwise); absent: no authentication. */
  auth?: string;
}

export interface ServicesConfig {
  imds?: ImdsConfig;
  container?: ContainerConfig;
  s3?: S3Config;
  sts?: StsConfig;
  sso?: SsoConfig;
  signin?: SigninConfig;
  /** Proxies to run; a proxy URL whose port is not here is "down" (nothing listens). */
  proxies?: ProxyConfig[];
}

export interface CommandSpec {
  argv: string[];
  /** Overrides on top of run-cli's clean environment; null removes a variable. */
  env: Record<string, string | null>;
  files: Record<string, string>;
  stdin?: string;
  timeoutMs: number;
}

export interface NamespaceSpec {
  /** The hosts file to bind-mount over /etc/hosts. */
  hostsFile: string;
  /** The resolv.conf to bind-mount over /etc/resolv.conf (its server is the runner's DNS). */
  resolvFile: string;
  /** The front's certificate (all the case's names as SANs) and key, PEM files. */
  tls: { cert: string; key: string };
  /** The run folder (the CLI's working directory, HOME under it). */
  tmp: string;
  services: ServicesConfig;
  /** Run in order, each with the same servers; the log covers them all. */
  commands: CommandSpec[];
  /** A Node module run inside the namespace instead of the services and commands (self-tests). */
  probe?: { module: string; input: unknown };
}

export interface CommandResult {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  durationMs: number;
  /** Set when the command could not run at all. */
  error?: string;
}

export interface NamespaceResult {
  results: CommandResult[];
  log: SimLogSnapshot;
  /** Time from the runner's start until every service was listening. */
  setupMs: number;
  /** With S3 from moto: whether each declared upload was still there after the commands. */
  uploadsAfter?: Array<'present' | 'absent'>;
  /** What a probe module returned. */
  probe?: unknown;
  /** The runner's own failure (setup, a service that would not start). */
  error?: string;
}
