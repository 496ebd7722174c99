#!/usr/bin/python3
"""Records what the real AWS CLI prints for thousands of generated JSON values and --query
expressions, through each of its five output formats, as fixtures for
test/output/cli-differential.test.ts.

The oracle is Debian 12's AWS CLI v2 2.9.19 (/usr/bin/aws, /usr/lib/python3/dist-packages/awscli,
Python 3.11). Every case runs

    aws s3api abort-multipart-upload --generate-cli-skeleton output --bucket b --key k --upload-id u \\
        --output FORMAT --query '`VALUE` | EXPR'

`--generate-cli-skeleton output` runs the normal pipeline with a stubbed client, so the query is
applied to the stub response and its result goes through the output formatter: the JMESPath
literal makes the CLI print any JSON value, and EXPR is evaluated on it.

Spawning the CLI per case (~0.35 s) is too slow for ~12,000 cases, so the CLI runs in-process: each
run calls the entry point /usr/bin/aws calls (awscli.clidriver.AWSCLIEntryPoint(driver).main(argv))
with sys.stdout/sys.stderr replaced by text wrappers over temporary files made like CPython's own
(same encoding, error handler and newline handling, a real file descriptor that is not a terminal).
Each value gets a fresh driver and session (create_clidriver, as the entry point makes them),
shared by its five formats: building one costs most of a run. The script first re-executes itself
in the clean environment the conformance harness gives the CLI (empty HOME, LANG=C.UTF-8,
TERM=dumb, fake keys, AWS_PAGER="", AWS_DEFAULT_REGION), so Python's stdio is configured as the
spawned CLI's is. Two checks guard the shortcut: --check-fresh N records N random values again with
a fresh driver per run, and --verify N spawns the real /usr/bin/aws for N random values (x 5
formats); both must give the same bytes as the recording.

    /usr/bin/python3 scripts/gen-cli-differential.py [--values 2400] [--seed 5] [--jobs 2] \
        [--check-fresh 300] [--verify 150]

Fixture files test/fixtures/cli-differential/cases-NN.json:
  {"argv": [...before --output], "cases": [{"id", "value", "expr", "results": {FORMAT: {"rc",
  "stdout", "stderr"?}}}]}
"value" is the literal's JSON text; the query is "`" + value with each "`" written "\\`" + "`",
followed by " | " + expr when expr is not empty. stderr is left out when empty.

Values are never lone surrogates (the CLI fails writing them to stdout), and lists stay far below
64 items (CPython's sort switches from binary insertion sort there, which orders NaN differently).
"""
import argparse
import io
import json
import os
import random
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
OUT_DIR = os.path.join(HERE, '..', 'test', 'fixtures', 'cli-differential')
ARGV = ['s3api', 'abort-multipart-upload', '--generate-cli-skeleton', 'output',
        '--bucket', 'b', '--key', 'k', '--upload-id', 'u']
FORMATS = ['json', 'text', 'table', 'yaml', 'yaml-stream']
PER_FILE = 300
CLEAN_MARK = 'S3ABORT_DIFF_CLEAN_ENV'


def clean_env(home):
    return {'PATH': '/usr/bin:/bin', 'HOME': home, 'LANG': 'C.UTF-8', 'TERM': 'dumb',
            'AWS_ACCESS_KEY_ID': 'AKIAIOSFODNN7EXAMPLE',
            'AWS_SECRET_ACCESS_KEY': 'wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY',
            'AWS_DEFAULT_REGION': 'us-east-1', 'AWS_EC2_METADATA_DISABLED': 'true', 'AWS_PAGER': ''}


def reexec_clean():
    """Runs this script again with only the clean environment (and stdin from /dev/null)."""
    if os.environ.get(CLEAN_MARK):
        return
    home = tempfile.mkdtemp(prefix='cli-diff-home-')
    os.makedirs(os.path.join(home, '.aws'))
    env = clean_env(home)
    env[CLEAN_MARK] = '1'
    fd = os.open(os.devnull, os.O_RDONLY)
    os.dup2(fd, 0)
    os.execve(sys.executable, [sys.executable, os.path.abspath(__file__)] + sys.argv[1:], env)


# ---------------------------------------------------------------------------------------------
# Values

def sentence(rnd, n):
    words = ['alpha', 'beta', 'gamma', 'delta', 'the', 'quick', 'brown', 'fox', 'x', 'longerword']
    out = []
    while sum(len(w) + 1 for w in out) < n:
        out.append(rnd.choice(words))
    return ' '.join(out)


FIXED_STRINGS = [
    '', ' ', '   ', '\t', '\n', ' \t\n ', 'a', 'x y', 'hello world', 'héllo', 'Straße', 'ß', 'ﬁle',
    '日本語', '日本語のテキスト', '中文字符', '한국어', 'ｆｕｌｌｗｉｄｔｈ', 'Ａ', 'ｶﾀｶﾅ', '😀', 'a😀b', '👍🏽', '👨‍👩‍👧',
    '𝔘𝔫𝔦𝔠𝔬𝔡𝔢', '𠀀𠀁', 'e\u0301', 'a\u0300\u0301\u0302', '\u0301', 'עברית', 'مرحبا بالعالم',
    'abc\u200fdef', '\u202eRTL override', 'zero\u200bwidth', '\u00ad', 'tab\tsep', 'multi\nline',
    'cr\rlf', 'crlf\r\n', 'nul\x00byte', '\x01\x02\x1f', 'esc\x1b[31mred', 'del\x7f', 'c1\x85\x9f',
    'nbsp\xa0', 'ls\u2028ps\u2029', 'bom\ufeff', '\ufffd', 'pua\ue000', 'nonchar\uffff',
    '"quoted"', "it's", 'back\\slash', '\\', '\\\\', '`', 'back`tick', '\\`', 'a`b`c', "'`\"\\",
    'null', 'None', 'true', 'True', 'false', 'yes', 'no', 'on', 'off', '~', '123', '-1', '1.5',
    '1e5', '0x1F', '007', '.inf', '.nan', 'NaN', '2001-12-14', '12:30', '-', '- x', '---', '...',
    ': x', 'a: b', '#c', 'a #b', '?', '!tag', '&anchor', '*alias', '|', '>', '%', '@', '[a]', '{a}',
    ',', 'a,b', ' lead', 'trail ', 'x' * 79, 'x' * 81, 'é' * 30, '日' * 30, '😀' * 20,
]

# (text of the JSON number, Python value); the text is what goes into the literal
FLOAT_TEXTS = [
    '0.1', '0.2', '0.30000000000000004', '1e16', '1e+16', '1E16', '1.5e-07', '1.5e-7', '-0.0', '-0',
    '0.0', '1e308', '1.7976931348623157e308', '5e-324', '2.2250738585072014e-308', '123456789.123456789',
    '2.0', '-2.0', '100.0', '1e0', '1.0e2', '100E-2', '1e-5', '0.0001', '0.00001', '1e22', '1e21',
    '12345678901234567.0', '9007199254740993.0', '3.141592653589793', '0.1e1', '-1.5e300', '4.35',
    '1e400', '-1e400', '1e-400', '0.5', '2.5', '1.25e-10',
]
RARE_FLOAT_TEXTS = ['NaN', 'Infinity', '-Infinity']
INT_TEXTS = [
    '0', '1', '-1', '42', '-42', '255', '65536', '2147483647', '-2147483648', '9007199254740991',
    '9007199254740992', '9007199254740993', '-9007199254740993', '18446744073709551615',
    '18446744073709551616', '-18446744073709551617', '9223372036854775807', '-9223372036854775808',
    '123456789012345678901234567890', '-99999999999999999999999999', '100000000000000000000', '10',
]

KEY_POOL = [
    'a', 'b', 'c', 'x', 'Name', 'Key', 'Size', 'Id', 'Tags', 'Value', 'Items', 'Owner', 'ETag',
    'UploadId', 'StorageClass', 'IsTruncated', 'RequestCharged', 'foo', 'bar', 'foo_bar', '_under',
    'CamelCase', 'k1', 'k2', 'n',
]
ODD_KEYS = [
    '', ' ', 'a b', 'a-b', 'a.b', '1', '10', '2x', 'é', 'ß', '日本', '😀', 'key"quote', "key'apos",
    'back\\slash', 'tick`key', 'a:b', 'a: b', '#', '-', '@', '*', '[0]', 'null', 'true', 'new\nline',
    'tab\tkey', 'ｆｕｌｌ', 'e\u0301', 'עב', '\x01', 'k' * 40,
]


class Gen:
    def __init__(self, seed):
        self.rnd = random.Random(seed)
        # value texts keep the literal's own spelling of numbers: a placeholder string stands for
        # the number text until the JSON text is written
        self.numbers = {}

    def number_placeholder(self, text):
        ph = '\u0000num%d\u0000' % len(self.numbers)
        self.numbers[ph] = text
        return ph

    def text(self):
        rnd = self.rnd
        r = rnd.random()
        if r < 0.45:
            return rnd.choice(FIXED_STRINGS)
        if r < 0.6:
            return sentence(rnd, rnd.choice([5, 20, 60, 90, 130]))
        if r < 0.75:
            return rnd.choice(KEY_POOL + ['active', 'STANDARD', 'GLACIER', 'requester', 'v1', 'abc'])
        alphabet = ('abcxyzAZ019 -_.:/' + '日本語中한ｆé😀𝔘\u0301\u05d0\u0627\t\n"\\`\'\x01\x7f\u2028\xa0')
        return ''.join(rnd.choice(alphabet) for _ in range(rnd.choice([1, 2, 3, 5, 8, 13, 30, 50])))

    def number(self):
        rnd = self.rnd
        r = rnd.random()
        if r < 0.3:
            return self.number_placeholder(rnd.choice(FLOAT_TEXTS))
        if r < 0.32:
            return self.number_placeholder(rnd.choice(RARE_FLOAT_TEXTS))
        if r < 0.5:
            return self.number_placeholder(rnd.choice(INT_TEXTS))
        if r < 0.65:
            return rnd.uniform(-1e6, 1e6) if rnd.random() < 0.5 else rnd.random() * 10 ** rnd.randint(-25, 25)
        if r < 0.8:
            return float(rnd.randint(-1000, 1000))
        return rnd.randint(-100, 1000) if rnd.random() < 0.8 else rnd.randint(-2 ** 70, 2 ** 70)

    def scalar(self):
        r = self.rnd.random()
        if r < 0.45:
            return self.text()
        if r < 0.8:
            return self.number()
        if r < 0.9:
            return None
        return self.rnd.random() < 0.5

    def key(self):
        return self.rnd.choice(ODD_KEYS) if self.rnd.random() < 0.15 else self.rnd.choice(KEY_POOL)

    def value(self, depth):
        rnd = self.rnd
        r = rnd.random()
        if depth <= 0 or r < 0.25:
            return self.scalar()
        if r < 0.3:
            return rnd.choice([{}, [], {'e': []}, [[]], [{}], {'a': {}}])
        if r < 0.55:
            return {self.key(): self.value(depth - 1) for _ in range(rnd.randint(1, 5))}
        if r < 0.7:
            return [self.value(depth - 1) for _ in range(rnd.randint(1, 5))]
        if r < 0.9:
            # a list of objects with mostly the same keys (as AWS responses have), some differing
            keys = [self.key() for _ in range(rnd.randint(1, 4))]
            out = []
            for _ in range(rnd.randint(1, 5)):
                d = {}
                for k in keys:
                    if rnd.random() < 0.8:
                        d[k] = self.value(depth - 2) if rnd.random() < 0.3 else self.scalar()
                if rnd.random() < 0.2:
                    d[self.key()] = self.scalar()
                out.append(d)
            return out
        return [self.scalar() for _ in range(rnd.randint(1, 8))]

    def top_value(self):
        rnd = self.rnd
        r = rnd.random()
        if r < 0.12:
            return self.scalar()
        v = self.value(rnd.choice([1, 2, 3, 3, 4, 4, 5, 6]))
        if not isinstance(v, (dict, list)) and rnd.random() < 0.7:
            v = {self.key(): v, 'Other': self.scalar()}
        return v

    def dumps(self, v):
        rnd = self.rnd
        style = rnd.random()
        kwargs = {'ensure_ascii': rnd.random() < 0.3, 'allow_nan': True}
        if style < 0.1:
            kwargs['indent'] = rnd.choice([None, 1, 2])
        elif style < 0.2:
            kwargs['separators'] = (',', ':')
        text = json.dumps(v, **kwargs)
        for ph, num in self.numbers.items():
            text = text.replace(json.dumps(ph, ensure_ascii=kwargs['ensure_ascii']), num)
        self.numbers = {}
        return text


# ---------------------------------------------------------------------------------------------
# Expressions

IDENT_START = set('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_')
IDENT_CHARS = IDENT_START | set('0123456789')


def ident(k):
    if k and k[0] in IDENT_START and all(c in IDENT_CHARS for c in k):
        return k
    return json.dumps(k, ensure_ascii=False)


def raw_string(s):
    return "'" + s.replace('\\', '\\\\').replace("'", "\\'") + "'"


def literal(v):
    return '`' + json.dumps(v, ensure_ascii=False).replace('`', '\\`') + '`'


class Exprs:
    def __init__(self, rnd):
        self.rnd = rnd

    def keys_of(self, v):
        if isinstance(v, dict):
            return list(v)
        if isinstance(v, list):
            ks = []
            for x in v:
                if isinstance(x, dict):
                    ks += [k for k in x if k not in ks]
            return ks
        return []

    def a_key(self, v):
        ks = self.keys_of(v)
        if ks and self.rnd.random() < 0.85:
            return self.rnd.choice(ks)
        return self.rnd.choice(KEY_POOL + ['missing', 'Missing'])

    def path(self, v, depth=0):
        """A sub-expression that mostly selects something in v; returns (expr, selected or None)."""
        rnd = self.rnd
        if depth >= 3 or rnd.random() < 0.25:
            return '', v
        if isinstance(v, dict) and v:
            k = self.a_key(v)
            sub, sel = self.path(v.get(k), depth + 1)
            return ident(k) + (('.' + sub) if sub and not sub.startswith('[') else sub), sel
        if isinstance(v, list) and v:
            r = rnd.random()
            if r < 0.4:
                i = rnd.randint(-len(v) - 1, len(v))
                sub, sel = self.path(v[i] if -len(v) <= i < len(v) else None, depth + 1)
                return '[%d]' % i + (('.' + sub) if sub and not sub.startswith('[') else sub), sel
            if r < 0.75:
                k = self.a_key(v)
                return '[*].' + ident(k), [x.get(k) for x in v if isinstance(x, dict) and x.get(k) is not None]
            return '[]', None
        return ident(self.a_key(v)), None

    def cmp_literal(self, v):
        rnd = self.rnd
        r = rnd.random()
        if r < 0.4:
            return literal(rnd.choice([0, 1, 10, 100, -1, 2.5, 1e16, 2 ** 64, True, False, None]))
        if r < 0.7:
            return raw_string(rnd.choice(['a', 'x', 'STANDARD', '', 'héllo', '日本語', "it's"]))
        return literal(rnd.choice(['a', 'b', [1], {}, []]))

    def filter(self, v):
        rnd = self.rnd
        k = ident(self.a_key(v))
        op = rnd.choice(['==', '!=', '<', '<=', '>', '>='])
        r = rnd.random()
        if r < 0.45:
            cond = '%s %s %s' % (k, op, self.cmp_literal(v))
        elif r < 0.6:
            cond = k
        elif r < 0.7:
            cond = '!' + k
        elif r < 0.8:
            cond = "contains(%s, %s)" % (k, rnd.choice(["'a'", "'e'", '`1`', '`null`']))
        elif r < 0.9:
            cond = '%s && %s' % (k, ident(self.a_key(v)))
        else:
            cond = '@ %s %s' % (op, self.cmp_literal(v))
        return '[?%s]' % cond

    def slice(self):
        rnd = self.rnd
        n = lambda: str(rnd.randint(-4, 4)) if rnd.random() < 0.6 else ''
        s = '[%s:%s' % (n(), n())
        if rnd.random() < 0.4:
            s += ':' + rnd.choice(['1', '2', '-1', '-2', '3', ''])
        return s + ']'

    def function(self, v):
        rnd = self.rnd
        p, _ = self.path(v)
        arg = p or '@'
        k = ident(self.a_key(v))
        options = [
            'length(%s)' % arg, 'keys(%s)' % arg, 'values(%s)' % arg, 'sort(%s)' % arg,
            'sort_by(%s, &%s)' % (arg, k), 'max_by(%s, &%s)' % (arg, k), 'min_by(%s, &%s)' % (arg, k),
            'to_string(%s)' % arg, 'to_number(%s)' % arg, "join(', ', %s)" % arg, "join('', %s)" % arg,
            'type(%s)' % arg, 'contains(%s, %s)' % (arg, self.cmp_literal(v)), 'reverse(%s)' % arg,
            'not_null(%s, %s)' % (k, arg), 'not_null(missing)', 'merge(%s, `{"z": 1}`)' % arg,
            'merge(@, %s)' % arg, 'abs(%s)' % arg, 'ceil(%s)' % arg, 'floor(%s)' % arg, 'sum(%s)' % arg,
            'avg(%s)' % arg, 'max(%s)' % arg, 'min(%s)' % arg, "starts_with(%s, 'a')" % arg,
            "ends_with(%s, 'e')" % arg, 'map(&%s, %s)' % (k, arg), 'to_array(%s)' % arg,
            'length(keys(%s))' % arg, 'sort(keys(%s))' % arg, 'to_string(length(%s))' % arg,
            'map(&to_string(@), %s)' % arg, 'sort(map(&type(@), %s))' % arg,
            '%s[*].to_string(@)' % arg, 'max(map(&length(to_string(@)), %s))' % arg,
            'sort_by(%s[?%s], &to_string(%s))' % (arg, k, k),
        ]
        return rnd.choice(options)

    def expr(self, v):
        rnd = self.rnd
        r = rnd.random()
        if r < 0.22:
            return rnd.choice(['', '', '@'])
        if r < 0.42:
            p, _ = self.path(v)
            return p or ident(self.a_key(v))
        if r < 0.5:
            k = ident(self.a_key(v))
            return rnd.choice(
                ['[*].' + k, '[].' + k, '*.' + k, '[*].' + k + '[]', k + '[*]', '[*]', '*', '[]',
                 '[][]', '*.*', '[*].*', '[*].[' + k + ']'])
        if r < 0.58:
            p, _ = self.path(v)
            return (p + ' | ' if p and rnd.random() < 0.5 else '') + self.filter(v) + rnd.choice(
                ['', '', '.' + ident(self.a_key(v)), '[0]', ' | length(@)', ' | [0]'])
        if r < 0.64:
            p, _ = self.path(v)
            return (p if p and rnd.random() < 0.5 else '@') + self.slice()
        if r < 0.73:
            ks = [ident(self.a_key(v)) for _ in range(rnd.randint(1, 3))]
            if rnd.random() < 0.5:
                return '[' + ', '.join(ks) + ']'
            names = ['a', 'B', 'Name', '"x y"', '"日本"', 'n']
            return '{' + ', '.join('%s: %s' % (names[i], k) for i, k in enumerate(ks)) + '}'
        if r < 0.92:
            f = self.function(v)
            if rnd.random() < 0.2:
                f += rnd.choice([' | [0]', ' | length(@)', ' | type(@)', '.a'])
            return f
        if r < 0.97:
            a, b = ident(self.a_key(v)), ident(self.a_key(v))
            return rnd.choice(['%s || %s' % (a, b), '%s && %s' % (a, b), '%s == %s' % (a, b),
                               '%s != %s' % (a, b), '!%s' % a, '%s < %s' % (a, b), '[%s, %s] | [0]' % (a, b),
                               '%s.%s' % (a, b), '`null`', '`[]`', "'lit'"])
        # a compile error now and then (exit 252, the query echoed)
        return rnd.choice(['[', 'foo[', '[?', '{a:}', 'a.', 'a..b', '`{`', '||', 'length(', 'a b',
                           "'unterminated", 'foo(@)', 'length()', 'sort_by(@)', '[0:1:0]', '&&'])


# Values and expressions aimed at the query functions' corners: ordering of strings by code point
# (astral vs BMP), exact comparison of big integers with floats, str-to-number conversion,
# float-to-int rounding, equality between booleans and numbers, literal parsing.
SORT_STRINGS = ['b', 'a', 'B', '', ' ', 'é', 'e\u0301', '\uffff', '\U0001F600', '\ue000', '日本', 'ｆ',
                'a b', 'ab', '\x7f', '\U00010000', '\ufb01', 'Z', '0', '10', '9', '\u05d0', 'a\x00']
NUMBER_TEXTS = ['0', '-0', '-0.0', '0.0', '1', '1.0', '2', '1.5', '-1.5', '2.5', '-2.5', '0.5', '-0.5',
                '9007199254740993', '9007199254740992.0', '9007199254740992', '-9007199254740993',
                '18446744073709551616', '-18446744073709551617', '1e16', '1e308', '-1e308', '5e-324',
                '0.1', '0.30000000000000004', '123456789012345678901234567890', '1e400', '-1e400',
                '1.5e300', '4503599627370495.5', '12345678901234567.0', '3', '-7', '1e-7']
NUMBER_STRINGS = ['1', ' 12 ', '\t7\n', '1_000', '+1', '-0', '-0.0', '0x10', '1e3', '1.5e3', '1e400',
                  '.5', '5.', 'Infinity', 'inf', 'nan', 'NaN', '1.', '\u0661\u0662\u0663', '\u0661.\u0665',
                  '\uff11\uff12', '12abc', '', ' ', '00012', '1__0', '9007199254740993',
                  '123456789012345678901234567890', '1.7976931348623157e309', '-.5e-3', '1e-400', '0.1',
                  '-', '+', '1,000', '١٢٣٤٥٦٧٨٩٠١٢٣٤٥٦٧٨٩٠']
LITERAL_TEXTS = ['{"a":1,"a":2}', '{"b": 1, "a": 2, "b": 3}', '[1,2,]', ' [1] ', '"\\/"', '"\\ud83d\\ude00"',
                 '1E+2', '-0', '0.0e0', 'nul', 'foo bar', '{"a": NaN}', '[Infinity, -Infinity, NaN]',
                 '"\\u00e9"', '  {"x" : [ ] }  ', '1e400', '[1e400, -1e400]', '"unterminated',
                 '[1, 2', '{"a"}', 'tru', '"a\\u0000b"', '"tab\\there"', '1.0', '10E-1', '"\\ud834\\udd1e"',
                 '[[], {}, [[]], [{}], ""]', '123456789012345678901234567890.5', '0.1e-7', '{"": {"": []}}',
                 # raw control characters and non-ASCII whitespace: JSON rejects them, and the
                 # fallback strips leading whitespace as str.lstrip() does
                 '"a\tb"', '["x\ny"]', 'a\tb', '\x1c[1]', '\x85x', '\xa0[1]', '\ufeff[1]', '\u2028 x',
                 '\u3000"y"', ' \x1f\x1e z', '\u200b1']
STRING_EXPRS = ['sort(@)', 'reverse(@)', 'max(@)', 'min(@)', "join(',', @)", 'length(@)', '[*].length(@)',
                'map(&length(@), @)', 'sort_by(@, &@)', 'max_by(@, &@)', 'min_by(@, &@)', '[*].reverse(@)',
                "[*].starts_with(@, 'a')", "[?@ > 'a']", "[?@ < 'b']", '[*].to_string(@)', '[*].to_number(@)',
                "[?contains(@, 'e')]", 'sort(@)[0]', 'reverse(sort(@))', '[*].type(@)', 'to_string(@)',
                '[?@ == `"\\u00e9"`]', "[*].ends_with(@, '\u0301')", '[0] < [1]', "contains(@, 'a')"]
NUMBER_EXPRS = ['sort(@)', 'max(@)', 'min(@)', 'sum(@)', 'avg(@)', '[*].abs(@)', '[*].ceil(@)',
                '[*].floor(@)', 'to_string(@)', '[*].to_string(@)', '[?@ > `1`]', '[?@ >= `0`]',
                '[?@ == `1`]', '[?@ < `9007199254740993`]', 'sort_by(@, &@)', 'max_by(@, &@)',
                'min_by(@, &@)', 'reverse(@)', 'contains(@, `1`)', 'contains(@, `1.0`)', 'contains(@, `true`)',
                '[?@ == `0`]', '[*].to_number(@)', 'map(&[@], @)', '[*].type(@)', 'length(@)',
                '[0] == [1]', '[0] < [1]', '[*].[@, to_string(@)]', 'sort(@) | [0]', 'sort(@) | [-1]',
                '@ == reverse(reverse(@))', '[*].not_null(@)']
EQUALITY_EXPRS = ['`true` == `1`', '`false` == `0`', '`1` == `1.0`', '`-0.0` == `0`', '`NaN` == `NaN`',
                  '`[1]` == `[1.0]`', '`{"a":1,"b":2}` == `{"b":2,"a":1}`', '`9007199254740993` == `9007199254740992.0`',
                  '`1e400` == `1e400`', '`"a"` < `"b"`', '`1` < `true`', '`null` == `null`', '`[]` == `{}`',
                  '`0` == `false`', '`2` > `1.5`', '`18446744073709551616` > `1.8446744073709552e19`',
                  '`[true]` == `[1]`', '`{"a": true}` == `{"a": 1}`', '`""` == `null`', '!`0`', '!`""`',
                  '!`[]`', '!`{}`', '!`false`', '`0` || `1`', '`[]` || `"x"`', '`0` && `1`', '`""` && `1`']


def focused_cases(rnd, n):
    out = []
    for _ in range(n):
        r = rnd.random()
        if r < 0.28:
            items = [json.dumps(rnd.choice(SORT_STRINGS), ensure_ascii=rnd.random() < 0.5)
                     for _ in range(rnd.randint(1, 9))]
            out.append(('[' + ', '.join(items) + ']', rnd.choice(STRING_EXPRS)))
        elif r < 0.56:
            items = [rnd.choice(NUMBER_TEXTS) for _ in range(rnd.randint(1, 8))]
            out.append(('[' + ', '.join(items) + ']', rnd.choice(NUMBER_EXPRS)))
        elif r < 0.7:
            items = [json.dumps(rnd.choice(NUMBER_STRINGS), ensure_ascii=rnd.random() < 0.5)
                     for _ in range(rnd.randint(1, 6))]
            out.append(('[' + ', '.join(items) + ']', rnd.choice(['[*].to_number(@)', 'map(&to_number(@), @)',
                                                                 '[*].[@, to_number(@)]', 'to_number([0])'])))
        elif r < 0.8:
            out.append((rnd.choice(NUMBER_TEXTS), rnd.choice(['abs(@)', 'ceil(@)', 'floor(@)', 'to_string(@)',
                                                             '@', 'to_number(@)', 'type(@)', '[@, @]',
                                                             '{n: @}', 'sum([@, @])', 'avg([@, `1`])'])))
        elif r < 0.88:
            out.append(('null', rnd.choice(EQUALITY_EXPRS)))
        else:
            out.append((rnd.choice(LITERAL_TEXTS), rnd.choice(['', '', '@', 'type(@)', 'to_string(@)',
                                                               'keys(@)', 'length(@)', '[0]', 'a'])))
    return out


def make_cases(n, n_focused, seed):
    gen = Gen(seed)
    ex = Exprs(random.Random(seed + 1))
    cases = []
    seen = set()
    while len(cases) < n:
        v = gen.top_value()
        text = gen.dumps(v)
        if len(text) > 1500:
            gen.numbers = {}
            continue
        parsed = json.loads(text)  # what the CLI's lexer reads
        e = ex.expr(parsed)
        if (text, e) in seen:
            continue
        seen.add((text, e))
        cases.append({'id': 'v%04d' % len(cases), 'value': text, 'expr': e})
    for text, e in focused_cases(random.Random(seed + 4), n_focused):
        if (text, e) not in seen:
            seen.add((text, e))
            cases.append({'id': 'f%04d' % len(cases), 'value': text, 'expr': e})
    return cases


def query_of(case):
    q = '`' + case['value'].replace('`', '\\`') + '`'
    return q + (' | ' + case['expr'] if case['expr'] else '')


def argv_of(case, fmt):
    return ARGV + ['--output', fmt, '--query', query_of(case)]


# ---------------------------------------------------------------------------------------------
# Running the CLI

def stdio_like(real):
    """A fresh text stream configured as `real` (sys.__stdout__ / __stderr__), over a temporary
    file: bytes written, same encoding/error handler/newline handling, a file descriptor that is
    not a terminal."""
    raw = tempfile.TemporaryFile()
    stream = io.TextIOWrapper(raw, encoding=real.encoding, errors=real.errors, newline='\n',
                              line_buffering=real.line_buffering, write_through=real.write_through)
    return raw, stream


def run_inprocess(argv, driver=None):
    """One run of the CLI's entry point, as /usr/bin/aws makes it (a fresh driver unless one is
    handed in), with stdout and stderr captured as bytes."""
    import awscli.clidriver
    raw_out, out = stdio_like(sys.__stdout__)
    raw_err, err = stdio_like(sys.__stderr__)
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    try:
        rc = awscli.clidriver.AWSCLIEntryPoint(driver).main(argv)
    finally:
        sys.stdout, sys.stderr = saved
        out.flush()
        err.flush()
    raw_out.seek(0)
    raw_err.seek(0)
    result = (rc, raw_out.read(), raw_err.read())
    out.close()
    err.close()
    return result


def run_spawned(argv):
    # the clean environment itself: importing awscli here added AWS_DATA_PATH to os.environ
    env = clean_env(os.environ['HOME'])
    p = subprocess.run(['/usr/bin/aws'] + argv, env=env, input=b'', capture_output=True,
                       timeout=60)
    return p.returncode, p.stdout, p.stderr


def record(case, fresh=False):
    """The five formats of one value. One driver serves them (a fresh one per value: building it
    costs most of a run); with fresh=True every run builds its own, as a new process does."""
    import awscli.clidriver
    driver = None if fresh else awscli.clidriver.create_clidriver(argv_of(case, FORMATS[0]))
    results = {}
    for fmt in FORMATS:
        rc, out, err = run_inprocess(argv_of(case, fmt), driver)
        r = {'rc': rc, 'stdout': out.decode('utf-8')}
        if err:
            r['stderr'] = err.decode('utf-8')
        results[fmt] = r
    return results


def record_chunk(chunk):
    t0 = time.time()
    out = [dict(c, results=record(c)) for c in chunk]
    print('  %s..%s: %.1f s' % (chunk[0]['id'], chunk[-1]['id'], time.time() - t0), file=sys.stderr, flush=True)
    return out


def check_fresh_chunk(chunk):
    return [c['id'] for c in chunk if record(c, fresh=True) != c['results']]


def check_fresh(cases, n, seed, jobs):
    """Records a sample again with a fresh driver per run and compares."""
    sample = random.Random(seed).sample(cases, min(n, len(cases)))
    chunks = [sample[i:i + 25] for i in range(0, len(sample), 25)]
    bad = [i for ids in pool_map(check_fresh_chunk, chunks, jobs) for i in ids]
    print('re-recorded %d values x %d formats with a fresh driver per run: %d differ %s' % (
        len(sample), len(FORMATS), len(bad), bad[:20]))
    return not bad


def pool_map(fn, chunks, jobs):
    if jobs <= 1:
        return [fn(c) for c in chunks]
    import multiprocessing
    with multiprocessing.get_context('fork').Pool(jobs) as pool:
        return pool.map(fn, chunks, chunksize=1)


def verify(cases, n, seed):
    rnd = random.Random(seed)
    sample = rnd.sample(cases, min(n, len(cases)))
    bad = 0
    for c in sample:
        for fmt in FORMATS:
            rc, out, err = run_spawned(argv_of(c, fmt))
            want = c['results'][fmt]
            if (rc, out.decode('utf-8'), err.decode('utf-8')) != (want['rc'], want['stdout'], want.get('stderr', '')):
                bad += 1
                print('MISMATCH %s %s: spawned rc=%r out=%r err=%r; in-process %r' % (
                    c['id'], fmt, rc, out[:300], err[:300], want), file=sys.stderr)
    print('verified %d values x %d formats against the spawned /usr/bin/aws: %d mismatches' % (
        len(sample), len(FORMATS), bad))
    return bad == 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--values', type=int, default=2400)
    ap.add_argument('--focused', type=int, default=700, metavar='N',
                    help='N more values aimed at the query functions\' corners')
    ap.add_argument('--seed', type=int, default=5)
    ap.add_argument('--verify', type=int, default=0, metavar='N')
    ap.add_argument('--check-fresh', type=int, default=0, metavar='N',
                    help='record N random values again with a fresh driver per run and compare')
    ap.add_argument('--jobs', type=int, default=2)
    ap.add_argument('--out', default=OUT_DIR)
    ap.add_argument('--recorded', action='store_true',
                    help='check the fixtures already in --out (with --check-fresh/--verify) instead of recording')
    opts = ap.parse_args()
    reexec_clean()
    import awscli
    assert awscli.__version__ == '2.9.19', "run with the Python of Debian's awscli 2.9.19: /usr/bin/python3"
    if opts.recorded:
        cases = []
        for name in sorted(os.listdir(opts.out)):
            if name.startswith('cases-') and name.endswith('.json'):
                with open(os.path.join(opts.out, name), encoding='utf-8') as f:
                    cases += json.load(f)['cases']
        ok = not opts.check_fresh or check_fresh(cases, opts.check_fresh, opts.seed + 3, opts.jobs)
        ok = (not opts.verify or verify(cases, opts.verify, opts.seed + 2)) and ok
        sys.exit(0 if ok else 1)
    cases = make_cases(opts.values, opts.focused, opts.seed)
    t0 = time.time()
    chunks = [cases[i:i + 100] for i in range(0, len(cases), 100)]
    done = pool_map(record_chunk, chunks, opts.jobs)
    cases = [c for chunk in done for c in chunk]
    print('recorded %d values x %d formats in-process in %.0f s' % (len(cases), len(FORMATS), time.time() - t0))
    os.makedirs(opts.out, exist_ok=True)
    for name in os.listdir(opts.out):
        if name.startswith('cases-') and name.endswith('.json'):
            os.remove(os.path.join(opts.out, name))
    total = 0
    for i in range(0, len(cases), PER_FILE):
        path = os.path.join(opts.out, 'cases-%02d.json' % (i // PER_FILE))
        with open(path, 'w', encoding='utf-8') as f:
            f.write('{"generator": "scripts/gen-cli-differential.py --values %d --focused %d --seed %d",\n' % (
                opts.values, opts.focused, opts.seed))
            f.write(' "oracle": %s,\n' % json.dumps('awscli %s, Python %s' % (awscli.__version__, sys.version.split()[0])))
            f.write(' "argv": %s,\n' % json.dumps(ARGV))
            f.write(' "cases": [\n')
            f.write(',\n'.join('  ' + json.dumps(c, ensure_ascii=False) for c in cases[i:i + PER_FILE]))
            f.write('\n ]}\n')
        total += os.path.getsize(path)
    stats = {fmt: {} for fmt in FORMATS}
    for c in cases:
        for fmt, r in c['results'].items():
            stats[fmt][r['rc']] = stats[fmt].get(r['rc'], 0) + 1
    for fmt in FORMATS:
        print('%-11s %s' % (fmt, ', '.join('rc %s: %d' % kv for kv in sorted(stats[fmt].items()))))
    print('%d distinct expressions; fixtures: %.1f MB' % (len({c['expr'] for c in cases}), total / 1e6))
    ok = True
    if opts.check_fresh:
        ok = check_fresh(cases, opts.check_fresh, opts.seed + 3, opts.jobs) and ok
    if opts.verify:
        ok = verify(cases, opts.verify, opts.seed + 2) and ok
    if not ok:
        sys.exit(1)


if __name__ == '__main__':
    main()
