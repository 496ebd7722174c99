// botocore client.py _make_api_call resolves the endpoint ruleset before it builds and validates
// the parameters: a Bucket or Key of the wrong type fails first (255), then the ruleset's own
// errors (an ARN it cannot use: 252 or 255), and only then the bucket name and the validator.

import type { ClientConfig, S3Session } from '../aws/s3.js';
import { lazy } from '../lazy.js';
import type { Command, Deps, Run, StepResult } from './context.js';

export async function endpointStep(run: Run, cmd: Partial<Command> & Pick<Command, 'params' | 'cfg' | 'bulk'>): Promise<StepResult> {
  const { params } = cmd;
  if (cmd.bulk.allUploads) {
    // the uploads come from the listing: the bucket (and key) are checked as a single call's would be
    if (!params.has('Key')) params.set('Key', '-');
    params.set('UploadId', '-');
  }
  const { checkEndpointParams } = await lazy.validate();
  checkEndpointParams(params);
  const bucket = params.get('Bucket');
  const key = params.get('Key');
  if (typeof bucket !== 'string') return undefined;
  await (run.deps.resolveEndpoint ?? defaultResolveEndpoint)(cmd.cfg, { Bucket: bucket, ...(typeof key === 'string' ? { Key: key } : {}) });
  return undefined;
}

/** The SDK session made for a client config: the endpoint check and the call share it. */
const sdkSessions = new WeakMap<ClientConfig, Promise<S3Session>>();

function sdkSession(cfg: ClientConfig): Promise<S3Session> {
  let session = sdkSessions.get(cfg);
  if (!session) {
    session = lazy.s3().then(({ S3Session }) => new S3Session(cfg));
    sdkSessions.set(cfg, session);
  }
  return session;
}

async function defaultResolveEndpoint(cfg: ClientConfig, input: { Bucket: string; Key?: string }): Promise<void> {
  // no request has been sent yet: a failure here leaves no socket open
  await (await sdkSession(cfg)).resolveEndpoint(input);
}

/** The session for the call: the one the endpoint check made (one client for both), or the test's. */
export function createSession(deps: Deps, cfg: ClientConfig): ReturnType<NonNullable<Deps['createSession']>> {
  return deps.createSession ? deps.createSession(cfg) : sdkSession(cfg);
}
