#!/usr/bin/python3
"""Record what AWS CLI v2 2.9.19 does with an --if-match-initiated-time value.

Run with Debian 12's /usr/bin/python3, which has the `awscli` 2.9.19 package (its bundled botocore)
and python-dateutil 2.8.2:

    /usr/bin/python3 scripts/gen-timestamp-fixtures.py > test/fixtures/timestamps.json

For every input it calls what the CLI calls: the validator's check
(`botocore.utils.parse_to_aware_datetime`, where TypeError/ValueError/AttributeError mean a
"Parameter validation failed" line and anything else escapes as a 255 error), then the rest-xml
serializer's header conversion (`formatdate(timegm(...), usegmt=True)`).

dateutil fills missing fields from `datetime.now()` and resolves two-digit years against the current
year, so both are frozen at NOW (local time is UTC, as in the conformance harness).
"""
import datetime as _dt
import json
import os
import random
import sys
import time
import types
import warnings

os.environ['TZ'] = 'UTC'
time.tzset()

DEFAULT_NOW = _dt.datetime(2025, 1, 31, 10, 20, 30)
NOW = DEFAULT_NOW

import awscli  # noqa: E402,F401  (installs the `botocore` alias for awscli.botocore)
import dateutil  # noqa: E402
import dateutil.parser._parser as dparser  # noqa: E402
from botocore.model import Shape  # noqa: E402
from botocore.serialize import RestXMLSerializer  # noqa: E402
from botocore.utils import parse_to_aware_datetime  # noqa: E402


class _FrozenDatetime(_dt.datetime):
    @classmethod
    def now(cls, tz=None):
        return cls(NOW.year, NOW.month, NOW.day, NOW.hour, NOW.minute, NOW.second)


_shim = types.ModuleType('datetime')
_shim.__dict__.update(_dt.__dict__)
_shim.datetime = _FrozenDatetime
dparser.datetime = _shim

SHAPE = Shape('IfMatchInitiatedTime', {'type': 'timestamp', 'timestampFormat': 'rfc822'})
SERIALIZER = RestXMLSerializer()


def encode(value):
    if isinstance(value, bool):
        return {'type': 'bool', 'value': value}
    if isinstance(value, int):
        return {'type': 'int', 'value': str(value)}
    if isinstance(value, float):
        return {'type': 'float', 'value': repr(value)}
    if value is None:
        return {'type': 'none'}
    if isinstance(value, bytes):
        return {'type': 'bytes', 'value': value.decode('latin-1')}
    if isinstance(value, list):
        return {'type': 'list', 'value': [encode(v) for v in value]}
    return {'type': 'str', 'value': value}


def set_now(now):
    global NOW
    NOW = now
    dparser.DEFAULTPARSER.info._year = now.year
    dparser.DEFAULTPARSER.info._century = now.year // 100 * 100


def record(group, value, now=None):
    out = {'group': group, 'input': encode(value)}
    if now is not None:
        out['now'] = now.isoformat()
        set_now(now)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('always')
        try:
            parse_to_aware_datetime(value)
        except (TypeError, ValueError, AttributeError) as e:
            out['result'] = 'invalid'
            out['message'] = str(e)
        except Exception as e:  # escapes the validator: the CLI prints it and exits 255
            out['result'] = 'crash'
            out['exception'] = type(e).__name__
            out['message'] = str(e)
        else:
            try:
                out['header'] = SERIALIZER._convert_header_value(SHAPE, value)
                out['result'] = 'ok'
            except Exception as e:
                out['result'] = 'crash'
                out['exception'] = type(e).__name__
                out['message'] = str(e)
    if now is not None:
        set_now(DEFAULT_NOW)
    tznames = []
    for w in caught:
        if w.category.__name__ == 'UnknownTimezoneWarning':
            name = str(w.message).split(' ')[1]
            if name not in tznames:
                tznames.append(name)
    if tznames:
        out['unknownTimezones'] = tznames
    return out


REALISTIC = [
    # ISO 8601
    '2024-01-02', '2024-01-02T03:04:05', '2024-01-02T03:04:05Z', '2024-01-02T03:04:05z',
    '2024-01-02 03:04:05', '2024-01-02 03:04:05Z', '2024-01-02T03:04:05.678Z', '2024-01-02T03:04:05.678',
    '2024-01-02T03:04:05.678901Z', '2024-01-02T03:04:05.6789012Z', '2024-01-02T03:04:05,678Z',
    '2024-01-02T03:04:05+02:00', '2024-01-02T03:04:05-02:00', '2024-01-02T03:04:05.678+02:00',
    '2024-01-02T03:04:05+0100', '2024-01-02T03:04:05-0130', '2024-01-02T03:04:05+01', '2024-01-02T03:04:05-05',
    '2024-01-02T03:04:05+00:00', '2024-01-02T03:04:05-00:00', '2024-01-02T03:04:05 +02:00', '2024-01-02T03:04',
    '2024-01-02T03:04Z', '2024-01-02T03', '2024-01-02T03Z', '2024-01-02 03:04', '2024-01-02T00:00:00Z',
    '2024-01-02T23:59:59Z', '2024-12-31T23:59:59-01:00', '2024-01-01T00:30:00+01:00', '2024-05-01T12:00:00Z',
    '2024-02-29', '2023-02-29', '2024-02-30', '2024-04-31', '2024-13-45', '2024-00-10', '2024-01-00',
    '2024-01-32', '2024-01-02T24:00:00', '2024-01-02T25:00:00', '2024-01-02T03:60:00', '2024-01-02T03:04:60',
    '2024-01-02T03:04:05+24:00', '2024-01-02T03:04:05+23:59', '2024-01-02T03:04:05+99:99', '20240102',
    '20240102T030405', '20240102T030405Z', '20240102T0304', '20240102030405', '202401020304', '240102',
    '2024-01', '2024-1-2', '2024/01/02', '2024/1/2', '2024.01.02', '2024-01-02T03:04:05.Z', '2024-W01',
    '2024-001', '0001-01-01', '0001-01-01T00:00:00Z', '0001-01-01T00:00:00+01:00', '0001-01-01T00:00:00-01:00',
    '9999-12-31', '9999-12-31T23:59:59Z', '9999-12-31T23:59:59-01:00', '9999-12-31T23:59:59+01:00',
    '1970-01-01T00:00:00Z', '1969-12-31T23:59:59Z', '1900-01-01', '0099-01-01', '99-01-02', '50-01-02',
    '74-01-02', '75-01-02', '76-01-02', '00-01-02', '2024-01-02T03:04:05 Z', '2024-01-02T03:04:05 UTC',
    '2024-01-02T03:04:05UTC', '2024-01-02T03:04:05 GMT', '2024-01-02 03:04:05 GMT+3', '2024-01-02 03:04:05 UTC-5',
    '2024-01-02 03:04:05 GMT-0300', '2024-01-02 03:04:05 +0000', '2024-01-02 03:04:05 -0000 (UTC)',
    '2024-01-02 03:04:05 -0500 (EST)',
    # RFC 822 / 1123 / 850, asctime
    'Tue, 02 Jan 2024 03:04:05 GMT', 'Tue, 2 Jan 2024 03:04:05 GMT', 'Tue, 02 Jan 2024 03:04:05 +0000',
    'Tue, 02 Jan 2024 03:04:05 -0800', 'Tue, 02 Jan 2024 03:04:05 UT', 'Tue, 02 Jan 2024 03:04:05 UTC',
    'Tue, 02 Jan 2024 03:04:05 Z', 'Tue, 02 Jan 2024 03:04:05 PST', 'Tue, 02 Jan 2024 03:04:05 EST',
    'Tue, 02 Jan 2024 03:04:05 CEST', 'Tue, 02 Jan 2024 03:04:05', 'Tue, 02 Jan 24 03:04:05 GMT',
    'Wed, 02 Jan 2024 03:04:05 GMT', 'Tuesday, 02-Jan-24 03:04:05 GMT', 'Tue Jan  2 03:04:05 2024',
    'Tue Jan 2 03:04:05 UTC 2024', 'Thu Sep 25 10:36:28 BRST 2003', 'Tue, 02 Jan 2024 03:04 GMT',
    'tue, 02 jan 2024 03:04:05 gmt', 'TUE, 02 JAN 2024 03:04:05 GMT', 'Tue, 02 Jan 2024 03:04:05 Gmt',
    # Month names and other natural formats
    'Jan 2 2024', 'Jan 2, 2024', '2 Jan 2024', '02 January 2024', 'January 2, 2024', 'January 2, 2024 3:04 PM',
    'January 2, 2024 3:04 pm', 'January 2, 2024 3:04PM', 'January 2 2024 15:04', 'Jan 2 2024 12:00 AM',
    'Jan 2 2024 12:00 PM', 'Jan 2 2024 12 AM', 'Jan 2 2024 13:00 PM', 'Jan 2 2024 0:00 AM', 'Jan 2',
    '2 Jan', 'Jan 2024', 'January', 'Feb', 'Feb 2023', 'Sept 5 2024', 'Sep. 5, 2024', 'Sep.5.2024',
    '5-Jan-2024', '5/Jan/2024', 'Jan-5-2024', 'Jan/5/2024', '2024-Jan-05', 'Jan 5th 2024', 'the 5th of Jan 2024',
    '5th of January 2024', 'Jan of 2024', 'Jan 32 2024', '32 Jan 2024', 'Feb 29 2023', 'Feb 29 2024',
    '01/02/2024', '1/2/2024', '13/01/2024', '01/13/2024', '1/2/24', '01-02-2024', '01.02.2024',
    '1/2/3', '13/13/13', '31/12/99', '12/31/99', '2024 Jan 2', '2024 2 Jan', 'Monday', 'Mon', 'Friday',
    'Tuesday Jan 2 2024', 'Mon Jan 2 2024', 'Monday 10:00', '3pm', '3 pm', '3PM', '3 p.m.', '3:04 a.m.',
    '12am', '12pm', '0am', '13pm', '10:00', '10:00:00', '10:00:00.5', '23:59:59.999999', '10h', '10h36m',
    '10h36m28.5s', '10 h 36 m', '1.5h', '10:36:28 2024-01-02', '5:50 A.M. on June 13, 1990',
    "Wed, July 10, '96", '1996.07.10 AD at 15:08:56 PDT', '2003 10:36:28 BRST 25 Sep Thu', 'Sep 2003',
    '10 Sep', 'Sep 10', 'December 2024 5', '20 2024 Jan', 'T10:00', '2024-01-02T10:00:00 America/New_York',
    # Rejected
    'now', 'today', 'yesterday', 'tomorrow', 'foo', '', ' ', '  ', ',', '-', '--', '.', ':', 'T', 'Z', 'UTC',
    'GMT', 'PST', 'noon', 'midnight', 'N/A', 'null', 'None', 'true', '2024-01-02 03:04:05 XYZW', 'a2024',
    '2024-01-02garbage', '2024-01-02 03:04:05 PST PDT', '2024-01-02 +02:00', 'Jan Feb 2024', 'Mon Tue',
    '1 2 3 4', '2024-01-02-03', '2024--01--02', '12:', '12::', ':30', '2024-01-02T', '2024-01-02T03:04:05+',
    '2024-01-02T03:04:05+1:00', '2024-01-02T03:04:05+123', '2024-01-02T03:04:05+12345',
    '2024-01-02 03:04:05 GMT+', 'Jan 2 2024 PM', 'PM', '2024-01-02 3 PM 4 PM', '\t2024-01-02\n',
    '2024-01-02\x00', '２０２４-01-02', '٢٠٢٤-01-02', '2024-01-02T03:04:05\u00a0Z',
]

NUMERIC = [
    '0', '1', '-1', '1700000000', '1700000000.9', '1700000000.5', '1700000000.9999994', '1700000000.9999995',
    '1700000000.99999951', '-5', '-5.5', '-0.5', '-0.0000004', '-0.0000006', '0.0000005', '0.0000015',
    ' 12 ', '\t42\n', '1e3', '1E3', '1e-3', '1.5e9', '+5', '-0', '.5', '5.', '1_000', '1__000', '_1', '1_',
    '1_000.5', '1e1_0', '0x10', '0o10', '0b10', '010', '1e', 'e5', 'inf', '-inf', '+inf', 'Infinity',
    '-Infinity', 'INF', 'nan', 'NaN', '-nan', 'infinity1', '1e20', '1e19', '9.3e18', '9.2e18', '1e18',
    '1e17', '6.7e16', '6.8e16', '1e16', '1e15', '1e12', '253402300799', '253402300799.9', '253402300800',
    '-62135596800', '-62135596800.5', '-62135596801', '-1e12', '-1e17', '-1e19', '2147483647', '4294967296',
    '99999', '999999', '9999999', '12345678', '123456789', '1234567890', '12345678901', '123456789012',
    '1234567890123', '12345678901234', '123456789012345', '١٢٣', '١٧٠٠٠٠٠٠٠٠', '12\u00a0', '\u200712',
    '1e400', '-1e400', '1e-400', '00000000001', '2024', '20240102', '1.5.5', '1,5',
]

NONSTRING = [
    0, 1, -5, 1700000000, 253402300799, 253402300800, -62135596800, -62135596801, 10 ** 11, 10 ** 12,
    10 ** 17, 10 ** 18, 10 ** 19, 10 ** 20, -(10 ** 20), 1.5, 1700000000.9, -0.5, 1e20, 1e300,
    float('inf'), float('-inf'), float('nan'), -0.0, True, False, None, [], [1], ['2024-01-02'],
    b'1700000000', b'2024-01-02', b'nope', b'\xff', b' 12 ',
]

FUZZ_TOKENS = [
    '2024', '24', '1', '02', '12', '13', '31', '32', '99', '0', '00', '123', '12345', '100',
    'Jan', 'January', 'feb', 'Sept', 'Dec', 'Mon', 'Tuesday', 'fri',
    'T', 'Z', 'z', 'UTC', 'GMT', 'PST', 'CET', 'XYZ', 'am', 'PM', 'a', 'p', 'h', 'm', 's', 'of', 'at', 'on',
    'and', 'st', 'th', 'ad',
    '-', '/', '.', ',', ':', '+', ' ', '  ', "'", ';', '(', ')', '_', '+02:00', '-0500', '+01',
    '03:04', '03:04:05', '03:04:05.678', '10.5', '1.5', '2024-01-02', '01/02', 'T03', '12h', '30m', '15s',
]


NOW_VARIANTS = [_dt.datetime(2024, 2, 29, 12, 0, 0), _dt.datetime(2031, 12, 31, 23, 59, 59), _dt.datetime(9999, 12, 30, 1, 2, 3)]
NOW_INPUTS = ['Feb', 'Jan', 'Apr', 'Jan 2', '2 Mar', '3pm', '10:00', 'Monday', 'Sun', 'Sat 10:00', '99-01-01', '81-01-01',
              '82-01-01', '01/02/03', 'Dec 2023', '2024', 'T10', '12h', '2023-02']

CHAR_ALPHABET = '0123456789012345678901234567890123456789 -:/.,+TZapmhsJanFebMaySepMonThuGMTUTCPSTof()\'_'


def char_fuzz_inputs(n, seed=31):
    rng = random.Random(seed)
    out = []
    seen = set()
    while len(out) < n:
        s = ''.join(rng.choice(CHAR_ALPHABET) for _ in range(rng.randint(1, 14)))
        if s in seen:
            continue
        seen.add(s)
        out.append(s)
    return out


def fuzz_inputs(n, seed=20250131):
    rng = random.Random(seed)
    out = []
    seen = set()
    while len(out) < n:
        k = rng.randint(1, 6)
        s = ''.join(rng.choice(FUZZ_TOKENS) if rng.random() < 0.85 else rng.choice([' ', '-', ':', '/']) for _ in range(k))
        if s in seen:
            continue
        seen.add(s)
        out.append(s)
    return out


def write_one_case_per_line(doc):
    head = {k: v for k, v in doc.items() if k != 'cases'}
    sys.stdout.write(json.dumps(head, ensure_ascii=True)[:-1] + ', "cases": [\n')
    sys.stdout.write(',\n'.join(json.dumps(c, ensure_ascii=True) for c in doc['cases']))
    sys.stdout.write('\n]}\n')


def main():
    set_now(DEFAULT_NOW)
    cases = []
    for v in REALISTIC:
        cases.append(record('realistic', v))
    for v in NUMERIC:
        cases.append(record('numeric', v))
    for v in NONSTRING:
        cases.append(record('nonstring', v))
    for now in NOW_VARIANTS:
        for v in NOW_INPUTS:
            cases.append(record('now', v, now))
    for v in fuzz_inputs(600):
        cases.append(record('fuzz', v))
    for v in char_fuzz_inputs(600):
        cases.append(record('fuzz-chars', v))
    doc = {
        'generator': 'scripts/gen-timestamp-fixtures.py',
        'awscli': awscli.__version__,
        'dateutil': dateutil.__version__,
        'python': sys.version.split()[0],
        'now': DEFAULT_NOW.isoformat(),
        'cases': cases,
    }
    write_one_case_per_line(doc)


if __name__ == '__main__':
    main()
