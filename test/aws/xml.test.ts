// The XML reader against Python's ElementTree/expat (test/fixtures/xml-expat.json, written by
// scripts/gen-xml-fixtures.py), and the S3 error document as botocore's RestXMLParser reads it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseXml } from '../../src/aws/xml.js';
import { parseS3Error } from '../../src/aws/xml-error.js';

interface Fixture {
  b64: string;
  want: unknown;
}

const fixtures = JSON.parse(readFileSync(new URL('../fixtures/xml-expat.json', import.meta.url), 'utf8')) as Fixture[];
// expat's prolog reports a lone invalid byte as an unclosed token; s3abort says invalid token
const APPROXIMATED = new Set(['/w==']);

describe('parseXml matches expat', () => {
  for (const f of fixtures.filter((x) => !APPROXIMATED.has(x.b64))) {
    const body = Buffer.from(f.b64, 'base64');
    it(JSON.stringify(body.toString('latin1')), () => {
      expect(parseXml(body)).toEqual(f.want);
    });
  }
});

describe('parseS3Error (botocore RestXMLParser)', () => {
  const xml = (inner: string) => `<Error>${inner}<RequestId>r</RequestId><HostId>h</HostId></Error>`;
  it('reads Code, Message and the other members of <Error>', () => {
    const e = parseS3Error(404, xml('<Code>NoSuchUpload</Code><Message>gone</Message><UploadId>u</UploadId>'));
    expect(e.code).toBe('NoSuchUpload');
    expect(e.message).toBe('gone');
    expect(e.fields).toEqual({ Code: 'NoSuchUpload', Message: 'gone', UploadId: 'u' });
  });
  it('an empty element is None, a missing one undefined', () => {
    const e = parseS3Error(404, xml('<Code>X</Code><Message></Message>'));
    expect(e.message).toBeNull();
    expect(parseS3Error(404, xml('<Code>X</Code>')).message).toBeUndefined();
  });
  it('a 5xx with an empty or <html> body is generic: the status and its reason', () => {
    expect(parseS3Error(503, '')).toMatchObject({ code: '503', message: 'Service Unavailable' });
    expect(parseS3Error(500, '  <html><body>x</body></html>')).toMatchObject({ code: '500', message: 'Internal Server Error' });
  });
  it('a body that is not XML falls back to the status', () => {
    expect(parseS3Error(400, '{"message": "bad"}')).toMatchObject({ code: '400', message: 'Bad Request' });
    expect(parseS3Error(403, '')).toMatchObject({ code: '403', message: 'Forbidden' });
  });
  it('another root gives empty Code and Message unless it holds an <Error>', () => {
    expect(parseS3Error(403, '<html><body>Forbidden</body></html>')).toMatchObject({ code: '', message: '' });
    expect(parseS3Error(404, '<Error xmlns="http://s3/"><Code>X</Code></Error>')).toMatchObject({ code: '', message: '' });
    expect(parseS3Error(400, '<ErrorResponse><Error><Code>InvalidInput</Code><Message>m</Message></Error></ErrorResponse>'))
      .toMatchObject({ code: 'InvalidInput', message: 'm' });
  });
  it('a repeated member becomes the dict of its first element', () => {
    expect(parseS3Error(404, '<Error><Code>A</Code><Code>B</Code></Error>').code).toEqual({});
  });
});
