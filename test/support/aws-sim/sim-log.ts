// What reached "AWS": every simulated service (the HTTPS/HTTP front, IMDS, the container endpoints,
// DNS) and every proxy appends to one log inside the namespace, in arrival order, so that a test
// can assert on the exact sequence a CLI produced across services (token, then role, then S3).
import type { IncomingMessage } from 'node:http';

export interface SimRequest {
  /** Arrival order across every service of the run, from 1. */
  seq: number;
  /** The handler that answered: s3, sts, sso, oidc, signin, imds, container, or unknown. */
  service: string;
  /** `https 127.0.0.1:443`, `http [fd00:ec2::23]:80`...: the socket the request arrived on. */
  listener: string;
  /** The TLS server name the client sent (https only; '' when it sent none). */
  sni?: string;
  method: string;
  /** The Host header as sent (with any port). */
  host: string;
  /** The path before `?`, not decoded. */
  path: string;
  /** The raw query after the first `?` ('' when none). */
  query: string;
  /** Every header, names lower-cased; a repeated header keeps its last value. */
  headers: Record<string, string>;
  body: string;
  /** The status the handler answered with; 0 while unanswered, -1 when the connection was dropped. */
  status: number;
  /** The handler's verdicts on what it checked (a token that did not match, a DPoP proof...). */
  notes: string[];
}

export interface ProxyEntry {
  seq: number;
  /** The proxy's port (a case may run two, to see which one a CLI picks). */
  port: number;
  /** `connect` for a CONNECT tunnel, `forward` for an absolute-form request. */
  kind: 'connect' | 'forward';
  /** The request line as received, e.g. `CONNECT bucket.s3.us-west-2.amazonaws.com:443 HTTP/1.1`. */
  requestLine: string;
  /** The Proxy-Authorization header, verbatim ('' when absent). */
  proxyAuthorization: string;
  /** What the proxy answered: 200, 407, 502... */
  status: number;
}

export interface DnsQuery {
  seq: number;
  name: string;
  /** A, AAAA, or the numeric type. */
  type: string;
}

export interface SimLogSnapshot {
  requests: SimRequest[];
  proxy: ProxyEntry[];
  dns: DnsQuery[];
}

export function lowerHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  const raw = req.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) out[raw[i]!.toLowerCase()] = raw[i + 1]!;
  return out;
}

/** `[::1]:443` for IPv6, `127.0.0.1:443` otherwise. */
export function hostPort(address: string, port: number): string {
  return address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`;
}

export class SimLog {
  private seq = 0;
  readonly requests: SimRequest[] = [];
  readonly proxy: ProxyEntry[] = [];
  readonly dns: DnsQuery[] = [];

  addRequest(r: Omit<SimRequest, 'seq' | 'status' | 'notes'>): SimRequest {
    const entry: SimRequest = { seq: ++this.seq, ...r, status: 0, notes: [] };
    this.requests.push(entry);
    return entry;
  }

  addProxy(p: Omit<ProxyEntry, 'seq'>): ProxyEntry {
    const entry: ProxyEntry = { seq: ++this.seq, ...p };
    this.proxy.push(entry);
    return entry;
  }

  addDns(q: Omit<DnsQuery, 'seq'>): void {
    this.dns.push({ seq: ++this.seq, ...q });
  }

  snapshot(): SimLogSnapshot {
    return structuredClone({ requests: this.requests, proxy: this.proxy, dns: this.dns });
  }
}
