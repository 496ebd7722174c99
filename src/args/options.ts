// The option tables of the two argparse parsers the AWS CLI runs over argv: the main parser
// (global options, prog "aws") and the operation parser (the operation's members plus the
// cli-input and skeleton arguments; prog = basename of the program).

export interface OptionSpec {
  /** e.g. "--bucket" */
  readonly flag: string;
  /** key in the parsed result */
  readonly dest: string;
  /** 'value' takes one argument, 'flag' takes none, 'optional' takes zero or one (nargs='?') */
  readonly kind: 'value' | 'flag' | 'optional';
  readonly choices?: readonly string[];
  /** value stored for kind 'optional' when no argument follows */
  readonly constValue?: string;
  readonly required?: boolean;
  /**
   * s3abort's own options match only when spelled out (or `--opt=value`), so that every
   * abbreviation the AWS CLI accepts or rejects still means the same here.
   */
  readonly exactOnly?: boolean;
  /** argparse's name for the action in messages, when it has several option strings ("-h/--help"). */
  readonly name?: string;
}

/**
 * awscli FirstPassGlobalArgParser: a plain argparse parser (add_help on, prog "aws") that reads
 * --profile and --debug before anything else; its -h/--help prints its own help and exits 0.
 */
export const FIRST_PASS_OPTIONS: readonly OptionSpec[] = [
  { flag: '-h', dest: 'help', kind: 'flag', name: '-h/--help' },
  { flag: '--help', dest: 'help', kind: 'flag', name: '-h/--help' },
  { flag: '--profile', dest: 'profile', kind: 'value' },
  { flag: '--debug', dest: 'debug', kind: 'flag' },
];

export const OUTPUT_CHOICES = ['json', 'text', 'table', 'yaml', 'yaml-stream'] as const;

// awscli/data/cli.json order
export const GLOBAL_OPTIONS: readonly OptionSpec[] = [
  { flag: '--debug', dest: 'debug', kind: 'flag' },
  { flag: '--endpoint-url', dest: 'endpointUrl', kind: 'value' },
  { flag: '--no-verify-ssl', dest: 'noVerifySsl', kind: 'flag' },
  { flag: '--no-paginate', dest: 'noPaginate', kind: 'flag' },
  { flag: '--output', dest: 'output', kind: 'value', choices: OUTPUT_CHOICES },
  { flag: '--query', dest: 'query', kind: 'value' },
  { flag: '--profile', dest: 'profile', kind: 'value' },
  { flag: '--region', dest: 'region', kind: 'value' },
  { flag: '--version', dest: 'version', kind: 'flag' },
  { flag: '--color', dest: 'color', kind: 'value', choices: ['on', 'off', 'auto'] },
  { flag: '--no-sign-request', dest: 'noSignRequest', kind: 'flag' },
  { flag: '--ca-bundle', dest: 'caBundle', kind: 'value' },
  { flag: '--cli-read-timeout', dest: 'cliReadTimeout', kind: 'value' },
  { flag: '--cli-connect-timeout', dest: 'cliConnectTimeout', kind: 'value' },
  { flag: '--cli-binary-format', dest: 'cliBinaryFormat', kind: 'value', choices: ['base64', 'raw-in-base64-out'] },
  { flag: '--no-cli-pager', dest: 'noCliPager', kind: 'flag' },
  { flag: '--cli-auto-prompt', dest: 'cliAutoPrompt', kind: 'flag' },
  { flag: '--no-cli-auto-prompt', dest: 'noCliAutoPrompt', kind: 'flag' },
];

/** The operation's own members, in model order (the arg-table order). */
export const MEMBER_OPTIONS: readonly (OptionSpec & { member: string })[] = [
  { flag: '--bucket', dest: 'bucket', member: 'Bucket', kind: 'value', required: true },
  { flag: '--key', dest: 'key', member: 'Key', kind: 'value', required: true },
  { flag: '--upload-id', dest: 'uploadId', member: 'UploadId', kind: 'value', required: true },
  { flag: '--request-payer', dest: 'requestPayer', member: 'RequestPayer', kind: 'value' },
  { flag: '--expected-bucket-owner', dest: 'expectedBucketOwner', member: 'ExpectedBucketOwner', kind: 'value' },
  { flag: '--if-match-initiated-time', dest: 'ifMatchInitiatedTime', member: 'IfMatchInitiatedTime', kind: 'value' },
];

export const INPUT_OPTIONS: readonly OptionSpec[] = [
  { flag: '--cli-input-json', dest: 'cliInputJson', kind: 'value' },
  { flag: '--cli-input-yaml', dest: 'cliInputYaml', kind: 'value' },
  {
    flag: '--generate-cli-skeleton',
    dest: 'generateCliSkeleton',
    kind: 'optional',
    constValue: 'input',
    choices: ['input', 'output', 'yaml-input'],
  },
];

/** s3abort's own options for bulk cleanup (not in the AWS CLI). */
export const BULK_OPTIONS: readonly OptionSpec[] = [
  { flag: '--all-uploads', dest: 'allUploads', kind: 'flag', exactOnly: true },
  { flag: '--prefix', dest: 'prefix', kind: 'value', exactOnly: true },
  { flag: '--older-than', dest: 'olderThan', kind: 'value', exactOnly: true },
  { flag: '--dry-run', dest: 'dryRun', kind: 'flag', exactOnly: true },
  { flag: '--concurrency', dest: 'concurrency', kind: 'value', exactOnly: true },
  { flag: '--verify', dest: 'verify', kind: 'flag', exactOnly: true },
  { flag: '--verify-attempts', dest: 'verifyAttempts', kind: 'value', exactOnly: true },
  { flag: '--ignore-missing', dest: 'ignoreMissing', kind: 'flag', exactOnly: true },
  { flag: '--log', dest: 'log', kind: 'value', exactOnly: true },
];

export const OPERATION_OPTIONS: readonly OptionSpec[] = [...MEMBER_OPTIONS, ...INPUT_OPTIONS, ...BULK_OPTIONS];
