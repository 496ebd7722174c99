// What the steps of a run share: the fixed parts (the Io, the injected dependencies, the debug
// log, the process-level state) and what each step hands to the next.

import type { Parsed } from '../args/parse-argv.js';
import type { AbortParams } from '../args/validate.js';
import type { ClientConfig, S3Session } from '../aws/s3.js';
import type { BulkFlags } from '../bulk/bulk-options.js';
import type { BulkResult } from '../bulk/run-bulk.js';
import type { CompletionFs } from '../completion/complete.js';
import type { CredentialProvider } from '../config/credentials.js';
import type { SharedConfig } from '../config/ini.js';
import type { Settings } from '../config/settings/settings.js';
import type { DebugLog } from '../debug.js';
import type { Io } from '../io.js';
import type { PagerRunner } from '../pager/run-pager.js';
import type { PromptTerminal } from '../prompt/prompt-for-args.js';
import type { CompiledQuery } from '../query/jmespath.js';

export interface Deps {
  /** The terminal for the auto-prompt (cli.ts builds it from process.stdin); without it there is no prompt. */
  promptTerminal?: () => Promise<PromptTerminal>;
  /** Starts the output and help pagers; the real spawn by default (tests may fake it). */
  runPager?: PagerRunner;
  /** A file system that lists directories, for `__complete` (paths after file://); node:fs by default. */
  completionFs?: CompletionFs;
  /** Creates the S3 session; tests may hand in a fake. Loads the SDK lazily by default. */
  createSession?: (cfg: ClientConfig) => Promise<Pick<S3Session, 'abortMultipartUpload' | 'listMultipartUploads' | 'listParts' | 'destroy'>>;
  /** Runs the endpoint ruleset for the call's Bucket and Key; loads the SDK lazily by default. */
  resolveEndpoint?: (cfg: ClientConfig, input: { Bucket: string; Key?: string }) => Promise<void>;
  /**
   * Called once when a bulk run has selected LARGE_RUN uploads: the process may trade some CPU for
   * a smaller heap (cli.ts tunes V8's heap growth).
   */
  largeRun?: () => Promise<void> | void;
  /** Waits between bulk retries; tests may make it instant. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /**
   * While a bulk run holds it, SIGTERM and SIGHUP stop the run as SIGINT does (io.signal, with the
   * signal's name as its reason) instead of ending the process; returns the release.
   */
  holdTermination?: () => () => void;
}

/** The process-level state of a run, which main() reads after an error too. */
export interface RunState {
  /** a bulk run handles SIGINT itself, to print what it did */
  bulkActive: boolean;
  /** a pager owns the terminal: Ctrl-C is its business (help.py ignore_ctrl_c), we wait for it */
  pagerActive: boolean;
  /** colorama was started (a coloured table formatter): on a terminal it resets at exit */
  colorama: boolean;
  /** the bulk run's result, for a summary on stderr when stdout cannot take the document */
  bulkResult?: BulkResult;
}

/** The fixed parts of a run. */
export interface Run {
  readonly io: Io;
  readonly deps: Deps;
  readonly debug: DebugLog;
  readonly state: RunState;
  /** the shared files, read before the command line (clidriver load_plugins) */
  readonly shared: SharedConfig;
}

/** The credentials the client was created with: null for --no-sign-request. */
export type CredentialsForClient = CredentialProvider | null;

/** One pass of the command pipeline: each step fills in what it found. */
export interface Command extends Run {
  globals: Parsed;
  /** argv without the global options */
  rest: string[];
  query?: CompiledQuery;
  settings: Settings;
  op: Parsed;
  bulk: BulkFlags;
  /** the operation's parameters by member name: from argv (file:// unpacked), then input documents */
  params: Map<string, unknown>;
  /** --generate-cli-skeleton's value */
  skeleton?: string;
  /** --key was given (a bulk run then selects that key only) */
  keyGiven: boolean;
  credentials: CredentialsForClient;
  cfg: ClientConfig;
  input: AbortParams;
}

/** What a step returns: nothing to go on, or the run's exit code when it has finished the run. */
export type StepResult = number | undefined;
