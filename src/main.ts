// main(io) -> exit code: the whole pipeline of one run, in the order the AWS CLI runs it, because
// that order decides which error wins (awscli clidriver.py; ../shared/reference §1):
//   argv -> parse -> validate/merge input -> resolve config -> send -> shape -> --query -> format
// Nothing here touches `process`; cli.ts builds the Io and ends the process.

import { parseGlobals, parseOperation, type Parsed } from './args/parse-argv.js';
import { MEMBER_OPTIONS, OUTPUT_CHOICES } from './args/options.js';
import { createDebugLog, type DebugLog } from './debug.js';
import { CliError, EXIT_GENERAL, EXIT_INTERRUPTED, GeneralError, Interrupted, UsageError } from './errors.js';
import type { Io } from './io.js';
import { DisplayCrash, render } from './output/display.js';
import { fromPlain, type PyValue } from './output/pyvalue.js';
import { compileQuery, JmespathSyntaxError, type CompiledQuery } from './query/jmespath.js';
import { versionString } from './version.js';
import { loadParamFile } from './args/paramfile.js';
import { loadCliInputs } from './args/cli-input.js';
import { inputSkeletonJson, inputSkeletonYaml, outputSkeletonResponse } from './args/skeleton.js';
import { validateParams } from './args/validate.js';
import { resolveSettings, type Settings } from './config/settings.js';
import { createCredentialProvider, resolveImdsRegion } from './config/credentials.js';
import type { AbortInput, ClientConfig, S3Session } from './aws/s3.js';
import { parseTimestamp } from './args/timestamp.js';
import { readBulkFlags, type BulkFlags } from './bulk/bulk-options.js';
import { runBulk, type BulkSession } from './bulk/run-bulk.js';
import { bulkExitCode, resultDocument } from './bulk/bulk-result.js';
import { createProgressLine } from './bulk/progress.js';

const OPERATION = 'AbortMultipartUpload';

export interface Deps {
  /** Creates the S3 session; tests may hand in a fake. Loads the SDK lazily by default. */
  createSession?: (cfg: ClientConfig) => Promise<Pick<S3Session, 'abortMultipartUpload' | 'listMultipartUploads' | 'listParts' | 'destroy'>>;
}

/** Shared between main() and run(): a bulk run handles SIGINT itself, to print what it did. */
interface RunState {
  bulkActive: boolean;
}

export async function main(io: Io, deps: Deps = {}): Promise<number> {
  // awscli FirstPassGlobalArgParser: --debug takes effect before anything else is parsed
  const debug = createDebugLog(io, firstPassDebug(io.argv));
  const state: RunState = { bulkActive: false };
  const interrupted = new Promise<never>((_, reject) => {
    const stop = () => {
      if (!state.bulkActive) reject(new Interrupted());
    };
    if (io.signal.aborted) stop();
    io.signal.addEventListener('abort', stop, { once: true });
  });
  interrupted.catch(() => {});
  try {
    return await Promise.race([run(io, debug, deps, state), interrupted]);
  } catch (err) {
    return report(io, err, debug);
  }
}

function report(io: Io, err: unknown, debug: DebugLog): number {
  if (err instanceof Interrupted) {
    // awscli errorhandler.py: KeyboardInterrupt writes a newline to stdout, nothing to stderr
    io.stdout.write('\n');
    return EXIT_INTERRUPTED;
  }
  if (err instanceof DisplayCrash && err.partialOutput) io.stdout.write(err.partialOutput);
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
 * --cli-auto-prompt on; else AWS_CLI_AUTO_PROMPT (the profile's cli_auto_prompt is read later).
 */
function autoPromptMode(io: Io): 'on' | 'on-partial' | 'off' {
  const argv = io.argv;
  if (argv.includes('--no-cli-auto-prompt') || argv.includes('help') || argv.includes('--version')) return 'off';
  if (argv.includes('--cli-auto-prompt')) return 'on';
  const v = (io.env.AWS_CLI_AUTO_PROMPT ?? '').toLowerCase();
  return v === 'on' ? 'on' : v === 'on-partial' ? 'on-partial' : 'off';
}

function firstPassDebug(argv: readonly string[]): boolean {
  return argv.some((a) => a.length >= 4 && '--debug'.startsWith(a));
}

function pyListRepr(items: readonly string[]): string {
  return `[${items.map((s) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`).join(', ')}]`;
}

async function run(io: Io, debug: DebugLog, deps: Deps, state: RunState): Promise<number> {
  debug.log('awscli.clidriver', `CLI version: ${versionString()}`);
  debug.log('awscli.clidriver', `Arguments entered to CLI: ${pyListRepr(io.argv)}`);

  // autoprompt/core.py resolve_mode runs before the main parser
  if (io.argv.includes('--cli-auto-prompt') && io.argv.includes('--no-cli-auto-prompt')) {
    throw new UsageError('Both --cli-auto-prompt and --no-cli-auto-prompt cannot be specified at the same time.');
  }

  const autoPrompt = autoPromptMode(io);
  if (autoPrompt === 'on') {
    if (!io.stdinIsTTY) {
      // prompt_toolkit's warning, then the CLI's handler prints the (empty) error
      io.stderr.write('Warning: Input is not a terminal (fd=0).\n');
      throw new GeneralError('');
    }
    throw new GeneralError('The interactive auto-prompt is not available in this version of s3abort; run the command without --cli-auto-prompt.');
  }

  const { globals, rest, version } = parseGlobals(io.argv);
  if (version) {
    io.stdout.write(`${versionString()}\n`);
    return 0;
  }

  // customizations/globalargs.py, event top-level-args-parsed
  const query = compileGlobalQuery(globals);
  checkEndpointUrl(globals.endpointUrl);

  const settings = resolveSettings({
    env: io.env,
    fs: io.fs,
    homedir: io.homedir,
    flags: {
      ...(typeof globals.profile === 'string' ? { profile: globals.profile } : {}),
      ...(typeof globals.region === 'string' ? { region: globals.region } : {}),
      ...(typeof globals.endpointUrl === 'string' ? { endpointUrl: globals.endpointUrl } : {}),
      ...(typeof globals.caBundle === 'string' ? { caBundle: globals.caBundle } : {}),
      ...(typeof globals.cliReadTimeout === 'string' ? { readTimeout: globals.cliReadTimeout } : {}),
      ...(typeof globals.cliConnectTimeout === 'string' ? { connectTimeout: globals.cliConnectTimeout } : {}),
      verifySsl: globals.noVerifySsl !== true,
      noSignRequest: globals.noSignRequest === true,
    },
  });
  settings.checkTopLevelSettings();
  settings.checkSessionSettings();
  logSettings(debug, settings);

  const { op, help } = parseOperation(rest, io.argv, io.prog);
  if (help) {
    io.stdout.write(helpText());
    return 0;
  }
  const bulk = readBulkFlags(op, io.prog, io.now(), (v) => parseTimestamp(v)?.date ?? null);

  // awscli argprocess.py: file:// and fileb:// are unpacked for every operation parameter
  const params = new Map<string, unknown>();
  for (const spec of MEMBER_OPTIONS) {
    const raw = op[spec.dest];
    if (typeof raw === 'string') params.set(spec.member, await loadParamFile(raw, spec.flag, io));
  }
  // customizations/cliinput.py: the command line wins; input keys only fill what is missing
  const doc = await loadCliInputs(
    {
      ...(typeof op.cliInputJson === 'string' ? { json: op.cliInputJson } : {}),
      ...(typeof op.cliInputYaml === 'string' ? { yaml: op.cliInputYaml } : {}),
    },
    io,
  );
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
  const display = (response: PyValue) => {
    const text = render(response, {
      format: outputFormat,
      ...(query ? { query } : {}),
      color: colorOn(globals, io),
      terminalWidth: io.stdout.isTTY && io.stdout.columns ? io.stdout.columns : 80,
      title: OPERATION,
    });
    if (text) io.stdout.write(text);
  };

  // client creation (botocore create_client): region name and profile, the credential chain's
  // load, then the remaining client config; each fails with 255 in this order
  const prepareClient = async () => {
    settings.checkRegionAndProfile();
    const provider = settings.noSignRequest
      ? null
      : createCredentialProvider(settings, {
          env: io.env,
          fs: io.fs,
          homedir: io.homedir,
          cwd: io.cwd,
          now: () => io.now(),
          signal: io.signal,
          userAgent: versionString(),
          debug: (m: string) => debug.log('botocore.credentials', m),
        });
    await provider?.load();
    settings.checkClientConfig();
    let region = settings.region;
    if (region === undefined && !settings.imds.disabled) {
      region = await resolveImdsRegion(settings, { fs: io.fs, homedir: io.homedir, env: io.env, signal: io.signal });
    }
    return { provider, region };
  };

  if (skeleton === 'output') {
    // generatecliskeleton.py: a real client validates, a stub answers; nothing is signed
    await prepareClient();
    validate(io, params, settings);
    display(outputSkeletonResponse());
    return 0;
  }

  const { provider: credentials, region } = await prepareClient();
  const keyGiven = params.has('Key');
  if (bulk.allUploads) {
    // the uploads come from the listing: validate the bucket (and key) as a single call would
    if (!params.has('Key')) params.set('Key', '-');
    params.set('UploadId', '-');
  }
  const input = validate(io, params, settings);
  if (credentials) {
    // signing time: this is where "Unable to locate credentials" (253) surfaces
    const creds = await credentials();
    debug.addSecret(creds.secretAccessKey);
    debug.addSecret(creds.sessionToken);
  }

  const cfg = clientConfig(settings, region, credentials, debug, io);
  if (bulk.active) {
    cfg.keepAlive = true;
    cfg.maxSockets = bulk.concurrency + 2;
  }
  const session = await (deps.createSession ?? defaultSession)(cfg);
  if (bulk.active) {
    state.bulkActive = true;
    try {
      return await runBulkMode(io, session, bulk, input, bulk.allUploads && keyGiven ? input.key : undefined, display);
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
    display(fromPlain(response));
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
  display: (v: PyValue) => void,
): Promise<number> {
  const progress = io.stderr.isTTY ? createProgressLine(io) : undefined;
  const result = await runBulk(
    session,
    {
      bucket: input.bucket,
      ...(keyFilter !== undefined ? { key: keyFilter } : {}),
      ...(!bulk.allUploads ? { key: input.key, uploadId: input.uploadId } : {}),
      allUploads: bulk.allUploads,
      ...(bulk.prefix !== undefined ? { prefix: bulk.prefix } : {}),
      ...(bulk.olderThan !== undefined ? { olderThan: bulk.olderThan } : {}),
      dryRun: bulk.dryRun,
      concurrency: bulk.concurrency,
      verify: bulk.verify,
      verifyAttempts: bulk.verifyAttempts,
      ignoreMissing: bulk.ignoreMissing,
      ...(input.requestPayer !== undefined ? { requestPayer: input.requestPayer } : {}),
      ...(input.expectedBucketOwner !== undefined ? { expectedBucketOwner: input.expectedBucketOwner } : {}),
      ...(input.ifMatchInitiatedTime !== undefined ? { ifMatchInitiatedTime: input.ifMatchInitiatedTime } : {}),
    },
    { signal: io.signal, ...(progress ? { onProgress: progress.update } : {}) },
  );
  progress?.done();
  if (result.listingError !== undefined && result.uploads.length === 0) throw result.listingError;
  display(resultDocument(result));
  if (result.interrupted) {
    io.stdout.write('\n');
    return EXIT_INTERRUPTED;
  }
  if (result.listingError !== undefined) throw result.listingError;
  return bulkExitCode(result);
}

function validate(io: Io, params: Map<string, unknown>, settings: Settings) {
  const input = validateParams(params, { parameterValidation: settings.parameterValidation, now: io.now() });
  for (const w of input.warnings) io.stderr.write(w);
  if (input.uploadIdAbsent) {
    // botocore would send DELETE /bucket/key without uploadId, which S3 reads as DeleteObject:
    // s3abort never deletes an object, so it refuses here even with parameter_validation off
    throw new UsageError('Parameter validation failed:\nMissing required parameter in input: "UploadId"');
  }
  return input;
}

async function defaultSession(cfg: ClientConfig) {
  const { S3Session } = await import('./aws/s3.js');
  return new S3Session(cfg);
}

function compileGlobalQuery(globals: Parsed): CompiledQuery | undefined {
  const expr = globals.query;
  if (typeof expr !== 'string') return undefined;
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

function helpText(): string {
  return 'usage: s3abort --bucket <value> --key <value> --upload-id <value> [options]\n';
}
