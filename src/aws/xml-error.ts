// Reads <Error><Code>..</Code><Message>..</Message></Error> from an S3 error body, as botocore's
// RestXMLParser does; no XML library is needed for these flat documents.

function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#x[0-9a-fA-F]+|#[0-9]+);/g, (_, e: string) => {
    switch (e) {
      case 'lt': return '<';
      case 'gt': return '>';
      case 'amp': return '&';
      case 'quot': return '"';
      case 'apos': return "'";
      default:
        return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    }
  });
}

export interface XmlError {
  code?: string;
  message?: string;
  fields: Record<string, string>;
}

/** Null when the body is not an S3 XML error document. */
export function parseXmlError(body: string): XmlError | null {
  const m = /<Error>([\s\S]*)<\/Error>/.exec(body);
  if (!m) return null;
  const fields: Record<string, string> = {};
  for (const f of m[1]!.matchAll(/<([A-Za-z0-9_]+)>([\s\S]*?)<\/\1>/g)) fields[f[1]!] = unescapeXml(f[2]!);
  for (const f of m[1]!.matchAll(/<([A-Za-z0-9_]+)\s*\/>/g)) fields[f[1]!] ??= '';
  return { code: fields.Code, message: fields.Message, fields };
}
