#!/usr/bin/python3
"""Records the output of the AWS CLI's own formatters for many values, as test fixtures for
src/output/{json,text,table,yaml}.ts.

The oracle is the AWS CLI v2 2.9.19 that Debian 12 ships (`apt-get install awscli`: the modules in
/usr/lib/python3/dist-packages/awscli, ruamel.yaml 0.17.21 with ruamel.yaml.clib 0.2.7, colorama
0.4.6, Python 3.11.2). Each value is passed to the formatter classes exactly as the CLI does after
the request: as the result of a --query applied to the response.

    /usr/bin/python3 scripts/gen-formatter-fixtures.py [--verify-cli N]

writes test/fixtures/formatters/{json,text,table,yaml,yaml-stream}.json. With --verify-cli N, the
first N values are also run through the real `/usr/bin/aws` (as a `--query` literal on
`--generate-cli-skeleton output`, stdout not a TTY) and compared with what was recorded.

Fixture format: {"cases": [{"name", "value", "shared"?, ("expected" | "error"), ...}]}. "value" is
the value as Python JSON text (ints stay ints, floats keep their '.'/exponent, key order kept); in
it, the string "\\u0000ref:NAME" stands for the object "shared"[NAME] (the same object each time:
the YAML dumper anchors repeated objects). "error" is {"type", "message", "partial"} for a value
that makes the CLI raise (partial = stdout already written).
"""
import argparse
import io
import json
import math
import os
import random
import subprocess
import sys
import types

import colorama
from colorama.ansitowin32 import AnsiToWin32

import awscli
from awscli.formatter import (JSONFormatter, StreamedYAMLFormatter, TableFormatter,
                              TextFormatter, YAMLFormatter)

HERE = os.path.dirname(os.path.abspath(__file__))
OUT_DIR = os.path.join(HERE, '..', 'test', 'fixtures', 'formatters')
TITLE = 'AbortMultipartUpload'
REF = '\u0000ref:'
TABLE_VARIANTS = [
    # (name, color, terminal width)
    ('w80', 'off', 80),
    ('w80-color', 'on', 80),
    ('w40', 'off', 40),
    ('w20', 'off', 20),
    ('w120', 'off', 120),
    ('w0', 'off', 0),
    ('w20-color', 'on', 20),
]


class FixedQuery:
    """Stands for a compiled --query whose result is the value under test."""

    def __init__(self, value):
        self.value = value

    def search(self, data):
        return self.value


def args_for(value, color='off'):
    return types.SimpleNamespace(query=FixedQuery(value), color=color)


def response():
    # what botocore returns for AbortMultipartUpload before the formatter removes the metadata
    return {'ResponseMetadata': {'RequestId': 'REQ123', 'HTTPStatusCode': 204}}


def run(fn):
    stream = io.StringIO()
    try:
        fn(stream)
    except Exception as e:  # the CLI's general handler reports these (rc 255)
        return {'error': {'type': type(e).__name__, 'message': str(e), 'partial': stream.getvalue()}}
    return {'expected': stream.getvalue()}


def fmt_json(value):
    return run(lambda s: JSONFormatter(args_for(value))(TITLE, response(), s))


def fmt_text(value):
    return run(lambda s: TextFormatter(args_for(value))(TITLE, response(), s))


def fmt_yaml(value):
    return run(lambda s: YAMLFormatter(args_for(value))(TITLE, response(), s))


def fmt_yaml_stream(value):
    return run(lambda s: StreamedYAMLFormatter(args_for(value))(TITLE, response(), s))


def fmt_table(value, color, width):
    def go(stream):
        f = TableFormatter(args_for(value, color))
        f.table._terminal_width = width
        if color == 'on':
            # what colorama.init(autoreset=True, strip=False) does to sys.stdout
            stream_w = AnsiToWin32(stream, convert=False, strip=False, autoreset=True).stream
        else:
            stream_w = stream
        f(TITLE, response(), stream_w)
    out = run(go)
    if color == 'on':
        colorama.deinit()
    return out


# ---------------------------------------------------------------------------------------------
# The values

def s(n, word='word'):
    """A sentence of about n characters."""
    words = []
    total = 0
    i = 0
    while total < n:
        w = '%s%d' % (word, i)
        words.append(w)
        total += len(w) + 1
        i += 1
    return ' '.join(words)


YAML_STRINGS = [
    '', ' ', '  ', ' lead', 'trail ', 'mid dle', 'a  b', 'a: b', 'a:b', 'a:', ':a', ':', ': a', 'a #b',
    'a#b', '#x', '# x', '-x', '- x', '-', '--', '---', '--- x', '---x', '...', '....', '..', '?', '?x',
    '? x', 'a?', 'yes', 'no', 'on', 'off', 'y', 'n', 'Y', 'N', 'Yes', 'NO', 'true', 'True', 'TRUE',
    'tRue', 'false', 'False', 'FALSE', 'null', 'Null', 'NULL', 'nUll', '~', '~x', 'none', 'None',
    '123', '-123', '+1', '+', '0', '00', '007', '0x1F', '0X1F', '0o17', '0o', '017', '08', '0b101',
    '0b2', '1_000', '_1', '-_', '1.5', '.5', '1.', '1.2.3', '1e5', '1E5', '1e+5', '1e-5', '1.5e5',
    '.5e+5', '.5e5', '.inf', '-.inf', '+.inf', '.Inf', '.INF', '.nan', '.NaN', '.NAN', '-.nan', 'inf',
    'nan', 'NaN', 'Infinity', '2001-12-14', '2001-1-14', '2001-12-14t21:59:43.10-05:00',
    '2001-12-14 21:59:43.10 -5', '2001-12-14T21:59:43Z', '2001-12-14 21:59', '2023-01-01T00:00:00.000Z',
    '12:30', '1:2:3', '<<', '<', '=', '==', '!', '!x', '&', '&a', '*', '*a', '|', '|x', '>', '>x', "'q'",
    "it's", '"dq"', 'say "hi"', '%', '%x', '@', '@x', '`', '`x', '[a]', '[', ']', '{a}', '{', '}', 'a,b',
    ',', ',a', 'a[b]', 'a{b}', 'a]', 'a}', 'a\nb', 'a\n\nb', 'a\n\n\nb', 'a \nb', 'a\n b', '\nlead',
    'trail\n', '\n', '\n\n', 'a\rb', 'a\r\nb', 'a\tb', '\t', 'tab\t', 'a\\b', '\\', 'a/b', 'a\x00b',
    'a\x01b', '\x07\x08\x0b\x0c\x1b', 'a\x7fb', 'a\x85b', 'a\xa0b', '\xa0', 'a\u2028b', 'a\u2029b',
    '\u2028', 'a\ufeffb', '\ufeff', 'a\ufffeb', 'a\uffffb', 'a\ue000b', 'héllo', 'ß', 'Straße',
    '日本語', '日本語のテキスト', '😀', 'a😀b', '👍🏽', 'e\u0301', 'עברית', 'Ａ', '±×÷', 'αβγ', 'Ωmega',
    'x' * 79, 'x' * 80, 'x' * 81, 'x' * 200, s(70), s(79), s(80), s(81), s(85), s(120), s(200),
    s(300, 'w'), 'a ' * 60, 'word  ' * 25, (' ' + s(100)), (s(100) + ' '), '- ' + s(120),
    'x: ' + s(120), s(120).replace(' ', '\n'), s(150).replace('word1', 'wo\nrd1'), s(120) + '\t',
    'tab\t' + s(120), s(90) + '  ' + s(30), '"' + s(120) + '"', "'" + s(120) + "'",
    '日本語 ' * 30, 'é' * 100, 'é ' * 60, ('x' * 78) + ' yy', ('x' * 79) + ' yy', ('x' * 80) + ' y',
    ('x' * 81) + '  y', ('x' * 100) + ' ' + ('b' * 20) + ' c', s(100) + '\n' + s(100),
    '\x01' + s(120), s(120) + '\x85' + s(20), s(120) + '\u2028' + s(40), 'a' * 90 + ' \u2028b',
]

FLOATS = [
    0.0, -0.0, 1.0, -1.0, 0.5, 0.1, 0.2 + 0.1, 1.5, 2.5, 100.0, 1e3, 1e15, 1e16, 1e17, 1e22, 1e100,
    1.5e300, 1.7976931348623157e308, 5e-324, 1e-7, 1e-5, 1e-4, 0.0001, 0.00012345, 123456789.123,
    12345678901234567.0, -1e-5, 3.141592653589793, 2.0 ** 53, 2.0 ** 53 + 2, 1 / 3, -2.5e-10,
    float('nan'), float('inf'), float('-inf'),
]

INTS = [0, 1, -1, 42, 10 ** 15, 2 ** 53 + 1, 2 ** 63 - 1, 2 ** 63, -2 ** 63, 2 ** 64,
        12345678901234567890, -2 ** 70, 10 ** 30]

KEYS = [
    'a', 'b', 'B', 'Z', '_', 'key', 'Key', 'name', 'Name', 'Size', 'ETag', 'RequestCharged', 'UploadId',
    '', ' ', '1', '10', '2', 'ß', 'é', 'Ä', 'z', 'ｆｕｌｌ', '日本', '😀', '\uff21', '\U0001F600x', 'null',
    'true', 'a b', 'a:b', 'a: b', '-', '- x', '#', 'fi\ufb01', 'ǅ', 'ŉ', 'ΐ', 'Ⓐⓑ',
]


def spec_cases():
    cases = [
        ('empty-dict', {}),
        ('none', None),
        ('empty-list', []),
        ('empty-str', ''),
        ('false', False),
        ('true', True),
        ('zero', 0),
        ('zero-float', 0.0),
        ('neg-zero-float', -0.0),
        ('list-none', [None]),
        ('charged', {'RequestCharged': 'requester'}),
        ('charged-weird', {'RequestCharged': 'weird'}),
        ('skeleton-output', {'RequestCharged': 'RequestCharged'}),
        ('spec-text-1', {'a': None, 'b': 'x'}),
        ('spec-text-2', [1, 'a', True, 2.5]),
        ('spec-text-3', {'n': [], 'm': {}, 'x': [{'a': 1}, {'b': [1, 2]}], 'y': 1.5, 'z': True}),
        ('str-top', 'héllo'),
        ('str-top-x', 'x'),
        ('int-top', 5),
        ('float-top', 1.0),
        ('float-top-small', 1e-7),
        ('float-top-nan', float('nan')),
        ('float-top-inf', float('inf')),
        ('big-int-top', 12345678901234567890),
        ('list-str', ['x']),
        ('list-empty-str', ['']),
        ('list-empty-list', [[]]),
        ('list-empty-dict', [{}]),
        ('list-list-str', [['x']]),
        ('dict-empty-values', {'a': [], 'b': {}, 'c': '', 'd': None}),
    ]
    return cases


def structure_cases():
    c = []
    add = lambda name, v: c.append((name, v))
    add('aws-list-uploads', {
        'Bucket': 'my-bucket', 'KeyMarker': '', 'UploadIdMarker': '', 'NextKeyMarker': 'k2',
        'MaxUploads': 1000, 'IsTruncated': False,
        'Uploads': [
            {'UploadId': 'abc' * 10, 'Key': 'k1', 'Initiated': '2023-01-01T00:00:00.000Z',
             'StorageClass': 'STANDARD', 'Owner': {'DisplayName': 'me', 'ID': 'a' * 64},
             'Initiator': {'ID': 'arn:aws:iam::123456789012:user/me', 'DisplayName': 'me'}},
            {'UploadId': 'def', 'Key': 'k2/日本語.txt', 'Initiated': '2023-01-02T00:00:00.000Z',
             'StorageClass': 'GLACIER', 'Owner': {'DisplayName': 'you', 'ID': 'b' * 64}},
        ],
        'CommonPrefixes': [{'Prefix': 'p/'}, {'Prefix': 'q/'}],
    })
    add('list-of-dicts-diff-keys', [{'a': 1, 'b': 2}, {'b': 3, 'c': 4}, {'d': None}])
    add('list-of-dicts-late-keys', [{'a': 1}, {'a': 2, 'b': 'x'}, {'a': 3, 'c': [1, 2]}])
    add('list-of-dicts-inner', [{'Name': 'n1', 'Tags': [{'Key': 'k', 'Value': 'v'}]},
                                {'Name': 'n2', 'Tags': []}, {'Name': 'n3'}])
    add('list-dicts-scalar-and-list-same-key', [{'a': 1}, {'a': [1, 2]}, {'a': {'x': 1}}, {'a': 0}])
    add('dict-inner-tables', {'Outer': {'Inner': {'Deep': {'x': 1, 'y': 2}, 'v': 'w'}, 'z': 3}, 'top': 't'})
    add('dict-single-scalar', {'only': 'value'})
    add('dict-two-scalars', {'b': 2, 'a': 1})
    add('dict-list-of-scalars', {'L': [1, 2, 3], 's': 'x'})
    add('dict-list-of-lists', {'L': [[1, 2], [3, 4]], 'M': [[1], [2, 3]]})
    add('list-of-lists', [[1, 2], [3, 4], [5, 6]])
    add('list-of-lists-ragged', [[1, 2], [3]])
    add('list-of-lists-nested', [[1, [2, 3]], [4]])
    add('list-lists-dicts', [[{'a': 1}, {'a': 2}], [{'a': 3, 'b': {'c': 1}}, {'a': 4, 'b': {'c': 2}}]])
    add('list-mixed-scalars', [1, 'two', 3.0, None, True, False])
    add('list-mixed-scalars-lists', [1, [2, 3], 'x', [4, [5, 6]], [], 7])
    add('list-scalar-then-dict', [1, {'a': 1, 'b': 2}])
    add('list-scalar-then-dicts', ['s', {'a': 1}, {'b': 2}])
    add('list-scalar-then-empty-dict', [1, {}])
    add('list-dict-then-scalar', [{'a': 1}, 5])
    add('list-dict-then-str', [{'a': 1}, 'xy'])
    add('list-dict-then-empty-str', [{'a': 1}, ''])
    add('list-dict-then-empty-list', [{'a': 1}, []])
    add('list-dict-nonscalar-then-empty-list', [{'a': [1]}, []])
    add('list-dict-nonscalar-then-empty-str', [{'a': [1]}, ''])
    add('list-dict-then-list-int', [{'a': 1}, [0]])
    add('list-dict-nonscalar-then-list-int', [{'a': [1]}, [0]])
    add('list-dict-then-list-oob', [{'a': 1}, [5]])
    add('list-dict-then-list-str', [{'a': 1}, ['a']])
    add('list-dict-then-list-big', [{'a': 1}, [10 ** 30]])
    add('list-dict-then-none', [{'a': 1}, None])
    add('list-dict-then-float', [{'a': 1}, 1.5])
    add('list-dict-then-bool', [{'a': 1}, True])
    add('list-empty-dicts', [{}, {}])
    add('list-empty-dict-then-empty', [{}, []])
    add('list-list-then-longer', [[], [1]])
    add('list-header-then-rows', [[1, 2, 3], [{'a': 1}]])
    add('list-header-longer', [[1], [{'a': 1, 'b': 2, 'c': 3}]])
    add('list-header-shorter', [[1, 2], [{'a': 1}]])
    add('list-nested-dict-lists', [[{'a': 1, 'm': [1]}, {'a': 2, 'm': [2]}]])
    add('deep', {'l1': {'l2': {'l3': {'l4': {'l5': [1, {'l6': 'deep'}]}}}}})
    add('deep-list', [[[[['x']]]]])
    add('wide-row', {'a' * 30: 'x' * 30, 'b' * 30: 'y' * 30})
    add('wide-3col', {'Column1': 'value number one', 'Column2': 'value number two', 'Column3': 'three'})
    add('wide-title-only', {'k': {'x' * 100: [1]}})
    add('cjk-table', [{'名前': '日本語のテキスト', 'サイズ': 12345}, {'名前': '中文', 'サイズ': 1}])
    add('ambiguous-width', {'±': 'αβγ', '×': '÷', 'emoji': '😀'})
    add('float-table', {'f': 1.0, 'g': 1e-7, 'h': 1e16, 'i': float('nan'), 'j': -0.0})
    add('bigint-table', {'i': 12345678901234567890, 'j': -2 ** 70})
    add('nested-str-repr', {'a': [{'x': 'it\'s', 'y': 'q"'}], 'b': 1})
    add('row-repr-values', [{'a': 'x'}, {'a': ['é', '日本', 'a\nb', '\x01', "it's", 1.5, None, True]},
                            {'a': {'k': 'v', 'n': [1]}}])
    add('scale-odd', {'abc': 'defgh', 'ijklmnop': 'q', 'r': 'stuvwxyz012'})
    for n in range(1, 6):
        add('n-cols-%d' % n, {('c%d' % i) * (i + 1): 'v' * (n * 3 + i) for i in range(n)})
    add('vertical-many', {('Key%d' % i): ('Value%d' % i) * 2 for i in range(8)})
    add('vertical-nested', {'A': {('Key%d' % i): ('Value%d' % i) * 2 for i in range(8)},
                            'B': [{('K%d' % i): i for i in range(6)}, {('K%d' % i): i * 2 for i in range(6)}]})
    add('title-key-empty', {'': {'a': 1, 'b': 2}, 'x': 'y'})
    add('title-none-section', [['s'], [{'a': 1, 'm': {'x': 1}}, {'a': 2, 'm': {'x': 2}}]])
    add('text-identifiers', {'lower': ['a', 'b'], 'straße': ['x'], 'ﬁle': [1], 'ŉ': [2], 'ǅ': [3],
                             'ΐ': [4], '日本': [5], 'abcß': [{'k': 1}], 'Ⓐⓑ': [6]})
    add('text-nested-identifiers', {'Outer': [{'Inner': [{'x': 1}, {'y': [1, 2]}]}, {'Inner': []}]})
    add('text-list-mixed-dicts', [{'a': 1}, 2])
    add('text-partial-then-crash', {'a': 1, 'b': [{'x': 1}, 'oops']})
    add('text-dict-list-dict-mix', {'z': {'q': 1}, 'a': [[1, 2], [{'k': 'v'}]]})
    add('key-sort-codepoints', {'\uff21': 1, '\U0001F600': 2, 'a': 3, 'B': 4, '\ue000': 5, 'é': 6})
    add('keys-all', {k: i for i, k in enumerate(KEYS)})
    add('keys-all-nested', [{k: [i] for i, k in enumerate(KEYS[:10])}])
    add('long-key-128', {'k' * 128: 'v'})
    add('long-key-129', {'k' * 129: 'v'})
    add('long-key-utf8', {'é' * 64: 'v', 'é' * 65: 'w'})
    add('long-key-cjk', {'日' * 42: 1, '日' * 43: 2})
    add('multiline-key', {'a\nb': 1, 'c': {'d\ne': [1, 2], 'f\n': {'g': 1}}})
    add('key-needs-quotes', {'123': 1, 'null': 2, '': 3, ' x': 4, 'true': 5, 'a: b': 6, '-': 7, '#': 8})
    add('key-tab', {'a\tb': 1, '\x01': 2})
    add('yaml-seq-in-seq', [[1, 2], [[3, [4]]], [{'a': 1}, [{'b': [2]}]]])
    add('yaml-map-in-seq', [{'a': 1, 'b': {'c': [1, {'d': 'e'}]}}, {}])
    add('yaml-long-values-nested', {'level1': {'level2': [{'level3': s(150)}, s(120), ['x' * 90 + ' y']]}})
    add('yaml-empty-nested', {'a': [[], {}, [[]], [{}]], 'b': {'c': {}, 'd': []}})
    add('yaml-all-scalars', {'i': 1, 'f': 1.5, 'b': True, 'n': None, 's': 's', 'e': '', 'big': 10 ** 30})
    return c


def scalar_cases():
    c = []
    for i, v in enumerate(YAML_STRINGS):
        c.append(('str-%03d' % i, v))
    for i, v in enumerate(FLOATS):
        c.append(('float-%03d' % i, v))
    for i, v in enumerate(INTS):
        c.append(('int-%03d' % i, v))
    return c


def wrapped_scalar_cases():
    """Scalars inside a dict and a list (the YAML emitter only sees them there)."""
    c = []
    for i, v in enumerate(YAML_STRINGS):
        c.append(('in-dict-str-%03d' % i, {'k': v}))
        c.append(('in-list-str-%03d' % i, [v]))
        c.append(('as-key-str-%03d' % i, {v: 'v'}))
    c.append(('in-dict-floats', {'f%02d' % i: v for i, v in enumerate(FLOATS)}))
    c.append(('in-list-floats', list(FLOATS)))
    c.append(('in-dict-ints', {'i%02d' % i: v for i, v in enumerate(INTS)}))
    c.append(('in-list-ints', list(INTS)))
    c.append(('in-list-long-nested', [[s(100)], {'k': [s(100), {'kk': s(100)}]}]))
    return c


def random_cases(n, seed=1234):
    rnd = random.Random(seed)
    scalars = (['x', 'y', 'hello world', '', 'héllo', '日本語', 'a: b', '123', 'null', 'true', '-x',
                ' lead', 'tab\tc', 'multi\nline', '😀', s(90), 'ß', 'x' * 40]
               + [0, 1, -5, 10 ** 20, 1.0, 2.5, 1e-7, 1e16, -0.0, None, True, False])
    keys = ['Name', 'Key', 'Size', 'Id', 'Tags', 'Value', 'a', 'b', 'c', 'Z', 'é', '日本', 'Items',
            'Owner', 'x y', '1', '']

    def scalar():
        return rnd.choice(scalars)

    def value(depth):
        r = rnd.random()
        if depth <= 0 or r < 0.35:
            return scalar()
        if r < 0.6:
            return {rnd.choice(keys): value(depth - 1) for _ in range(rnd.randint(0, 4))}
        if r < 0.75:
            return [value(depth - 1) for _ in range(rnd.randint(0, 3))]
        if r < 0.9:
            # a list of dicts with (mostly) the same keys, as AWS responses have
            ks = rnd.sample(keys, rnd.randint(1, 4))
            out = []
            for _ in range(rnd.randint(1, 3)):
                d = {}
                for k in ks:
                    if rnd.random() < 0.85:
                        d[k] = value(depth - 2) if rnd.random() < 0.3 else scalar()
                out.append(d)
            return out
        return [scalar() for _ in range(rnd.randint(1, 4))]

    out = []
    for i in range(n):
        v = value(4)
        if rnd.random() < 0.6 and not isinstance(v, dict):
            v = {rnd.choice(keys): v, 'Other': scalar()}
        out.append(('random-%03d' % i, v))
    return out


FUZZ_ALPHABET = (list('abcxyzABZ0123456789') * 3 + list(' ' * 12) +
                 list(':#-?\'"\\,[]{}&*!|>%@`.~_=<+/') +
                 ['\n', '\n', '\t', '\r', 'é', 'ß', 'ﬁ', '日', '本', '😀', '\x85', '\u2028', '\xa0',
                  '\ufeff', '\x00', '\x01', '\x1b', '\x7f', '±', 'Ａ', '\ue000', '\U0001F600'])


def fuzz_cases(n, seed):
    """Nastier random values (random text, keys, nesting) for a one-off differential run."""
    rnd = random.Random(seed)

    def text(maxlen):
        n = rnd.choice([0, 1, 2, 3, 5, 8, 20, 40, 79, 80, 81, 90, 120, 200])
        n = min(n, maxlen)
        return ''.join(rnd.choice(FUZZ_ALPHABET) for _ in range(n))

    def scalar():
        r = rnd.random()
        if r < 0.55:
            return text(200)
        if r < 0.65:
            return rnd.choice(YAML_STRINGS)
        if r < 0.75:
            return rnd.choice(FLOATS + [rnd.uniform(-1e6, 1e6), rnd.random() * 10 ** rnd.randint(-30, 30)])
        if r < 0.85:
            return rnd.choice(INTS + [rnd.randint(-10 ** 6, 10 ** 6)])
        return rnd.choice([None, True, False])

    def key():
        return rnd.choice(KEYS) if rnd.random() < 0.5 else text(40)

    def value(depth):
        r = rnd.random()
        if depth <= 0 or r < 0.3:
            return scalar()
        if r < 0.55:
            return {key(): value(depth - 1) for _ in range(rnd.randint(0, 5))}
        if r < 0.7:
            return [value(depth - 1) for _ in range(rnd.randint(0, 4))]
        ks = [key() for _ in range(rnd.randint(1, 4))]
        return [{k: (value(depth - 2) if rnd.random() < 0.3 else scalar()) for k in ks if rnd.random() < 0.85}
                for _ in range(rnd.randint(1, 3))]

    return [('fuzz-%05d' % i, value(rnd.randint(0, 5))) for i in range(n)]


def shared_cases():
    """(name, template, shared): strings REF+NAME in template (and in later shared values) are
    replaced by the same object."""
    return [
        ('shared-dict-in-list', [REF + 'd', REF + 'd'], {'d': {'RequestCharged': 'requester'}}),
        ('shared-list-in-dict', {'b': REF + 'l', 'a': REF + 'l', 'c': [REF + 'l']}, {'l': [1, 2]}),
        ('shared-empty-list', [REF + 'e', REF + 'e', {'k': REF + 'e'}], {'e': []}),
        ('shared-empty-dict', {'x': REF + 'e', 'y': REF + 'e'}, {'e': {}}),
        ('shared-two', [REF + 'p', REF + 'q', REF + 'q', REF + 'p'], {'p': {'a': 1}, 'q': ['z']}),
        ('shared-nested', {'outer': REF + 'o', 'again': REF + 'o', 'inner': REF + 'i'},
         {'i': {'v': [1]}, 'o': {'i': REF + 'i', 'j': REF + 'i'}}),
        ('shared-seq-value', {'k': REF + 'l', 'm': {'n': REF + 'l'}}, {'l': [{'a': 1}, 'b']}),
        ('shared-top-in-stream', [REF + 'd', {'x': REF + 'd'}], {'e': {}, 'd': {'a': [REF + 'e', REF + 'e']}}),
    ]


def build_shared(template, shared):
    objs = {}

    def sub(v):
        if isinstance(v, str) and v.startswith(REF):
            return objs[v[len(REF):]]
        if isinstance(v, list):
            return [sub(x) for x in v]
        if isinstance(v, dict):
            return {k: sub(x) for k, x in v.items()}
        return v

    for name, v in shared.items():
        objs[name] = sub(v)
    return sub(template)


def pyjson(v):
    return json.dumps(v, ensure_ascii=True, allow_nan=True)


def all_values(fuzz=0, seed=1):
    out = []
    values = (fuzz_cases(fuzz, seed) if fuzz else
              spec_cases() + structure_cases() + scalar_cases() + wrapped_scalar_cases() + random_cases(320))
    for name, v in values:
        out.append({'name': name, 'value': pyjson(v), 'obj': v})
    for name, template, shared in ([] if fuzz else shared_cases()):
        out.append({'name': name, 'value': pyjson(template),
                    'shared': {k: pyjson(x) for k, x in shared.items()},
                    'obj': build_shared(template, shared)})
    names = [c['name'] for c in out]
    assert len(names) == len(set(names)), 'duplicate case names'
    return out


def verify_cli(values, n):
    """Runs the real CLI on some values (stdout piped, so table width 80)."""
    env = dict(os.environ, AWS_ACCESS_KEY_ID='AKID', AWS_SECRET_ACCESS_KEY='SECRET',
               AWS_DEFAULT_REGION='us-east-1', AWS_PAGER='', AWS_CONFIG_FILE='/nonexistent',
               AWS_SHARED_CREDENTIALS_FILE='/nonexistent')
    checked = 0
    bad = 0
    for case in values[:n]:
        if 'shared' in case:
            continue
        literal = case['value'].replace('`', '\\`')
        for fmt, rec in case['recorded'].items():
            argv = ['/usr/bin/aws', 's3api', 'abort-multipart-upload', '--generate-cli-skeleton', 'output',
                    '--bucket', 'b', '--key', 'k', '--upload-id', 'u', '--query', '`%s`' % literal]
            if fmt.startswith('table-'):
                variant = fmt[len('table-'):]
                if variant not in ('w80', 'w80-color'):
                    continue
                argv += ['--output', 'table'] + (['--color', 'on'] if variant == 'w80-color' else [])
            else:
                argv += ['--output', fmt]
            p = subprocess.run(argv, env=env, capture_output=True)
            got = p.stdout.decode('utf-8', 'surrogateescape')
            want = rec.get('expected', rec.get('error', {}).get('partial'))
            checked += 1
            if got != want or (p.returncode != 0) != ('error' in rec):
                bad += 1
                print('CLI MISMATCH %s %s rc=%d\n  cli: %r\n  rec: %r\n  err: %r' % (
                    case['name'], fmt, p.returncode, got, rec, p.stderr[-300:]), file=sys.stderr)
    print('verified against the CLI: %d outputs, %d mismatches' % (checked, bad))
    return bad == 0


def table_variants(name):
    # the many one-scalar values only need the usual widths
    if name.split('-')[0] in ('str', 'float', 'int', 'in', 'as'):
        return [t for t in TABLE_VARIANTS if t[0] in ('w80', 'w80-color', 'w20')]
    if name.startswith('fuzz-'):
        h = sum(map(ord, name))
        return [('w80', 'off', 80), ('w%d' % (h % 150), 'off', h % 150), ('w%d-color' % (h % 97), 'on', h % 97)]
    return TABLE_VARIANTS


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--verify-cli', type=int, default=0, metavar='N')
    ap.add_argument('--fuzz', type=int, default=0, metavar='N',
                    help='record N nastier random values instead (use with --out; run the tests with '
                         'FORMATTER_FIXTURES_DIR=that folder)')
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--out', default=OUT_DIR)
    opts = ap.parse_args()
    assert awscli.__version__ == '2.9.19', 'run with the Python of Debian\'s awscli 2.9.19: /usr/bin/python3'
    values = all_values(opts.fuzz, opts.seed)
    files = {'json': [], 'text': [], 'table': [], 'yaml': [], 'yaml-stream': []}
    for case in values:
        v = case['obj']
        base = {'name': case['name'], 'value': case['value']}
        if 'shared' in case:
            base['shared'] = case['shared']
        rec = {
            'json': fmt_json(v),
            'text': fmt_text(v),
            'yaml': fmt_yaml(v),
            'yaml-stream': fmt_yaml_stream(v),
        }
        for variant, color, width in table_variants(case['name']):
            rec['table-' + variant] = fmt_table(v, color, width)
        case['recorded'] = rec
        for fmt in ('json', 'text', 'yaml', 'yaml-stream'):
            files[fmt].append(dict(base, **rec[fmt]))
        for variant, color, width in table_variants(case['name']):
            files['table'].append(dict(base, variant=variant, color=color == 'on', terminalWidth=width,
                                       **rec['table-' + variant]))
    os.makedirs(opts.out, exist_ok=True)
    for fmt, cases in files.items():
        path = os.path.join(opts.out, fmt + '.json')
        with open(path, 'w', encoding='utf-8') as f:
            # one case a line
            f.write('{"generator": "scripts/gen-formatter-fixtures.py",\n')
            f.write(' "oracle": %s,\n' % json.dumps('awscli %s, Python %s' % (awscli.__version__, sys.version.split()[0])))
            f.write(' "cases": [\n')
            f.write(',\n'.join('  ' + json.dumps(c, ensure_ascii=True) for c in cases))
            f.write('\n ]}\n')
        errors = sum(1 for c in cases if 'error' in c)
        print('%s: %d cases (%d raise)' % (path, len(cases), errors))
    if opts.verify_cli:
        if not verify_cli(values, opts.verify_cli):
            sys.exit(1)


if __name__ == '__main__':
    main()
