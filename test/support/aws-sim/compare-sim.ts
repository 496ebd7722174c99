// How an s3abort run is held to a golden: exit code, stdout, the significant stderr lines (the
// conformance harness's rule), and per request what matters to AWS: service, method, host, path,
// query, the signing algorithm, key id, scope and region set, which source's session token, and
// whether an S3 Express session token was sent; per proxy hop, the request line, the
// authorization and the status. User-Agent, dates and header order are not compared.
import { significantStderr } from '../conformance.js';
import type { RequestRecord, SimObservation } from './observation.js';
import type { SimCase } from './sim-case.js';

export function requestView(r: RequestRecord): Record<string, unknown> {
  return {
    service: r.service,
    method: r.method,
    host: r.host,
    path: r.path,
    query: r.query,
    status: r.status,
    algorithm: r.signing?.algorithm ?? (r.headers.authorization !== undefined ? 'other' : 'unsigned'),
    accessKeyId: r.signing?.accessKeyId,
    scope: r.signing?.scope,
    regionSet: r.headers['x-amz-region-set'],
    securityTokenOf: r.securityTokenOf,
    s3session: 'x-amz-s3session-token' in r.headers,
  };
}

function differs(what: string, want: unknown, got: unknown): string[] {
  const w = JSON.stringify(want, null, 1);
  const g = JSON.stringify(got, null, 1);
  return w === g ? [] : [`${what} differs:\n  want ${w}\n  got  ${g}`];
}

export function compareToGolden(c: SimCase, gold: SimObservation, got: SimObservation): string[] {
  const cmp = c.compare ?? {};
  const problems: string[] = [];
  if (cmp.code !== false) problems.push(...differs('exit code', gold.code, got.code));
  if (cmp.stdout !== false) problems.push(...differs('stdout', gold.stdout, got.stdout));
  if (cmp.stderr === 'exact') problems.push(...differs('stderr', gold.stderr, got.stderr));
  else if (cmp.stderr !== false) problems.push(...differs('significant stderr', significantStderr(gold.stderr), significantStderr(got.stderr)));
  if (cmp.requests !== false) problems.push(...differs('requests', gold.requests.map(requestView), got.requests.map(requestView)));
  if (cmp.proxy !== false) {
    const view = (o: SimObservation) => o.proxy.map(({ port, kind, requestLine, proxyAuthorization, status }) => ({ port, kind, requestLine, proxyAuthorization, status }));
    problems.push(...differs('proxy hops', view(gold), view(got)));
  }
  if (gold.uploadsAfter) problems.push(...differs('uploads afterwards', gold.uploadsAfter, got.uploadsAfter));
  // a --debug case compares no stderr: which secrets its log shows is then the test's own call
  if (cmp.stderr !== false) problems.push(...differs('watched strings in the output', gold.watchedSeen, got.watchedSeen));
  return problems;
}
