#!/usr/bin/env python3
"""Writes test/fixtures/xml-expat.json: what Python's ElementTree (expat), as botocore uses it,
makes of response bodies: the tree, or the error text the AWS CLI prints. Run from anywhere."""
import base64
import json
import os
import xml.etree.ElementTree as ET
corpus = [b'junk', b' ', b'\n', b'<a>', b'<a></b>', b'<a/>x', b'<a/><b/>', b'<a>&</a>', b'<a>&foo;</a>', b'<Error><Code>Bad', b'<?xml version="1.0"?>', b'{"a":1}', b'<html><body>x</body></html>', b'<a b=c/>', b'<a b="1" b="2"/>', b'<a>\x00</a>', b'\xff', b'<1a/>', b'<a></a>\n\n', b'<!-- c --><a/>', b'<a><!-- c -- x --></a>', b'<a', b'<a>text', b'<a><b></a>', b'  <a/>', b'\n<a/>', b'<?xml version="1.0"?>\n<a/>', b' <?xml version="1.0"?><a/>', b'<a>&#xZZ;</a>', b'<!DOCTYPE a><a/>', b'<a>]]></a>', b'<a><![CDATA[x]]></a>', '<a>ü</a>'.encode(), b'<a>\xfc</a>', b'<:a/>', b'<a:b/>', b'OK', b'<a x="<"/>', b'<a>\r\n</a>x', b'\xef\xbb\xbf<a/>',
 b'<a>x</a>junk', b'<a>x</a> <!-- c -->', b'<a>x</a><?pi x?>', b'<a b="1">', b'<a\nb="1"/>z', b'<a>\n\n  text', b'<a>&amp;&lt;&#65;&#x41;</a>', b'<a>&#0;</a>', b'<a>&#;</a>', b'<a>& </a>', b'<a>&amp</a>', b'</a>', b'<a></a >', b'<a></ a>', b'< a/>', b'<a/ >', b'<a b/>', b'<a b=/>', b'<a b="x/>', b"<a b='x'/>", b'<a>x<', b'<a>x</', b'<a>x</a', b'<?xml?><a/>', b'<?xml version="1.0" encoding="latin-1"?><a/>', b'<?pi?><a/>', b'<!DOCTYPE', b'<!-x-><a/>', b'<a>\t</a>', b'<a>\x01</a>', b'<Foo>bar</Foo>', b'<Error><Code>NoSuchUpload</Code><Message></Message></Error>', b'<Error><Code/><Message>m</Message></Error>', b'<x:a xmlns:x="u"/>', b'<a xmlns="u"><b/></a>', b'<Error xmlns="http://s3/"><Code>X</Code></Error>', b'"x"', b'%x%', b'<a/>\x00', b'<a x:y="1"/>', b'<a xml:lang="en"/>', b'<a>x<b>y</b>z</a>', b'<!DOCTYPE html><html><body>x</body></html>', b'<html><head><title>502</title></head><body><hr></body></html>', b'not found', b'Internal Server Error', b'<a>1</a>\n', b'\r\n<a>x', b'<a>\xc3</a>', b'<a>ok</a>\xc3', b'<a>&lt;b&gt; &amp; &quot;c&quot;</a>', b'<a b="&lt;"/>', b'<a>\xe2\x80\xa8</a>', b'<a><b>1</b><b>2</b></a>', b'<A></a>']
out = []
for b in corpus:
    try:
        parser = ET.XMLParser(target=ET.TreeBuilder(), encoding='utf-8')
        parser.feed(b); r = parser.close()
        def dump(e): return {'tag': e.tag, 'text': e.text, 'children': [dump(c) for c in e]}
        res = {'ok': True, 'root': dump(r)}
    except ET.ParseError as e:
        res = {'ok': False, 'error': str(e)}
    out.append({'b64': base64.b64encode(b).decode(), 'want': res})
json.dump(out, open(os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), 'test', 'fixtures', 'xml-expat.json'), 'w'), indent=1)
print(f'wrote {len(out)} cases')
