// main(io) -> exit code: the whole pipeline of one run, in the order the AWS CLI runs it, because
// that order decides which error wins (awscli clidriver.py; ../shared/reference §1):
//   argv -> parse -> validate/merge input -> resolve config -> send -> shape -> --query -> format
// Nothing here touches `process`; cli.ts builds the Io and ends the process.

import { FIRST_PASS_HELP, parseFirstPass, parseGlobals, parseOperation, type Parsed } from './args/parse-argv.js';
import { usageHints } from './args/hints.js';
import { MEMBER_OPTIONS } from './args/options.js';
import { createDebugLog, type DebugLog } from './debug.js';
import { CliError, EXIT_GENERAL, EXIT_INTERRUPTED, EXIT_USAGE, GeneralError, Interrupted, UnknownOptionsError, UsageError } from './errors.js';
import type { Io } from './io.js';
import type { PyValue } from './py/value.js';
import type { CompiledQuery } from './query/jmespath.js';
import { versionString } from './version.js';
import type { validateParams } from './args/validate.js';
import { autoPromptSetting, resolveSettings, type Settings } from './config/settings.js';
import { loadSharedConfig, type SharedConfig } from './config/ini.js';
import type { AbortInput, ClientConfig, S3Session } from './aws/s3.js';
import { readBulkFlags, type BulkFlags } from './bulk/bulk-options.js';
import { inputSkeletonJson, inputSkeletonYaml, outputSkeletonResponse } from './args/skeleton.js';
import type { BulkResult, BulkSession } from './bulk/run-bulk.js';
import type { CompletionFs } from './completion/complete.js';
import { pagerFromSetting } from './pager/resolve-pager.js';
import type { PagerRunner } from './pager/run-pager.js';
import type { PromptTerminal } from './prompt/prompt-for-args.js';

// Only what every run needs is imported above; the rest (formatters, --query, input documents,
// file:// parameters, validation, the credential chain, the bulk engine) is imported where it is
// used, so that --version, skeletons and usage errors load and compile none of it. (The skeletons
// are small and a target of the same startup budget: a chunk of their own would cost them more.)

const OPERATION = 'AbortMultipartUpload';
/** Selected uploads from which a bulk run counts as large (Deps.largeRun). */
export const LARGE_RUN = 10_000;

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

/** Shared between main() and run(): a bulk run handles SIGINT itself, to print what it did. */
interface RunState {
  bulkActive: boolean;
  /** a pager owns the terminal: Ctrl-C is its business (help.py ignore_ctrl_c), we wait for it */
  pagerActive: boolean;
  /** colorama was started (a coloured table formatter): on a terminal it resets at exit */
  colorama: boolean;
  /** the bulk run's result, for a summary on stderr when stdout cannot take the document */
  bulkResult?: BulkResult;
}

export async function main(io: Io, deps: Deps = {}): Promise<number> {
  // s3abort's own command words for shell completion: before anything reads argv or the config
  if (io.argv[0] === 'completion' || io.argv[0] === '__complete') return completionCommand(io, deps);
  // awscli FirstPassGlobalArgParser: --debug takes effect before anything else is parsed; its own
  // argparse errors are reported once the run starts
  let firstPass: { help: boolean; debug: boolean } | Error;
  try {
    firstPass = parseFirstPass(io.argv);
  } catch (e) {
    firstPass = e as Error;
  }
  const debug = createDebugLog(io, !(firstPass instanceof Error) && firstPass.debug);
  const state: RunState = { bulkActive: false, pagerActive: false, colorama: false };
  const interrupted = new Promise<never>((_, reject) => {
    const stop = () => {
      if (!state.bulkActive && !state.pagerActive) reject(new Interrupted());
    };
    if (io.signal.aborted) stop();
    io.signal.addEventListener('abort', stop, { once: true });
  });
  interrupted.catch(() => {});
  let code: number;
  try {
    code = await Promise.race([run(io, debug, deps, state, firstPass), interrupted]);
  } catch (err) {
    code = report(io, err, debug);
    // after the AWS CLI's own text: the likely mistake with s3abort's options and words
    if (code === EXIT_USAGE) io.stderr.write(usageHints(io.argv, io.prog));
  }
  // colorama's atexit reset_all: one more ESC[0m when stdout is a terminal (awscli table.py)
  if (state.colorama && io.stdout.isTTY) io.stdout.write('\x1b[0m');
  return stdoutFailure(io, state, code);
}

/** Python's exit status when it cannot flush stdout at exit. */
export const EXIT_STDOUT_FAILED = 120;

/**
 * Standard output that could not be written (a full disk, a terminal gone; a closed pipe is
 * silent): CPython reports it at exit and exits 120, whatever the command did. A bulk run says so
 * in one line and gives its Summary on stderr, so that the operator still learns what was done.
 */
async function stdoutFailure(io: Io, state: RunState, code: number): Promise<number> {
  await io.stdout.settle?.();
  const failure = io.stdout.failure?.();
  if (!failure) return code;
  const { pyOsErrorText } = await import('./py/errno.js');
  const why = pyOsErrorText(failure, undefined, [5, 'Input/output error']);
  if (state.bulkResult) {
    const { summaryLine } = await import('./bulk/bulk-result.js');
    io.stderr.write(`${io.prog}: the result could not be written to standard output: ${why}\n`);
    io.stderr.write(`${io.prog}: Summary: ${summaryLine(state.bulkResult)}\n`);
  } else {
    io.stderr.write(`Exception ignored in: <_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>\nOSError: ${why}\n`);
  }
  return EXIT_STDOUT_FAILED;
}

function report(io: Io, err: unknown, debug: DebugLog): number {
  if (err instanceof Interrupted) {
    // awscli errorhandler.py: KeyboardInterrupt writes a newline to stdout, nothing to stderr
    io.stdout.write('\n');
    return EXIT_INTERRUPTED;
  }
  // output/display.ts DisplayCrash: what the formatter had written before it failed (checked by
  // its field, so that this module need not load the formatters)
  const partial = err instanceof GeneralError ? (err as { partialOutput?: unknown }).partialOutput : undefined;
  if (typeof partial === 'string' && partial) io.stdout.write(partial);
  if (err instanceof CliError) {
    if (debug.enabled && err.stack) debug.log('awscli.clidriver', `Exception caught in main()\n${err.stack}`);
    io.stderr.write(err.render());
    return err.exitCode;
  }
  // an error nothing classified: the AWS CLI prints str(exception) with exit 255, never a trace
  const e = err as Error;
  if (debug.enabled && e?.stack) debug.log('awscli.clidriver', `Exception caught in main()\n${e.stack}`);
  io.stderr.write(`\n${e?.message ?? String(err)}\n`);
  return EXIT_GENERAL;
}

/**
 * awscli autoprompt/core.py resolve_mode: --no-cli-auto-prompt, help and --version turn it off,
 * --cli-auto-prompt on; else AWS_CLI_AUTO_PROMPT or the cli_auto_prompt of the profile named by
 * the environment (--profile is not parsed yet).
 */
function autoPromptMode(io: Io, shared: SharedConfig): 'on' | 'on-partial' | 'off' {
  const argv = io.argv;
  if (argv.includes('--no-cli-auto-prompt') || argv.includes('help') || argv.includes('--version')) return 'off';
  if (argv.includes('--cli-auto-prompt')) return 'on';
  const v = autoPromptSetting(io.env, shared);
  return v === 'on' ? 'on' : v === 'on-partial' ? 'on-partial' : 'off';
}

/**
 * The auto-prompt when standard input is not a terminal: prompt_toolkit draws its first frame on
 * stdout, warns on stderr, and the CLI's handler prints the (empty) error, exit 255. The prompt's
 * buffer is the command line without the first --cli-auto-prompt (autoprompt pre_run).
 */
async function promptWithoutTerminal(io: Io): Promise<never> {
  const { renderNoTerminalFrame } = await import('./prompt/no-terminal-frame.js');
  const args = [...io.argv];
  const flag = args.indexOf('--cli-auto-prompt');
  if (flag >= 0) args.splice(flag, 1);
  const words = args[0] === 's3api' && args[1] === 'abort-multipart-upload' ? args : ['s3api', 'abort-multipart-upload', ...args];
  io.stdout.write(renderNoTerminalFrame(words));
  io.stderr.write('Warning: Input is not a terminal (fd=0).\n');
  throw new GeneralError('');
}

/** `s3abort completion <shell>` and the hidden `s3abort __complete ...` the scripts call. */
async function completionCommand(io: Io, deps: Deps): Promise<number> {
  const { runCompletionCommand } = await import('./completion/command.js');
  const { nodeCompletionFs } = await import('./completion/node-fs.js');
  try {
    return runCompletionCommand(io, deps.completionFs ?? nodeCompletionFs(), io.prog);
  } catch (err) {
    if (err instanceof CliError) {
      io.stderr.write(err.render());
      return err.exitCode;
    }
    throw err;
  }
}

/** Runs a pager (help or output) and waits for it; SIGINT meanwhile belongs to the pager. */
async function withPager<T>(state: RunState, f: () => Promise<T>): Promise<T> {
  state.pagerActive = true;
  try {
    return await f();
  } finally {
    state.pagerActive = false;
  }
}

async function showHelpPage(io: Io, deps: Deps, state: RunState): Promise<number> {
  const { showHelp } = await import('./help/show-help.js');
  return withPager(state, () => showHelp(io, deps.runPager ? { runPager: deps.runPager } : {}));
}

/**
 * The auto-prompt (autoprompt/prompttoolkit.py): Enter prints `> s3abort <line>` on stdout and
 * gives the Io to run with; Ctrl-C/Ctrl-D print the line on stderr and give exit code 130.
 */
async function promptedIo(io: Io, deps: Deps): Promise<Io | number> {
  // (stdin that is not a terminal is answered before, as the CLI answers it)
  if (!deps.promptTerminal) throw new GeneralError('The auto-prompt needs a terminal: main() was given none (Deps.promptTerminal).');
  const { promptForArgs } = await import('./prompt/prompt-for-args.js');
  const { nodeCompletionFs } = await import('./completion/node-fs.js');
  const terminal = await deps.promptTerminal();
  const result = await promptForArgs(io, io.argv, terminal, { prog: io.prog, completionFs: deps.completionFs ?? nodeCompletionFs() });
  if (result.interrupted) {
    // errorhandler.py PrompterInterruptHandler: the text on stderr, no newline on stdout
    io.stderr.write(`> ${io.prog} ${result.buffer}\n`);
    return EXIT_INTERRUPTED;
  }
  io.stdout.write(`> ${io.prog} ${result.line}\n`);
  return { ...io, argv: result.argv };
}

function pyListRepr(items: readonly string[]): string {
  return `[${items.map((s) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`).join(', ')}]`;
}

async function run(io: Io, debug: DebugLog, deps: Deps, state: RunState, firstPass: { help: boolean } | Error): Promise<number> {
  if (firstPass instanceof Error) throw firstPass;
  if (firstPass.help) {
    // `s3abort --help` shows the reference page, as `s3abort help` does (issue #6); `-h` keeps the
    // AWS CLI's answer, the first-pass parser's argparse help
    if (io.argv.includes('--help')) return showHelpPage(io, deps, state);
    // argparse's help action of the first-pass parser: its usage and options, exit 0
    io.stdout.write(FIRST_PASS_HELP);
    return 0;
  }
  debug.log('awscli.clidriver', `CLI version: ${versionString()}`);
  debug.log('awscli.clidriver', `Arguments entered to CLI: ${pyListRepr(io.argv)}`);

  // clidriver.py create_clidriver: load_plugins(session.full_config) reads (and may fail on) both
  // shared files before the auto-prompt and the main parser
  const shared = loadSharedConfig({ env: io.env, fs: io.fs, homedir: io.homedir });

  // autoprompt/core.py resolve_mode runs before the main parser
  if (io.argv.includes('--cli-auto-prompt') && io.argv.includes('--no-cli-auto-prompt')) {
    throw new UsageError('Both --cli-auto-prompt and --no-cli-auto-prompt cannot be specified at the same time.');
  }

  const autoPrompt = autoPromptMode(io, shared);
  if (autoPrompt === 'on') {
    if (!io.stdinIsTTY) await promptWithoutTerminal(io);
    const next = await promptedIo(io, deps);
    return typeof next === 'number' ? next : runCommand(next, debug, deps, state, shared);
  }
  if (autoPrompt === 'on-partial' && io.stdinIsTTY && deps.promptTerminal) {
    try {
      return await runCommand(io, debug, deps, state, shared);
    } catch (e) {
      // clidriver.py: on-partial silences a usage error (252) and opens the prompt instead
      if (!(e instanceof CliError) || e.exitCode !== EXIT_USAGE) throw e;
      // errorhandler.py SilenceParamValidationMsgErrorHandler: unknown options are still printed
      if (e instanceof UnknownOptionsError) io.stderr.write(e.render());
      const next = await promptedIo(io, deps);
      return typeof next === 'number' ? next : runCommand(next, debug, deps, state, shared);
    }
  }
  if (autoPrompt === 'on-partial' && !io.stdinIsTTY) {
    // clidriver.py: the command runs with parameter errors silenced; on exit 252 the prompt opens
    try {
      return await runCommand(io, debug, deps, state, shared);
    } catch (e) {
      if (!(e instanceof CliError) || e.exitCode !== EXIT_USAGE) throw e;
      // errorhandler.py SilenceParamValidationMsgErrorHandler: unknown options are still printed
      if (e instanceof UnknownOptionsError) io.stderr.write(e.render());
      await promptWithoutTerminal(io);
    }
  }
  return runCommand(io, debug, deps, state, shared);
}

async function runCommand(io: Io, debug: DebugLog, deps: Deps, state: RunState, shared: SharedConfig): Promise<number> {
  const { globals, rest, version } = parseGlobals(io.argv);
  if (version) {
    io.stdout.write(`${versionString()}\n`);
    return 0;
  }

  // customizations/globalargs.py, event top-level-args-parsed
  const query = await compileGlobalQuery(globals);
  checkEndpointUrl(globals.endpointUrl);

  const settings = resolveSettings({
    env: io.env,
    fs: io.fs,
    homedir: io.homedir,
    shared,
    flags: {
      ...(typeof globals.profile === 'string' ? { profile: globals.profile } : {}),
      ...(typeof globals.region === 'string' ? { region: globals.region } : {}),
      ...(typeof globals.endpointUrl === 'string' ? { endpointUrl: globals.endpointUrl } : {}),
      ...(typeof globals.caBundle === 'string' ? { caBundle: globals.caBundle } : {}),
      ...(typeof globals.cliReadTimeout === 'string' ? { readTimeout: globals.cliReadTimeout } : {}),
      ...(typeof globals.cliConnectTimeout === 'string' ? { connectTimeout: globals.cliConnectTimeout } : {}),
      ...(typeof globals.cliBinaryFormat === 'string' ? { cliBinaryFormat: globals.cliBinaryFormat } : {}),
      verifySsl: globals.noVerifySsl !== true,
      noSignRequest: globals.noSignRequest === true,
    },
  });
  settings.checkTopLevelSettings();
  settings.checkSessionSettings();
  logSettings(debug, settings);

  const { op, help } = parseOperation(rest, io.argv, io.prog);
  if (help) return showHelpPage(io, deps, state);
  const timestamps = typeof op.olderThan === 'string' ? await import('./args/timestamp.js') : undefined;
  const bulk = readBulkFlags(op, io.prog, io.now(), (v) => timestamps?.parseTimestamp(v, new Date(io.now()))?.date ?? null);

  // awscli argprocess.py: file:// and fileb:// are unpacked for every operation parameter
  const params = new Map<string, unknown>();
  for (const spec of MEMBER_OPTIONS) {
    const raw = op[spec.dest];
    if (typeof raw !== 'string') continue;
    const { loadParamFile } = await import('./args/paramfile.js');
    params.set(spec.member, await loadParamFile(raw, spec.flag, io));
  }
  // customizations/cliinput.py: the command line wins; input keys only fill what is missing
  const inputs = {
    ...(typeof op.cliInputJson === 'string' ? { json: op.cliInputJson } : {}),
    ...(typeof op.cliInputYaml === 'string' ? { yaml: op.cliInputYaml } : {}),
  };
  const doc = inputs.json !== undefined || inputs.yaml !== undefined ? await (await import('./args/cli-input.js')).loadCliInputs(inputs, io) : undefined;
  if (doc) for (const [k, v] of doc) if (!params.has(k)) params.set(k, v);

  const skeleton = op.generateCliSkeleton;
  if (skeleton === 'input') {
    io.stdout.write(inputSkeletonJson());
    return 0;
  }
  if (skeleton === 'yaml-input') {
    io.stdout.write(inputSkeletonYaml());
    return 0;
  }

  const outputFormat = typeof globals.output === 'string' ? globals.output : settings.output;
  // utils.py OutputStreamFactory: AWS_PAGER > cli_pager > PAGER > less, on a terminal only
  const pager = pagerFromSetting(settings.pager, globals.noCliPager === true, io.stdout.isTTY === true);
  const renderResponse = async (response: PyValue): Promise<string> => {
    const color = colorOn(globals, io);
    // the table formatter starts colorama (table.py ColorizedStyler), even for an empty response
    if (outputFormat === 'table' && color) state.colorama = true;
    const { render } = await import('./output/display.js');
    return render(response, {
      format: outputFormat,
      ...(query ? { query } : {}),
      color,
      // colorama's autoreset wraps sys.stdout only: the pager's pipe gets the cell colours alone
      autoreset: color && pager === null,
      terminalWidth: io.stdout.isTTY && io.stdout.columns ? io.stdout.columns : 80,
      title: OPERATION,
    });
  };
  const display = async (response: PyValue) => {
    const color = colorOn(globals, io);
    const text = await renderResponse(response);
    if (!text) return;
    if (pager) {
      const { writeThroughPager } = await import('./pager/write-through-pager.js');
      // colorama wraps stderr too: a pager error after a coloured table shows its resets
      const coloramaWrapped = outputFormat === 'table' && color;
      await withPager(state, () => writeThroughPager(io, pager, text, { run: deps.runPager, coloramaWrapped }));
    } else io.stdout.write(text);
  };

  // client creation (botocore create_client): region name and profile, the credential chain's
  // load, then the remaining client config; each fails with 255 in this order
  const prepareClient = async () => {
    settings.checkRegionAndProfile();
    const { createCredentialProvider, resolveImdsRegion } = await import('./config/credentials.js');
    // --no-sign-request only turns signing off (a choose-signer handler in 2.9.19): the client is
    // still created with the credential chain loaded, so its failures still surface
    const loaded = createCredentialProvider(settings, {
      env: io.env,
      fs: io.fs,
      homedir: io.homedir,
      cwd: io.cwd,
      now: () => io.now(),
      signal: io.signal,
      userAgent: versionString(),
      debug: (m: string) => debug.log('botocore.credentials', m),
    });
    await loaded.load();
    const provider = settings.noSignRequest ? null : loaded;
    settings.checkClientConfig();
    let region = settings.region;
    if (region === undefined && !settings.imds.disabled) {
      region = await resolveImdsRegion(settings, { fs: io.fs, homedir: io.homedir, env: io.env, signal: io.signal });
    }
    return { provider, region };
  };

  if (skeleton === 'output') {
    // generatecliskeleton.py: a real client validates, a stub answers; nothing is signed
    const { region } = await prepareClient();
    await resolveEndpoint(deps, clientConfig(settings, region, null, debug, io), params);
    await validate(io, params, settings);
    await display(outputSkeletonResponse());
    return 0;
  }

  const { provider: credentials, region } = await prepareClient();
  const keyGiven = params.has('Key');
  if (bulk.allUploads) {
    // the uploads come from the listing: validate the bucket (and key) as a single call would
    if (!params.has('Key')) params.set('Key', '-');
    params.set('UploadId', '-');
  }
  // one client for the endpoint check and the call (building the SDK client twice cost an abort
  // about a millisecond)
  const cfg = clientConfig(settings, region, credentials, debug, io);
  if (bulk.active) {
    cfg.keepAlive = true;
    cfg.maxSockets = bulk.concurrency + 2;
    // a stopping run starts no new attempt: what is in flight ends within its read timeout
    cfg.stopRetries = io.signal;
  }
  await resolveEndpoint(deps, cfg, params);
  const input = await validate(io, params, settings);
  if (credentials) {
    // signing time: this is where "Unable to locate credentials" (253) surfaces
    const creds = await credentials();
    debug.addSecret(creds.secretAccessKey);
    debug.addSecret(creds.sessionToken);
  }

  const session = await (deps.createSession ?? defaultSession)(cfg);
  if (bulk.active) {
    state.bulkActive = true;
    try {
      // json without --query or a pager: the document is written as it is made (writeResultJson)
      const plainJson = outputFormat === 'json' && query === undefined && pager === null;
      return await runBulkMode(io, session, bulk, input, bulk.allUploads && keyGiven ? input.key : undefined, { display, renderResponse }, deps, state, plainJson);
    } finally {
      session.destroy();
    }
  }
  try {
    const abortInput: AbortInput = {
      Bucket: input.bucket,
      Key: input.key,
      UploadId: input.uploadId,
      ...(input.requestPayer !== undefined ? { RequestPayer: input.requestPayer } : {}),
      ...(input.expectedBucketOwner !== undefined ? { ExpectedBucketOwner: input.expectedBucketOwner } : {}),
      ...(input.ifMatchInitiatedTime !== undefined ? { IfMatchInitiatedTime: input.ifMatchInitiatedTime } : {}),
    };
    debug.log('botocore.endpoint', `Making request for OperationModel(name=${OPERATION}) with params: ${JSON.stringify(abortInput)}`);
    const response = await session.abortMultipartUpload(abortInput, io.signal);
    const { fromPlain } = await import('./py/value.js');
    await display(fromPlain(response));
    return 0;
  } finally {
    session.destroy();
  }
}

async function runBulkMode(
  io: Io,
  session: BulkSession,
  bulk: BulkFlags,
  input: ReturnType<typeof validateParams>,
  keyFilter: string | undefined,
  out: { display: (v: PyValue) => Promise<void>; renderResponse: (v: PyValue) => Promise<string> },
  deps: Deps,
  state: RunState,
  plainJson = false,
): Promise<number> {
  if (bulk.allUploads && input.ifMatchInitiatedTime !== undefined) {
    // from --cli-input-json/yaml (the flag itself is refused with argv): one initiation time
    // cannot match every listed upload, so all but one abort would fail
    throw new UsageError('IfMatchInitiatedTime cannot be used with --all-uploads');
  }
  const { runBulk } = await import('./bulk/run-bulk.js');
  const { bulkExitCode, logRecord, resultDocument, sampleResult, writeResultJson } = await import('./bulk/bulk-result.js');
  // a --query or an output that cannot take the result fails now, before anything is aborted,
  // with the text and exit code it would have had after
  await out.renderResponse(resultDocument(sampleResult(bulk, input.bucket)));
  const log = bulk.log !== undefined ? await openLog(io, bulk.log) : undefined;
  const { createProgressLine } = await import('./bulk/progress.js');
  const progress = io.stderr.isTTY ? createProgressLine(io) : undefined;
  let large = false;
  const release = deps.holdTermination?.();
  let result: BulkResult;
  try {
    result = await runBulk(
      session,
      {
        bucket: input.bucket,
        ...(keyFilter !== undefined ? { key: keyFilter } : {}),
        ...(!bulk.allUploads ? { key: input.key, uploadId: input.uploadId } : {}),
        allUploads: bulk.allUploads,
        ...(bulk.prefix !== undefined ? { prefix: bulk.prefix } : {}),
        ...(bulk.cutoff !== undefined ? { cutoff: bulk.cutoff } : {}),
        dryRun: bulk.dryRun,
        concurrency: bulk.concurrency,
        verify: bulk.verify,
        verifyAttempts: bulk.verifyAttempts,
        ignoreMissing: bulk.ignoreMissing,
        ...(input.requestPayer !== undefined ? { requestPayer: input.requestPayer } : {}),
        ...(input.expectedBucketOwner !== undefined ? { expectedBucketOwner: input.expectedBucketOwner } : {}),
        ...(input.ifMatchInitiatedTime !== undefined ? { ifMatchInitiatedTime: input.ifMatchInitiatedTime } : {}),
      },
      {
        signal: io.signal,
        cancel: io.cancel,
        now: () => io.now(),
        onProgress: (p) => {
          progress?.update(p);
          if (!large && p.selected >= LARGE_RUN) {
            large = true;
            void Promise.resolve(deps.largeRun?.()).catch(() => {});
          }
        },
        ...(log ? { onOutcome: (u) => log.write(logRecord(input.bucket, u, new Date(io.now()))) } : {}),
        onClockSkew: (skew, serverDate) => {
          progress?.clear();
          io.stderr.write(`${io.prog}: warning: ${clockSkewText(skew)} (S3's Date: ${serverDate.toUTCString()}); ages are measured against S3's clock\n`);
        },
        ...(deps.sleep ? { sleep: deps.sleep } : {}),
      },
    );
  } finally {
    release?.();
    log?.close();
  }
  progress?.done();
  state.bulkResult = result;
  // nothing was selected before the listing failed: the error, as the single operation's
  if (result.listing?.error !== undefined && result.uploads.length === 0 && !result.stopped) throw result.listing.error;
  if (plainJson) writeResultJson(result, (chunk) => io.stdout.write(chunk));
  else await out.display(resultDocument(result));
  const code = bulkExitCode(result);
  const signal = result.stopped && 'signal' in result.stopped ? result.stopped.signal : undefined;
  // awscli errorhandler.py: KeyboardInterrupt writes a newline to stdout
  if (signal === 'SIGINT') io.stdout.write('\n');
  if (signal === undefined) {
    // what kept the run from its end, as the AWS CLI words the error
    const stopped = result.stopped;
    const why = result.listing?.error ?? (stopped === undefined ? undefined : 'endpointDown' in stopped ? stopped.endpointDown : 'error' in stopped ? stopped.error : undefined);
    if (why !== undefined) io.stderr.write(why instanceof CliError ? why.render() : `\n${String((why as Error)?.message ?? why)}\n`);
  }
  return code;
}

/** --log FILE, opened before anything is sent; a file that cannot be written stops the run. */
async function openLog(io: Io, path: string): Promise<{ write: (line: string) => void; close: () => void }> {
  const { pyOsErrorText } = await import('./py/errno.js');
  let file: ReturnType<Io['openAppend']>;
  try {
    file = io.openAppend(path);
  } catch (e) {
    throw new UsageError(`Unable to open the --log file: ${pyOsErrorText(e, path)}`);
  }
  return {
    write: (line) => {
      try {
        file.write(line);
      } catch (e) {
        throw new GeneralError(`The --log file could not be written: ${pyOsErrorText(e, path)}`);
      }
    },
    close: () => {
      try {
        file.close();
      } catch {
        // every record was written when it was made
      }
    },
  };
}

function clockSkewText(skewMs: number): string {
  const s = Math.round(Math.abs(skewMs) / 1000);
  const text = s >= 3600 ? `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `this machine's clock is ${text} ${skewMs > 0 ? 'behind' : 'ahead of'} S3's`;
}

async function validate(io: Io, params: Map<string, unknown>, settings: Settings) {
  const { validateParams } = await import('./args/validate.js');
  const input = validateParams(params, { parameterValidation: settings.parameterValidation, now: io.now() });
  for (const w of input.warnings) io.stderr.write(w);
  if (input.uploadIdAbsent) {
    // botocore would send DELETE /bucket/key without uploadId, which S3 reads as DeleteObject:
    // s3abort never deletes an object, so it refuses here even with parameter_validation off
    throw new UsageError('Parameter validation failed:\nMissing required parameter in input: "UploadId"');
  }
  return input;
}

/**
 * botocore client.py _make_api_call resolves the endpoint ruleset before it builds and validates
 * the parameters: a Bucket or Key of the wrong type fails first (255), then the ruleset's own
 * errors (an ARN it cannot use: 252 or 255), and only then the bucket name and the validator.
 */
async function resolveEndpoint(deps: Deps, cfg: ClientConfig, params: Map<string, unknown>): Promise<void> {
  const { checkEndpointParams } = await import('./args/validate.js');
  checkEndpointParams(params);
  const bucket = params.get('Bucket');
  const key = params.get('Key');
  if (typeof bucket !== 'string') return;
  await (deps.resolveEndpoint ?? defaultResolveEndpoint)(cfg, { Bucket: bucket, ...(typeof key === 'string' ? { Key: key } : {}) });
}

/** The SDK session made for a client config: the endpoint check and the call share it. */
const sdkSessions = new WeakMap<ClientConfig, Promise<S3Session>>();

function sdkSession(cfg: ClientConfig): Promise<S3Session> {
  let session = sdkSessions.get(cfg);
  if (!session) {
    session = import('./aws/s3.js').then(({ S3Session }) => new S3Session(cfg));
    sdkSessions.set(cfg, session);
  }
  return session;
}

async function defaultResolveEndpoint(cfg: ClientConfig, input: { Bucket: string; Key?: string }): Promise<void> {
  // no request has been sent yet: a failure here leaves no socket open
  await (await sdkSession(cfg)).resolveEndpoint(input);
}

function defaultSession(cfg: ClientConfig): Promise<S3Session> {
  return sdkSession(cfg);
}

async function compileGlobalQuery(globals: Parsed): Promise<CompiledQuery | undefined> {
  const expr = globals.query;
  if (typeof expr !== 'string') return undefined;
  const { compileQuery, JmespathSyntaxError } = await import('./query/jmespath.js');
  try {
    return compileQuery(expr);
  } catch (e) {
    if (e instanceof JmespathSyntaxError) throw new UsageError(`Bad value for --query ${expr}: ${e.message}`);
    throw e;
  }
}

function checkEndpointUrl(url: string | true | undefined): void {
  if (typeof url !== 'string') return;
  // urllib.parse.urlsplit: a scheme is letters, digits, + - . before ':' starting with a letter
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:/.test(url)) {
    throw new UsageError(
      `Bad value for --endpoint-url "${url}": scheme is missing.  Must be of the form http://<hostname>/ or https://<hostname>/`,
    );
  }
}

function colorOn(globals: Parsed, io: Io): boolean {
  const c = typeof globals.color === 'string' ? globals.color : 'auto';
  if (c === 'on') return true;
  if (c === 'off') return false;
  return io.stdout.isTTY === true && !io.env.NO_COLOR;
}

function clientConfig(
  s: Settings,
  region: string | undefined,
  credentials: ClientConfig['credentials'],
  debug: DebugLog,
  io: Io,
): ClientConfig {
  let ca: string | undefined;
  if (s.verifySsl && s.caBundle !== undefined) {
    try {
      ca = Buffer.from(io.fs.readFile(s.caBundle)).toString('utf8');
    } catch {
      ca = undefined;
    }
  }
  return {
    // no region anywhere: S3 resolves aws-global, signed for us-east-1
    region: region ?? 'us-east-1',
    ...(s.endpointUrl !== undefined ? { endpoint: s.endpointUrl } : {}),
    forcePathStyle: s.s3.addressingStyle === 'path' || (s.endpointUrl !== undefined && s.s3.addressingStyle !== 'virtual'),
    useFipsEndpoint: s.useFipsEndpoint,
    useDualstackEndpoint: s.useDualstackEndpoint,
    useAccelerateEndpoint: s.s3.useAccelerateEndpoint,
    useArnRegion: s.s3.useArnRegion,
    disableMultiregionAccessPoints: s.s3.disableMultiregionAccessPoints,
    credentials,
    maxAttempts: s.maxAttempts,
    retryMode: s.retryMode,
    ...(s.readTimeout !== null ? { readTimeoutMs: s.readTimeout * 1000 } : {}),
    ...(s.connectTimeout !== null ? { connectTimeoutMs: s.connectTimeout * 1000 } : {}),
    ...(ca !== undefined ? { ca } : {}),
    verifySsl: s.verifySsl,
    userAgent: versionString(),
    keepAlive: false,
    debug,
    onInsecureRequest: (host) =>
      io.stderr.write(
        `s3abort: InsecureRequestWarning: Unverified HTTPS request is being made to host '${host}'. Adding certificate verification is strongly advised.\n`,
      ),
    signal: io.signal,
  };
}

function logSettings(debug: DebugLog, s: Settings): void {
  if (!debug.enabled) return;
  for (const line of s.describe()) debug.log('botocore.configprovider', line);
}
