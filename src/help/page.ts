// The reference page of `aws s3api abort-multipart-upload` as data: the AWS CLI builds it from the
// S3 model's documentation (bcdoc -> reST -> man -> groff); this is the same text, block by block,
// taken from its rendering (../shared/reference/transcripts/help-page-raw.txt), so that s3abort
// needs no groff. Blocks marked `own` are s3abort's additions, written for s3abort.
//
// Inline markup: `{b:text}` is bold, `{u:text}` is underlined (groff's italic on a terminal).

export type HelpBlock =
  /** A section heading at column 0, bold (NAME, DESCRIPTION, ...). */
  | { readonly kind: 'heading'; readonly text: string; readonly own?: boolean }
  /**
   * A filled and justified paragraph whose lines start at column `indent`. With a `tag` (a list
   * bullet), the first line carries the tag at column `indent - 2`.
   */
  | {
      readonly kind: 'para';
      readonly indent: number;
      readonly text: string;
      readonly tag?: string;
      /** blank lines before the block (default 1; the first block of a section has none) */
      readonly gap?: number;
      readonly own?: boolean;
    }
  /** Lines set as they are (no filling), each at column `indent`. */
  | {
      readonly kind: 'literal';
      readonly indent: number;
      readonly lines: readonly string[];
      readonly gap?: number;
      readonly own?: boolean;
    };

/** The running title of the page (groff's .TH line): left and right of the header, right of the footer. */
export const PAGE_TITLE = 'ABORT-MULTIPART-UPLOAD()';

const heading = (text: string, own = false): HelpBlock => ({ kind: 'heading', text, ...(own ? { own } : {}) });
const para = (indent: number, text: string, gap = 1): HelpBlock => ({ kind: 'para', indent, text, gap });
const bullet = (indent: number, text: string, gap = 1): HelpBlock => ({ kind: 'para', indent: indent + 2, tag: 'o', text, gap });
const literal = (indent: number, lines: readonly string[], gap = 1): HelpBlock => ({ kind: 'literal', indent, lines, gap });
const own = (block: HelpBlock): HelpBlock => ({ ...block, own: true });

/** An option of the OPTIONS section: the tag line at 7, its documentation at 10. */
const option = (flag: string, type: string, text: string): HelpBlock[] => [
  para(7, `{b:${flag}} (${type})`),
  para(10, text, 0),
];

/** An option of the GLOBAL OPTIONS section: tag line, blank line, documentation, all at 7. */
const globalOption = (flag: string, type: string, text: string, values: readonly string[] = [], gap = 1): HelpBlock[] => [
  para(7, `{b:${flag}} (${type})`, gap),
  para(7, text),
  ...values.map((v) => bullet(7, v)),
];

const NAME: HelpBlock[] = [heading('NAME'), para(7, 'abort-multipart-upload -', 0)];

const DESCRIPTION: HelpBlock[] = [
  heading('DESCRIPTION'),
  para(
    7,
    'This operation aborts a multipart upload. After a multipart upload is aborted, no additional parts can be uploaded using that upload ID. The storage consumed by any previously uploaded parts will be freed. However, if any part uploads are currently in progress, those part uploads might or might not succeed. As a result, it might be necessary to abort a given multipart upload multiple times in order to completely free all storage consumed by all parts.',
    0,
  ),
  para(
    7,
    'To verify that all parts have been removed and prevent getting charged for the part storage, you should call the {u:ListParts} API operation and ensure that the parts list is empty.',
  ),
  para(7, '{b:NOTE:}'),
  bullet(
    10,
    "{b:Directory buckets} - If multipart uploads in a directory bucket are in progress, you can't delete the bucket until all the in-progress multipart uploads are aborted or completed. To delete these in-progress multipart uploads, use the {b:ListMultipartUploads} operation to list the in-progress multipart uploads in the bucket and use the {b:AbortMultipartUpload} operation to abort all the in-progress multipart uploads.",
  ),
  bullet(
    10,
    '{b:Directory buckets} - For directory buckets, you must make requests for this API operation to the Zonal endpoint. These endpoints support virtual-hosted-style requests in the format ``{u:https://amzn-s3-demo-bucket} .s3express-{u:zone-id} .*region-code* .amazonaws.com/{u:key-name} `` . Path-style requests are not supported. For more information about endpoints in Availability Zones, see {u:Regional and Zonal endpoints for directory buckets in Availability Zones} in the {u:Amazon S3 User Guide} . For more information about endpoints in Local Zones, see {u:Concepts for directory buckets in Local Zones} in the {u:Amazon S3 User Guide} .',
  ),
  para(10, 'Permissions'),
  bullet(
    7,
    '{b:General purpose bucket permissions} - For information about permissions required to use the multipart upload, see {u:Multipart Upload and Permissions} in the {u:Amazon S3 User Guide} .',
  ),
  bullet(
    7,
    '{b:Directory bucket permissions} - To grant access to this API operation on a directory bucket, we recommend that you use the ` {b:CreateSession} {u:https://docs.aws.amazon.com/AmazonS3/latest/API/API_CreateSession}.html`__ API operation for session-based authorization. Specifically, you grant the {b:s3express:CreateSession} permission to the directory bucket in a bucket policy or an IAM identity-based policy. Then, you make the {b:CreateSession} API call on the bucket to obtain a session token. With the session token in your request header, you can make API requests to this operation. After the session token expires, you make another {b:CreateSession} API call to generate a new session token for use. Amazon Web Services CLI or SDKs create session and refresh the session token automatically to avoid service interruptions when a session expires. For more information about authorization, see ` {b:CreateSession} {u:https://docs.aws.amazon.com/AmazonS3/latest/API/API_CreateSession}.html`__ .',
  ),
  para(9, 'HTTP Host header syntax'),
  para(
    10,
    '{b:Directory buckets} - The HTTP Host header syntax is `` {u:Bucket-name} .s3express-{u:zone-id} .*region-code* .amazonaws.com`` .',
    0,
  ),
  para(7, 'The following operations are related to {b:AbortMultipartUpload} :'),
  bullet(7, '{u:CreateMultipartUpload}'),
  bullet(7, '{u:UploadPart}'),
  bullet(7, '{u:CompleteMultipartUpload}'),
  bullet(7, '{u:ListParts}'),
  bullet(7, '{u:ListMultipartUploads}'),
  para(7, '{b:WARNING:}'),
  para(
    10,
    'You must URL encode any signed header values that contain spaces. For example, if your header value is {b:my file.txt} , containing two spaces after {b:my} , you must URL encode this value to {b:my%20%20file.txt} .',
    0,
  ),
  para(7, 'See also: AWS API Documentation'),
];

const SYNOPSIS: HelpBlock[] = [
  heading('SYNOPSIS'),
  literal(
    10,
    [
      '  abort-multipart-upload',
      '--bucket <value>',
      '--key <value>',
      '--upload-id <value>',
      '[--request-payer <value>]',
      '[--expected-bucket-owner <value>]',
      '[--if-match-initiated-time <value>]',
      '[--cli-input-json | --cli-input-yaml]',
      '[--generate-cli-skeleton <value>]',
      '[--debug]',
      '[--endpoint-url <value>]',
      '[--no-verify-ssl]',
      '[--no-paginate]',
      '[--output <value>]',
      '[--query <value>]',
      '[--profile <value>]',
      '[--region <value>]',
      '[--version <value>]',
      '[--color <value>]',
      '[--no-sign-request]',
      '[--ca-bundle <value>]',
      '[--cli-read-timeout <value>]',
      '[--cli-connect-timeout <value>]',
      '[--cli-binary-format <value>]',
      '[--no-cli-pager]',
      '[--cli-auto-prompt]',
      '[--no-cli-auto-prompt]',
    ],
    0,
  ),
  own(para(7, "s3abort's own form, to clean up many uploads at once (see the options marked s3abort below):")),
  own(
    literal(
      10,
      [
        '  abort-multipart-upload',
        '--bucket <value>',
        '--all-uploads',
        '[--key <value>]',
        '[--prefix <value>]',
        '[--older-than <value>]',
        '[--dry-run]',
        '[--concurrency <value>]',
        '[--verify [--verify-attempts <value>]]',
        '[--ignore-missing]',
        '[--log <value>]',
        '[the other options above, except --upload-id]',
      ],
      0,
    ),
  ),
];

const OPTIONS: HelpBlock[] = [
  heading('OPTIONS'),
  para(7, '{b:--bucket} (string)', 0),
  para(10, 'The bucket name to which the upload was taking place.', 0),
  para(
    14,
    '{b:Directory buckets} - When you use this operation with a directory bucket, you must use virtual-hosted-style requests in the format `` {u:Bucket-name} .s3express-{u:zone-id} .*region-code* .amazonaws.com`` . Path-style requests are not supported. Directory bucket names must be unique in the chosen Zone (Availability Zone or Local Zone). Bucket names must follow the format `` {u:bucket-base-name} --{u:zone-id} --x-s3`` (for example, `` {u:amzn-s3-demo-bucket} --{u:usw2-az1} --x-s3`` ). For information about bucket naming restrictions, see {u:Directory bucket naming rules} in the {u:Amazon S3 User Guide} .',
    0,
  ),
  para(
    14,
    '{b:Access points} - When you use this action with an access point for general purpose buckets, you must provide the alias of the access point in place of the bucket name or specify the access point ARN. When you use this action with an access point for directory buckets, you must provide the access point name in place of the bucket name. When using the access point ARN, you must direct requests to the access point hostname. The access point hostname takes the form {u:AccessPointName} -{u:AccountId} .s3-accesspoint.*Region* .amazonaws.com. When using this action with an access point through the Amazon Web Services SDKs, you provide the access point ARN in place of the bucket name. For more information about access point ARNs, see {u:Using access points} in the {u:Amazon S3 User Guide} .',
  ),
  para(10, '{b:NOTE:}'),
  para(17, 'Object Lambda access points are not supported by directory buckets.', 0),
  para(
    14,
    '{b:S3 on Outposts} - When you use this action with S3 on Outposts, you must direct requests to the S3 on Outposts hostname. The S3 on Outposts hostname takes the form `` {u:AccessPointName} -{u:AccountId} .*outpostID* .s3-outposts.*Region* .amazonaws.com`` . When you use this action with S3 on Outposts, the destination bucket must be the Outposts access point ARN or the access point alias. For more information about S3 on Outposts, see {u:What is S3 on Outposts?} in the {u:Amazon S3 User Guide} .',
  ),
  ...option('--key', 'string', 'Key of the object for which the multipart upload was initiated.'),
  ...option('--upload-id', 'string', 'Upload ID that identifies the multipart upload.'),
  ...option(
    '--request-payer',
    'string',
    'Confirms that the requester knows that they will be charged for the request. Bucket owners need not specify this parameter in their requests. If either the source or destination S3 bucket has Requester Pays enabled, the requester will pay for the corresponding charges. For information about downloading objects from Requester Pays buckets, see {u:Downloading Objects in Requester Pays Buckets} in the {u:Amazon S3 User Guide} .',
  ),
  para(10, '{b:NOTE:}'),
  para(14, 'This functionality is not supported for directory buckets.', 0),
  para(10, 'Possible values:'),
  bullet(10, '{b:requester}'),
  ...option(
    '--expected-bucket-owner',
    'string',
    'The account ID of the expected bucket owner. If the account ID that you provide does not match the actual owner of the bucket, the request fails with the HTTP status code {b:403 Forbidden} (access denied).',
  ),
  ...option(
    '--if-match-initiated-time',
    'timestamp',
    'If present, this header aborts an in progress multipart upload only if it was initiated on the provided timestamp. If the initiated timestamp of the multipart upload does not match the provided value, the operation returns a {b:412 Precondition Failed} error. If the initiated timestamp matches or if the multipart upload doesnt exist, the operation returns a {b:204 Success (No Content)} response.',
  ),
  para(10, '{b:NOTE:}'),
  para(14, 'This functionality is only supported for directory buckets.', 0),
  para(
    7,
    '{b:--cli-input-json} | {b:--cli-input-yaml} (string) Reads arguments from the JSON string provided. The JSON string follows the format provided by {b:--generate-cli-skeleton}. If other arguments are provided on the command line, those values will override the JSON-provided values. It is not possible to pass arbitrary binary values using a JSON-provided value as the string will be taken literally. This may not be specified along with {b:--cli-input-yaml}.',
  ),
  para(
    7,
    '{b:--generate-cli-skeleton} (string) Prints a JSON skeleton to standard output without sending an API request. If provided with no value or the value {b:input}, prints a sample input JSON that can be used as an argument for {b:--cli-input-json}. Similarly, if provided {b:yaml-input} it will print a sample input YAML that can be used with {b:--cli-input-yaml}. If provided with the value {b:output}, it validates the command inputs and returns a sample output JSON for that command. The generated JSON skeleton is not stable between versions of the AWS CLI and there are no backwards compatibility guarantees in the JSON skeleton generated.',
  ),
  ...S3ABORT_OPTIONS(),
];

/** s3abort's bulk options (README "Cleaning up a bucket"), in s3abort's own words. */
function S3ABORT_OPTIONS(): HelpBlock[] {
  const opt = (flag: string, type: string, text: string): HelpBlock[] =>
    option(flag, `${type}, s3abort`, text).map(own);
  return [
    own(
      para(
        7,
        "The options below are s3abort's own: the AWS CLI does not have them. They match only when spelled out in full (as {b:--option value} or {b:--option=value}), never as abbreviations, so that every abbreviation the AWS CLI accepts keeps its meaning. Any of {b:--dry-run}, {b:--concurrency}, {b:--verify}, {b:--ignore-missing} and {b:--log} also works for the single upload named by {b:--key} and {b:--upload-id}.",
      ),
    ),
    ...opt(
      '--all-uploads',
      'boolean',
      'Aborts the in-progress multipart uploads of {b:--bucket} initiated more than 24 hours ago (see {b:--older-than}), instead of the one named by {b:--upload-id} (which is then not allowed). The uploads are listed with ListMultipartUploads, page after page, following both the key marker and the upload-id marker. With {b:--key}, only the uploads of exactly that key are selected.',
    ),
    ...opt('--prefix', 'string', 'With {b:--all-uploads}: selects only the uploads whose key starts with this prefix.'),
    ...opt(
      '--older-than',
      'string',
      'With {b:--all-uploads}: selects only the uploads initiated before now minus this age (a whole number followed by {b:s}, {b:m}, {b:h}, {b:d} or {b:w}, such as {b:90s}, {b:36h} or {b:7d}), or before this timestamp. Without it, the age is {b:24h}: an upload started in the last day may still be written to. {b:0s} selects every upload. Ages are measured against S3\'s clock (the {b:Date} of the listing), so that a skewed local clock cannot make a fresh upload look old; a skew above five minutes is reported on stderr. A timestamp after now ({b:23:59}, {b:Friday}) and a number without a unit are refused. The result states the cutoff it used ({b:Cutoff}), and so does the progress line.',
    ),
    ...opt(
      '--dry-run',
      'boolean',
      'Selects and reports the uploads, each with the status {b:WouldAbort}, and aborts nothing. For a single upload ({b:--upload-id}), ListParts first checks that it exists: one that does not is reported {b:NoSuchUpload}, as the abort would report it.',
    ),
    ...opt(
      '--concurrency',
      'integer',
      'How many aborts are in flight at once, from 1 to 256. The default is 16. Listing and aborting overlap.',
    ),
    ...opt(
      '--verify',
      'boolean',
      'After each abort, checks with ListParts that the upload is gone (NoSuchUpload, or no parts left). If parts remain, the upload is aborted again, with backoff.',
    ),
    ...opt(
      '--verify-attempts',
      'integer',
      'With {b:--verify}: how many ListParts checks to make before the upload is reported as {b:Failed}, from 1 to 100. The default is 5.',
    ),
    ...opt(
      '--ignore-missing',
      'boolean',
      'Counts {b:NoSuchUpload} on abort as already gone (status {b:AlreadyGone}) instead of a failure, so that running the same cleanup again succeeds.',
    ),
    ...opt(
      '--log',
      'string',
      'Appends one line of JSON per upload to this file as soon as its outcome is known (and one per selected upload in a dry run): the fields of its {b:Uploads} entry, with {b:Time} and {b:Bucket}. Each line is written before the next outcome, so that even a process killed with SIGKILL leaves a record of every upload it finished.',
    ),
  ];
}

const GLOBAL_OPTIONS: HelpBlock[] = [
  heading('GLOBAL OPTIONS'),
  ...globalOption('--debug', 'boolean', 'Turn on debug logging.', [], 0),
  ...globalOption('--endpoint-url', 'string', "Override command's default URL with the given URL."),
  ...globalOption(
    '--no-verify-ssl',
    'boolean',
    'By default, the AWS CLI uses SSL when communicating with AWS services. For each SSL connection, the AWS CLI will verify SSL certificates. This option overrides the default behavior of verifying SSL certificates.',
  ),
  ...globalOption('--no-paginate', 'boolean', 'Disable automatic pagination.'),
  ...globalOption('--output', 'string', 'The formatting style for command output.', ['json', 'text', 'table', 'yaml', 'yaml-stream']),
  ...globalOption('--query', 'string', 'A JMESPath query to use in filtering the response data.'),
  ...globalOption('--profile', 'string', 'Use a specific profile from your credential file.'),
  ...globalOption('--region', 'string', 'The region to use. Overrides config/env settings.'),
  ...globalOption('--version', 'string', 'Display the version of this tool.'),
  ...globalOption('--color', 'string', 'Turn on/off color output.', ['on', 'off', 'auto']),
  ...globalOption(
    '--no-sign-request',
    'boolean',
    'Do not sign requests. Credentials will not be loaded if this argument is provided.',
  ),
  ...globalOption(
    '--ca-bundle',
    'string',
    'The CA certificate bundle to use when verifying SSL certificates. Overrides config/env settings.',
  ),
  ...globalOption(
    '--cli-read-timeout',
    'int',
    'The maximum socket read time in seconds. If the value is set to 0, the socket read will be blocking and not timeout. The default value is 60 seconds.',
  ),
  ...globalOption(
    '--cli-connect-timeout',
    'int',
    'The maximum socket connect time in seconds. If the value is set to 0, the socket connect will be blocking and not timeout. The default value is 60 seconds.',
  ),
  ...globalOption(
    '--cli-binary-format',
    'string',
    'The formatting style to be used for binary blobs. The default format is base64. The base64 format expects binary blobs to be provided as a base64 encoded string. The raw-in-base64-out format preserves compatibility with AWS CLI V1 behavior and binary values must be passed literally. When providing contents from a file that map to a binary blob {b:fileb://} will always be treated as binary and use the file contents directly regardless of the {b:cli-binary-format} setting. When using {b:file://} the file contents will need to properly formatted for the configured {b:cli-binary-format}.',
    ['base64', 'raw-in-base64-out'],
  ),
  ...globalOption('--no-cli-pager', 'boolean', 'Disable cli pager for output.'),
  ...globalOption('--cli-auto-prompt', 'boolean', 'Automatically prompt for CLI input parameters.'),
  ...globalOption('--no-cli-auto-prompt', 'boolean', 'Disable automatically prompt for CLI input parameters.'),
];

const EXAMPLES: HelpBlock[] = [
  heading('EXAMPLES'),
  para(7, '{b:NOTE:}', 0),
  para(
    10,
    'To use the following examples, you must have the AWS CLI installed and configured. See the {u:Getting started guide} in the {u:AWS CLI User Guide} for more information.',
    0,
  ),
  para(
    10,
    "Unless otherwise stated, all examples have unix-like quotation rules. These examples will need to be adapted to your terminal's quoting rules. See {u:Using quotation marks with strings} in the {u:AWS CLI User Guide} .",
  ),
  para(7, '{b:To abort the specified multipart upload}'),
  para(
    7,
    'The following {b:abort-multipart-upload} command aborts a multipart upload for the key {b:multipart/01} in the bucket {b:my-bucket}.',
  ),
  literal(10, [
    'aws s3api abort-multipart-upload \\',
    '    --bucket my-bucket \\',
    '    --key multipart/01 \\',
    '    --upload-id dfRtDYU0WWCCcH43C3WFbkRONycyCpTJJvxu2i5GYkZljF.Yxwh6XG7WfS2vC4to6HiV6Yjlx.cph0gtNBtJ8P3URCSbB7rjxI5iEwVDmgaXZOGgkk5nVTW16HOQ5l0R',
  ]),
  para(
    7,
    'The upload ID required by this command is output by {b:create-multipart-upload} and can also be retrieved with {b:list-multipart-uploads}.',
  ),
  own(para(7, "{b:To abort every upload of a bucket older than a week (s3abort's own options)}")),
  own(
    para(
      7,
      'First list what would go with {b:--dry-run}, then abort, 32 at a time, and check with ListParts that no part survived.',
    ),
  ),
  own(
    literal(10, [
      's3abort --bucket my-bucket --all-uploads \\',
      '    --older-than 7d --dry-run',
      's3abort --bucket my-bucket --all-uploads \\',
      '    --older-than 7d --concurrency 32 --verify',
    ]),
  ),
];

const OUTPUT: HelpBlock[] = [
  heading('OUTPUT'),
  para(7, 'RequestCharged -> (string)', 0),
  para(
    10,
    'If present, indicates that the requester was successfully charged for the request. For more information, see {u:Using Requester Pays buckets for storage transfers and usage} in the {u:Amazon Simple Storage Service user guide} .',
    0,
  ),
  para(10, '{b:NOTE:}'),
  para(14, 'This functionality is not supported for directory buckets.', 0),
  own(
    para(
      7,
      "With s3abort's own options (any of {b:--all-uploads}, {b:--dry-run}, {b:--concurrency}, {b:--verify}, {b:--ignore-missing}), the output is instead a document with {b:DryRun} (boolean), {b:Cutoff} (with {b:--all-uploads}: the time an upload must have been initiated before), {b:Uploads} (one entry per selected upload: {b:Key}, {b:UploadId}, {b:Initiated}, {b:Status}, and {b:Verified} or {b:Error} where they apply), {b:Listing} (with {b:--all-uploads}: {b:Complete}, {b:Pages}, and the {b:Error} that stopped it), {b:Stopped} (what ended the run early, if anything) and {b:Summary} (the counts by status). {b:Status} is {b:Aborted}, {b:AlreadyGone}, {b:Unconfirmed} (the request was sent and no answer came: S3 may have carried it out; a run with {b:--ignore-missing} settles it), {b:Failed} (S3 said no, or the request never reached it), {b:WouldAbort} or {b:Skipped}. The exit code is 0 when every upload ended {b:Aborted} or {b:AlreadyGone}, 1 when some did not, 254 or 255 when none did, the listing's error code when the listing stopped partway, 130, 143 or 129 after SIGINT, SIGTERM or SIGHUP (which stop the run and let the aborts in flight finish; a second signal cancels them), and 120 when standard output could not be written.",
    ),
  ),
];

/** The whole page, in the CLI's section order. */
export const HELP_PAGE: readonly HelpBlock[] = [
  ...NAME,
  ...DESCRIPTION,
  ...SYNOPSIS,
  ...OPTIONS,
  ...GLOBAL_OPTIONS,
  ...EXAMPLES,
  ...OUTPUT,
];
