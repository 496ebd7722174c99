// The one abort the AWS CLI makes: AbortMultipartUpload, its response printed.

import type { AbortInput } from '../aws/s3.js';
import { lazy } from '../lazy.js';
import type { Command, Run } from '../pipeline/context.js';
import type { Display } from '../pipeline/display.js';
import { createSession } from '../pipeline/endpoint.js';

export async function abortOne(run: Run, cmd: Command, display: Display): Promise<number> {
  const { input } = cmd;
  const session = await createSession(run.deps, cmd.cfg);
  try {
    const abortInput: AbortInput = {
      Bucket: input.bucket,
      Key: input.key,
      UploadId: input.uploadId,
      ...(input.requestPayer !== undefined ? { RequestPayer: input.requestPayer } : {}),
      ...(input.expectedBucketOwner !== undefined ? { ExpectedBucketOwner: input.expectedBucketOwner } : {}),
      ...(input.ifMatchInitiatedTime !== undefined ? { IfMatchInitiatedTime: input.ifMatchInitiatedTime } : {}),
    };
    run.debug.log('botocore.endpoint', `Making request for OperationModel(name=AbortMultipartUpload) with params: ${JSON.stringify(abortInput)}`);
    const response = await session.abortMultipartUpload(abortInput, run.io.signal);
    const { fromPlain } = await lazy.pyvalue();
    await display.show(fromPlain(response));
    return 0;
  } finally {
    session.destroy();
  }
}
