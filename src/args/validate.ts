// What botocore (AWS CLI 2.9.19) checks between "here are the call parameters" and the request:
//
//   1. endpoint resolution (client.py _resolve_endpoint_ruleset): the ruleset parameters Bucket and
//      Key (contextParam) are hashed for the resolver's lru_cache, then must be str:
//      "unhashable type: 'list'" / "Value (Key) is the wrong type. Must be <class 'str'>." (255)
//   2. before-parameter-build handler validate_bucket_name (handlers.py): a bad name replaces any
//      other report: "Parameter validation failed:\nInvalid bucket name ..." (252)
//   3. ParamValidator (validate.py), unless parameter_validation = false: every problem is
//      collected into one "Parameter validation failed:" report (252): missing required members
//      (shape order), unknown members, then each member's type/length in the params' order.
//      A timestamp value that breaks the parser in other ways (OverflowError, ...) escapes (255).
//   With parameter_validation = false the rest-xml serializer meets the problems instead (255):
//   an unknown member is a KeyError ('Foo'), a bad timestamp "Invalid timestamp ...", a missing
//   Bucket/Key a KeyError when the URI is rendered; None values are skipped.
//
// Params are the CLI options (strings, or bytes from fileb://) and --cli-input-* values (InputValue).

import { GeneralError, UsageError } from '../errors.js';
import { findUnhashable, PyBytes, PyDateTime, pyStrOf, pyTypeName, type InputValue } from '../py/input-value.js';
import { pyRepr } from '../py/repr.js';
import { ABORT_INPUT_MEMBERS, ABORT_REQUIRED_MEMBERS, type MemberSpec } from './model.js';
import { toAwareDatetime, unknownTimezoneWarning, type TimestampOutcome } from './timestamp.js';

export interface ValidateOptions {
  /** The config's parameter_validation (default true). */
  parameterValidation: boolean;
  /** "Now" for dateutil's defaults (a timestamp without a date is today's); ms or a Date. */
  now?: number | Date;
}

export interface AbortParams {
  bucket: string;
  /** May be "" when parameter validation is off: botocore then sends DELETE /bucket?uploadId=... */
  key: string;
  /** "" with uploadIdAbsent when parameter validation is off and no UploadId was given. */
  uploadId: string;
  /** parameter_validation = false and no UploadId: botocore sends the DELETE without ?uploadId= at all. */
  uploadIdAbsent?: true;
  requestPayer?: string;
  expectedBucketOwner?: string;
  ifMatchInitiatedTime?: Date;
  /** Python warnings to print on stderr before anything else (dateutil's UnknownTimezoneWarning). */
  warnings: string[];
}

const MEMBERS = new Map(ABORT_INPUT_MEMBERS.map((m) => [m.name, m]));
const MEMBER_NAMES = ABORT_INPUT_MEMBERS.map((m) => m.name).join(', ');

// handlers.py VALID_BUCKET / VALID_S3_ARN
const VALID_BUCKET = /^[a-zA-Z0-9.\-_]{1,255}$/;
const VALID_S3_ARN =
  /^arn:(aws).*:(s3|s3-object-lambda):[a-z\-0-9]*:[0-9]{12}:accesspoint[/:][a-zA-Z0-9\-.]{1,63}$|^arn:(aws).*:s3-outposts:[a-z\-0-9]+:[0-9]{12}:outpost[/:][a-zA-Z0-9\-]{1,63}[/:]accesspoint[/:][a-zA-Z0-9\-]{1,63}$/;
const VALID_BUCKET_TEXT = '^[a-zA-Z0-9.\\-_]{1,255}$';
const VALID_S3_ARN_TEXT =
  '^arn:(aws).*:(s3|s3-object-lambda):[a-z\\-0-9]*:[0-9]{12}:accesspoint[/:][a-zA-Z0-9\\-.]{1,63}$|^arn:(aws).*:s3-outposts:[a-z\\-0-9]+:[0-9]{12}:outpost[/:][a-zA-Z0-9\\-]{1,63}[/:]accesspoint[/:][a-zA-Z0-9\\-]{1,63}$';

/** Python re.search for a ^...$ pattern: "$" also matches before a final newline. */
function pySearch(re: RegExp, s: string): boolean {
  return re.test(s) || (s.endsWith('\n') && re.test(s.slice(0, -1)));
}

export function validateParams(params: Map<string, unknown>, opts: ValidateOptions): AbortParams {
  const now = opts.now === undefined ? new Date() : new Date(opts.now);
  const values = new Map<string, InputValue>();
  for (const [k, v] of params) if (v !== undefined) values.set(k, toInputValue(v));

  checkEndpointValues(values);
  checkBucketName(values);

  const warnings: string[] = [];
  const timestamps = new Map<string, Date>();
  const readTimestamp = (value: InputValue): TimestampOutcome => {
    const r = timestampOf(value, now);
    if (r.kind === 'ok') {
      if (r.unknownTimezone !== undefined) {
        // Python shows a warning once per location and text
        const w = unknownTimezoneWarning(r.unknownTimezone);
        if (!warnings.includes(w)) warnings.push(w);
      }
    } else if (r.kind === 'crash') {
      throw new GeneralError(r.message);
    }
    return r;
  };

  if (opts.parameterValidation) {
    const errors: string[] = [];
    for (const name of ABORT_REQUIRED_MEMBERS) {
      if (!values.has(name)) errors.push(`Missing required parameter in input: "${name}"`);
    }
    for (const name of values.keys()) {
      if (!MEMBERS.has(name)) errors.push(`Unknown parameter in input: "${name}", must be one of: ${MEMBER_NAMES}`);
    }
    for (const [name, value] of values) {
      const member = MEMBERS.get(name);
      if (!member) continue;
      if (member.type === 'timestamp') {
        const r = readTimestamp(value);
        if (r.kind === 'ok') timestamps.set(name, r.date);
        else errors.push(invalidType(name, value, "<class 'datetime.datetime'>, timestamp-string"));
      } else if (typeof value !== 'string') {
        errors.push(invalidType(name, value, "<class 'str'>"));
      } else if (member.minLength !== undefined && [...value].length < member.minLength) {
        errors.push(`Invalid length for parameter ${name}, value: ${[...value].length}, valid min length: ${member.minLength}`);
      }
    }
    if (errors.length > 0) throw new UsageError(`Parameter validation failed:\n${errors.join('\n')}`);
  } else {
    // serialize.py _partition_parameters: None is skipped, an unknown name is a KeyError
    for (const [name, value] of values) {
      if (value === null) continue;
      const member = MEMBERS.get(name);
      if (!member) throw new GeneralError(pyRepr(name));
      if (member.type === 'timestamp') {
        const r = readTimestamp(value);
        if (r.kind !== 'ok') throw new GeneralError(r.message);
        timestamps.set(name, r.date);
      }
    }
    // _render_uri_template: the URI labels must be there
    for (const name of ['Bucket', 'Key']) {
      if (values.get(name) === undefined || values.get(name) === null) throw new GeneralError(pyRepr(name));
    }
  }

  const text = (name: string): string | undefined => {
    const v = values.get(name);
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'string') return v;
    // only reachable with parameter validation off: headers get str(value); the query string
    // percent-encodes bytes as they are
    return v instanceof PyBytes && MEMBERS.get(name)?.location === 'querystring' ? new TextDecoder().decode(v.bytes) : pyStrOf(v);
  };
  const uploadId = text('UploadId');
  const requestPayer = text('RequestPayer');
  const expectedBucketOwner = text('ExpectedBucketOwner');
  const ifMatchInitiatedTime = timestamps.get('IfMatchInitiatedTime');
  return {
    bucket: text('Bucket')!,
    key: text('Key')!,
    uploadId: uploadId ?? '',
    ...(uploadId === undefined ? { uploadIdAbsent: true as const } : {}),
    ...(requestPayer !== undefined ? { requestPayer } : {}),
    ...(expectedBucketOwner !== undefined ? { expectedBucketOwner } : {}),
    ...(ifMatchInitiatedTime !== undefined ? { ifMatchInitiatedTime } : {}),
    warnings,
  };
}

/** CLI values are str or bytes (fileb://); --cli-input-* values are already InputValues. */
function toInputValue(v: unknown): InputValue {
  if (v instanceof Uint8Array) return new PyBytes(v);
  return v as InputValue;
}

function invalidType(name: string, value: InputValue, validTypes: string): string {
  return `Invalid type for parameter ${name}, value: ${pyStrOf(value)}, type: <class '${pyTypeName(value)}'>, valid types: ${validTypes}`;
}

/**
 * Step 1 alone, for a caller that runs the endpoint ruleset itself between it and the rest:
 * the Bucket and Key given must be hashable str values (255 otherwise).
 */
export function checkEndpointParams(params: Map<string, unknown>): void {
  const values = new Map<string, InputValue>();
  for (const [k, v] of params) if (v !== undefined) values.set(k, toInputValue(v));
  checkEndpointValues(values);
}

/** endpoint_provider.py: lru_cache hashes the parameters, then ParameterDefinition.validate_input. */
function checkEndpointValues(values: Map<string, InputValue>): void {
  const endpointParams = ABORT_INPUT_MEMBERS.filter((m): m is MemberSpec & { contextParam: string } => m.contextParam !== undefined)
    .map((m) => ({ param: m.contextParam, value: values.get(m.name) }))
    .filter((p): p is { param: string; value: InputValue } => p.value !== undefined && p.value !== null);
  for (const { value } of endpointParams) {
    const bad = findUnhashable(value);
    if (bad !== undefined) throw new GeneralError(`unhashable type: '${pyTypeName(bad)}'`);
  }
  for (const { param, value } of endpointParams) {
    if (typeof value !== 'string') throw new GeneralError(`Value (${param}) is the wrong type. Must be <class 'str'>.`);
  }
}

/** handlers.py validate_bucket_name */
function checkBucketName(values: Map<string, InputValue>): void {
  if (!values.has('Bucket')) return;
  const bucket = values.get('Bucket');
  // only None gets here as a non-str (endpoint resolution rejected the rest): re.search(None)
  if (typeof bucket !== 'string') throw new GeneralError(`expected string or bytes-like object, got '${pyTypeName(bucket ?? null)}'`);
  if (!pySearch(VALID_BUCKET, bucket) && !pySearch(VALID_S3_ARN, bucket)) {
    throw new UsageError(
      `Parameter validation failed:\nInvalid bucket name "${bucket}": Bucket name must match the regex "${VALID_BUCKET_TEXT}" ` +
        `or be an ARN matching the regex "${VALID_S3_ARN_TEXT}"`,
    );
  }
}

/** parse_to_aware_datetime for any parameter value. */
function timestampOf(value: InputValue, now: Date): TimestampOutcome {
  if (typeof value === 'string' || typeof value === 'bigint' || typeof value === 'number' || typeof value === 'boolean') {
    return toAwareDatetime(value, now);
  }
  if (value instanceof PyBytes) return toAwareDatetime(value.bytes, now);
  if (value instanceof PyDateTime && value.kind === 'datetime') return { kind: 'ok', date: value.toDate() };
  // float() and then dateutil refuse it: TypeError, reported as an invalid value
  const cls = pyTypeName(value).replace(/^datetime\./, '');
  return { kind: 'invalid', message: `Invalid timestamp "${pyStrOf(value)}": Parser must be a string or character stream, not ${cls}` };
}
