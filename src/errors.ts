// Exit codes and error classes. Every error carries its own exit code and the exact text the
// AWS CLI would print for it; one renderer (main.ts) writes "\n<message>\n" to stderr.
// awscli constants.py: PARAM_VALIDATION_ERROR_RC=252, CONFIGURATION_ERROR_RC=253,
// CLIENT_ERROR_RC=254, GENERAL_ERROR_RC=255.

export const EXIT_OK = 0;
export const EXIT_PARTIAL = 1;
export const EXIT_INTERRUPTED = 130;
export const EXIT_USAGE = 252;
export const EXIT_CONFIG = 253;
export const EXIT_SERVICE = 254;
export const EXIT_GENERAL = 255;

export abstract class CliError extends Error {
  abstract readonly exitCode: number;
  /** The full stderr bytes for this error; by default the AWS framing "\n" + message + "\n". */
  render(): string {
    return `\n${this.message}\n`;
  }
}

/** argv errors, unknown options, bad --query syntax, input documents, file:// errors, validation. */
export class UsageError extends CliError {
  override name = 'UsageError';
  readonly exitCode = EXIT_USAGE;
}

/** An argparse error: the usage block, then "<prog>: error: <message>". */
export const USAGE_TEXT =
  'usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\n' +
  'To see help text, you can run:\n' +
  '\n' +
  '  aws help\n' +
  '  aws <command> help\n' +
  '  aws <command> <subcommand> help\n';

export class ArgParseError extends UsageError {
  override name = 'ArgParseError';
  constructor(
    message: string,
    readonly prog: string,
    /** The parser's format_usage(): the main and operation parsers share USAGE_TEXT. */
    readonly usage: string = USAGE_TEXT,
  ) {
    super(message);
  }
  // awscli argparser.py: usage + "\n" + "{prog}: error: {message}\n", framed by the handler
  override render(): string {
    return `\n${this.usage}\n${this.prog}: error: ${this.message}\n\n`;
  }
}

export class UnknownOptionsError extends UsageError {
  override name = 'UnknownOptionsError';
  constructor(readonly tokens: string[]) {
    super(`Unknown options: ${tokens.join(', ')}`);
  }
  // awscli errorhandler.py UnknownArgumentErrorHandler: usage block, blank line, the list, blank line
  override render(): string {
    return `\n${USAGE_TEXT}\n${this.message}\n\n`;
  }
}

/** No credentials, bad cli_timestamp_format, a pager that cannot start. */
export class ConfigError extends CliError {
  override name = 'ConfigError';
  readonly exitCode = EXIT_CONFIG;
}

/** An error response from S3. */
export class ServiceError extends CliError {
  override name = 'ServiceError';
  readonly exitCode = EXIT_SERVICE;
  constructor(
    readonly code: string,
    readonly serviceMessage: string,
    readonly httpStatus: number | undefined,
    message: string,
    /** how many attempts the call made */
    readonly attempts = 1,
    /** an earlier attempt may have been carried out by S3 (its reply was lost or was a 5xx) */
    readonly earlierAttemptMayHaveApplied = false,
  ) {
    super(message);
  }
}

/** SIGINT: the AWS CLI prints a newline on stdout and nothing on stderr. */
export class Interrupted extends CliError {
  override name = 'Interrupted';
  readonly exitCode = EXIT_INTERRUPTED;
  constructor() {
    super('interrupted');
  }
  override render(): string {
    return '';
  }
}

/** Everything else: connection failures, timeouts, missing profile, bad region, runtime --query errors. */
export class GeneralError extends CliError {
  override name = 'GeneralError';
  readonly exitCode = EXIT_GENERAL;
}

/** S3 answered with a success status and a body that cannot be read (truncated, garbled). */
export class UnreadableResponseError extends GeneralError {
  override name = 'UnreadableResponseError';
  constructor(
    message: string,
    readonly httpStatus: number,
  ) {
    super(message);
  }
}

/** How a request ended without an answer. */
export type TransportFailure = 'connect' | 'tls' | 'reset' | 'timeout' | 'cancelled';

/**
 * A call that got no answer from S3 (after its retries): the connection could not be made, was
 * reset, or timed out; or it was cancelled.
 */
export class TransportError extends GeneralError {
  override name = 'TransportError';
  constructor(
    message: string,
    readonly failure: TransportFailure,
    /** some attempt reached the server and got no answer: S3 may have carried it out */
    readonly mayHaveApplied: boolean,
  ) {
    super(message);
  }
}
