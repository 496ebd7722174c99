// The `Error` of an S3 error response, read the way botocore's RestXMLParser reads it
// (parsers.py parse / _is_generic_error_response / _do_error_parse / _parse_error_from_body):
//   - a 5xx whose body is empty or starts with "<html>" is generic: Code = the status, Message =
//     the reason phrase;
//   - otherwise a non-empty body is parsed as XML. If the root is <Error>, its children are the
//     error (an empty element is None); any other root gives Code '' and Message '' unless it has
//     an <Error> child. A body that is not XML falls back to the status and reason phrase;
//   - an empty body gives the status and reason phrase too.
// A member missing from the document is `undefined`; an empty element is `null` (Python None).

import { reasonPhrase } from './http-status.js';
import { parseXml, type XmlElement } from './xml.js';

export type XmlValue = string | null | XmlDict;
export interface XmlDict {
  [name: string]: XmlValue;
}

export interface S3Error {
  code: XmlValue | undefined;
  message: XmlValue | undefined;
  /** Every member of the parsed Error (Code, Message, Endpoint, Region, ...). */
  fields: XmlDict;
}

function localName(tag: string): string {
  return tag.replace(/^\{[^}]*\}/, '');
}

/** _build_name_to_xml_node + _replace_nodes: leaves become their text, others nested dicts. */
function toDict(el: XmlElement): XmlDict {
  const out: XmlDict = {};
  const seen = new Map<string, XmlElement[]>();
  for (const child of el.children) {
    const key = localName(child.tag);
    seen.set(key, [...(seen.get(key) ?? []), child]);
  }
  for (const [key, nodes] of seen) {
    const first = nodes[0]!;
    // a repeated tag becomes a list, which _replace_nodes turns into the dict of its first
    // element's children (so a repeated leaf is {})
    out[key] = nodes.length > 1 || first.children.length ? toDict(first) : first.text;
  }
  return out;
}

function isPyWhitespace(b: number): boolean {
  return b === 0x20 || (b >= 0x09 && b <= 0x0d);
}

/** bytes.strip() of the body, as text (latin-1, enough for the prefix test). */
function stripped(body: Uint8Array): string {
  let a = 0;
  let b = body.length;
  while (a < b && isPyWhitespace(body[a]!)) a++;
  while (b > a && isPyWhitespace(body[b - 1]!)) b--;
  return Buffer.from(body.subarray(a, b)).toString('latin1');
}

function fromStatus(status: number): S3Error {
  const code = String(status);
  const message = reasonPhrase(status);
  return { code, message, fields: { Code: code, Message: message } };
}

export function parseS3Error(status: number, body: Uint8Array | string): S3Error {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  if (status >= 500) {
    const s = stripped(bytes);
    if (s === '' || s.startsWith('<html>')) return fromStatus(status);
  }
  if (bytes.length === 0) return fromStatus(status);
  const doc = parseXml(bytes);
  if (!doc.ok) return fromStatus(status);
  const parsed = toDict(doc.root);
  let error: XmlDict;
  if (doc.root.tag === 'Error') {
    delete parsed.RequestId;
    delete parsed.HostId;
    error = parsed;
  } else {
    // default {'Error': {'Message': '', 'Code': ''}} merged with the document
    const nested = parsed.Error;
    error = { Message: '', Code: '', ...(nested !== null && typeof nested === 'object' ? nested : {}) };
  }
  return { code: error.Code, message: error.Message, fields: error };
}

/** The error code a retry decision looks at (None and nested values never match). */
export function errorCodeOf(status: number, body: Uint8Array | string): string | undefined {
  const code = parseS3Error(status, body).code;
  return typeof code === 'string' ? code : undefined;
}
