// The shape of a simulated-AWS case: what to run (the arguments after
// `aws s3api abort-multipart-upload`, which s3abort takes as they are), the environment and files on
// top of run-cli.ts's clean environment, the AWS names it reaches, how the services behave, which
// references record it, and what a later s3abort run is compared on.
import type { ReferenceName } from './references.js';
import type { ServicesConfig } from './spec.js';

export interface SimCompare {
  /** Default true. */
  code?: boolean;
  /** Default true. */
  stdout?: boolean;
  /** `significant`: the conformance harness's significant lines (default); `exact`; false. */
  stderr?: 'significant' | 'exact' | false;
  /** The requests each service saw: service, method, host, path, query, signing, token source (default true). */
  requests?: boolean;
  /** The proxies' request lines, authorization and status (default true). */
  proxy?: boolean;
}

export interface SimCase {
  id: string;
  /** One line: what the case exercises. */
  summary: string;
  args: string[];
  /** On top of the clean environment; null removes a variable. Placeholders as in placeholders.ts. */
  env?: Record<string, string | null>;
  /** Files under {tmp} (`home/.aws/config`...); names and contents take placeholders. */
  files?: Record<string, string>;
  /** Every AWS name the case may reach: mapped to 127.0.0.1 and in the front's certificate. */
  hosts: string[];
  /** Names also mapped to ::1. */
  ipv6Hosts?: string[];
  services?: ServicesConfig;
  /** Which references record it; default v2 and v1. */
  references?: ReferenceName[];
  /** The golden s3abort is held to; default v1 (today's botocore decides proxies, TLS, credentials, endpoints, signing). */
  target?: ReferenceName;
  compare?: SimCompare;
  /** Keep only the stderr lines matching this (case-insensitive) regular expression (for --debug). */
  stderrKeep?: string;
  /** Strings whose appearance in the output is recorded (a proxy password, a secret). */
  watch?: string[];
  /** Part of the cheap subset goldens.test.ts runs again with the references. */
  replay?: boolean;
  /** Per command; default 60 s. */
  timeoutMs?: number;
}
