// The slice of the S3 service model (botocore data/s3/2006-03-01/service-2.json, current version
// with IfMatchInitiatedTime) that AbortMultipartUpload needs: members in model order, which is also
// the CLI's argument-table order and botocore's validation order.

export const OPERATION_NAME = 'AbortMultipartUpload';

export type MemberType = 'string' | 'timestamp';

export interface MemberSpec {
  /** Member name, the key in --cli-input-json and in botocore's messages. */
  readonly name: string;
  /** The CLI option (xform_name(name, '-')). */
  readonly cliName: string;
  readonly type: MemberType;
  readonly required: boolean;
  /** Modelled enum (not validated client-side: any string is sent). */
  readonly enum?: readonly string[];
  /** Shape `min` for a string: botocore checks len(value) >= min. */
  readonly minLength?: number;
  readonly location: 'uri' | 'querystring' | 'header';
  /** URI label, query parameter or header name. */
  readonly locationName: string;
  /** The endpoint ruleset parameter this member feeds (contextParam): it must be a str. */
  readonly contextParam?: string;
  readonly timestampFormat?: 'rfc822';
  /** awscli get_shape_doc_overview(): the documentation up to the first "." or ":", plus ".". */
  readonly docOverview: string;
}

export const ABORT_INPUT_MEMBERS: readonly MemberSpec[] = [
  {
    name: 'Bucket',
    cliName: '--bucket',
    type: 'string',
    required: true,
    location: 'uri',
    locationName: 'Bucket',
    contextParam: 'Bucket',
    docOverview: 'The bucket name to which the upload was taking place.',
  },
  {
    name: 'Key',
    cliName: '--key',
    type: 'string',
    required: true,
    minLength: 1,
    location: 'uri',
    locationName: 'Key',
    contextParam: 'Key',
    docOverview: 'Key of the object for which the multipart upload was initiated.',
  },
  {
    name: 'UploadId',
    cliName: '--upload-id',
    type: 'string',
    required: true,
    location: 'querystring',
    locationName: 'uploadId',
    docOverview: 'Upload ID that identifies the multipart upload.',
  },
  {
    name: 'RequestPayer',
    cliName: '--request-payer',
    type: 'string',
    required: false,
    enum: ['requester'],
    location: 'header',
    locationName: 'x-amz-request-payer',
    docOverview: 'Confirms that the requester knows that they will be charged for the request.',
  },
  {
    name: 'ExpectedBucketOwner',
    cliName: '--expected-bucket-owner',
    type: 'string',
    required: false,
    location: 'header',
    locationName: 'x-amz-expected-bucket-owner',
    docOverview: 'The account ID of the expected bucket owner.',
  },
  {
    name: 'IfMatchInitiatedTime',
    cliName: '--if-match-initiated-time',
    type: 'timestamp',
    required: false,
    location: 'header',
    locationName: 'x-amz-if-match-initiated-time',
    timestampFormat: 'rfc822',
    docOverview: 'If present, this header aborts an in progress multipart upload only if it was initiated on the provided timestamp.',
  },
];

export const ABORT_OUTPUT_MEMBERS: readonly MemberSpec[] = [
  {
    name: 'RequestCharged',
    cliName: '--request-charged',
    type: 'string',
    required: false,
    enum: ['requester'],
    location: 'header',
    locationName: 'x-amz-request-charged',
    docOverview: 'If present, indicates that the requester was successfully charged for the request.',
  },
];

/** Shape `required`, in model order. */
export const ABORT_REQUIRED_MEMBERS: readonly string[] = ABORT_INPUT_MEMBERS.filter((m) => m.required).map((m) => m.name);
