#!/usr/bin/python3
"""Record what AWS CLI v2 2.9.19's --cli-input-yaml loader makes of YAML documents.

Run with Debian 12's /usr/bin/python3 (ruamel.yaml 0.17.21, as the `awscli` 2.9.19 package uses):

    PYTHONHASHSEED=0 /usr/bin/python3 scripts/gen-cli-input-fixtures.py > test/fixtures/cli-input-yaml.json

cliinput.py loads with YAML(typ='safe', pure=True).load(text); a YAMLError means "Invalid YAML
received." (252), any other exception escapes and the CLI prints it (255). For a loaded document the
fixture keeps Python's type name and repr().
"""
import json
import sys

import ruamel.yaml
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

DOCS = [
    # scalars, YAML 1.2 core resolution as ruamel does it
    'a: 1', 'a: -1', 'a: +1', 'a: 0', 'a: 007', 'a: 0o17', 'a: 0x1F', 'a: 0b101', 'a: 1_000', 'a: 1__0',
    'a: 12345678901234567890', 'a: 1.5', 'a: 1.', 'a: .5', 'a: -.5', 'a: 1e3', 'a: 1E3', 'a: 1.5e-3', 'a: 1_0.5',
    'a: .inf', 'a: -.inf', 'a: +.Inf', 'a: .nan', 'a: .NaN', 'a: -.nan', 'a: 0x', 'a: 0b', 'a: 0o',
    'a: true', 'a: True', 'a: TRUE', 'a: tRue', 'a: yes', 'a: no', 'a: on', 'a: off', 'a: y',
    'a: null', 'a: Null', 'a: NULL', 'a: ~', 'a:', 'a: nul', "a: ''", 'a: ""', "a: 'null'", 'a: "1"',
    'a: 2024-01-02', 'a: 2024-1-2', 'a: 2024-01-02T03:04:05', 'a: 2024-01-02t03:04:05',
    'a: 2024-01-02 03:04:05', 'a: 2024-01-02  03:04:05', 'a: 2024-01-02T03:04:05Z', 'a: 2024-01-02T03:04:05.5',
    'a: 2024-01-02T03:04:05.123456789', 'a: 2024-01-02T03:04:05.9999995', 'a: 2024-01-02T03:04:05+02:00',
    'a: 2024-01-02T03:04:05-0230', 'a: 2024-01-02T03:04:05 +02', 'a: 2024-01-02T3:04:05', 'a: 2024-1-2T03:04:05',
    'a: 2024-01-02T03:04', 'a: 2024-13-45', 'a: 2024-02-30', 'a: 2024-01-02T25:00:00', 'a: 0000-01-01',
    'a: 0001-01-01T00:00:00+01:00', 'a: 9999-12-31T23:59:59-01:00', 'a: 1970-01-01T00:00:00.000001',
    'a: !!timestamp 2024-1-2', 'a: !!timestamp nope', 'a: !!str 1', 'a: !!int "12"', 'a: !!int x',
    'a: !!float "1"', 'a: !!float x', 'a: !!bool yes', 'a: !!bool x', 'a: !!null x', 'a: !!binary aGVsbG8=',
    'a: !!binary aGVsbG8', 'a: !!binary aGVs*bG8=', 'a: !!binary "aGVs\\nbG8="', 'a: !!binary ""', 'a: !!binary ä',
    'a: !!set {x, y}', 'a: !!set {}', 'a: !!omap [x: 1]', 'a: !!pairs [x: 1, y: 2]', 'a: !!python/tuple [1]',
    'a: !foo x', 'a: !!map {}',
    # collections and keys
    'a: [1, 2]', 'a: []', 'a: {}', 'a: {b: 1, c: [x, {d: e}]}', '1: x', 'true: x', '~: x', '[1, 2]: x',
    '? [1, [2]]\n: x', '{a: 1}: x', '1.5: x', '2024-01-02: x', 'a: {1: x, 1.0: y}', 'a: {1: x, true: y}',
    'a: 1\na: 2', 'a: 1\nA: 2', 'a: {x: 1, x: 2}', 'a: !!set {x, x}',
    # merge keys
    'base: &b {x: 1, y: 2}\na: {<<: *b, y: 3}', 'base: &b {x: 1}\na:\n  <<: *b\n  z: 0',
    'a: {<<: [{x: 1}, {x: 2, y: 3}]}', 'a: {<<: 1}', 'a: {z: 0, <<: {x: 1, z: 9}}',
    # strings
    'a: hello world', 'a: "tab\\there"', "a: 'it''s'", 'a: |\n  line1\n  line2\n', 'a: >\n  folded\n  text\n',
    'a: é', 'a: "\\u00e9"', 'a: =', 'a: <<', 'a: -', 'a: "-"', 'a: 1:20', 'a: 1:20.5', 'a: 0777',
    # YAML 1.1 by directive
    '%YAML 1.1\n---\na: 0777', '%YAML 1.1\n---\na: yes', '%YAML 1.1\n---\na: On', '%YAML 1.1\n---\na: 1:20',
    '%YAML 1.1\n---\na: 1:20.5', '%YAML 1.1\n---\na: 0b11', '%YAML 1.1\n---\na: 09', '%YAML 1.1\n---\na: 1_000',
    '%YAML 1.1\n---\na: .5', '%YAML 1.1\n---\na: -.5', '%YAML 1.2\n---\na: yes',
    # documents
    '', '# only a comment', '---', '--- ~', '...', 'a: 1\n---\nb: 2', 'a: 1\n...\n', '--- a', '- a', 'a', '12',
    '1.5', 'true', '2024-01-02', '2024-01-02 03:04:05', '!!binary aGk=', '!!set {x}', '!!omap [x: 1]',
    '\ufeffa: 1', 'a: \x01', 'a: \x7f', 'a: "\x85"', 'a:\tb', 'a: [1, 2', 'a: b: c', 'a: &x 1\nb: *x',
    'a: *nope', '- &a [1]\n- *a', 'a: "unterminated', '{a: 1, b: 2}', '[a]', '%TAG !e! tag:example.com,2000:\n---\na: !e!x 1',
]


def describe(doc):
    yaml = YAML(typ='safe', pure=True)
    try:
        value = yaml.load(doc)
    except YAMLError as e:
        return {'result': 'invalid', 'error': type(e).__name__}
    except Exception as e:  # not a YAMLError: the CLI exits 255 with str(e)
        return {'result': 'crash', 'message': str(e)}
    return {'result': 'ok', 'type': type(value).__name__ if type(value).__module__ == 'builtins'
            else type(value).__module__ + '.' + type(value).__name__, 'repr': repr(value)}


def write_one_case_per_line(doc):
    head = {k: v for k, v in doc.items() if k != 'cases'}
    sys.stdout.write(json.dumps(head, ensure_ascii=True)[:-1] + ', "cases": [\n')
    sys.stdout.write(',\n'.join(json.dumps(c, ensure_ascii=True) for c in doc['cases']))
    sys.stdout.write('\n]}\n')


def main():
    cases = [dict(doc=d, **describe(d)) for d in DOCS]
    write_one_case_per_line({'generator': 'scripts/gen-cli-input-fixtures.py', 'ruamel': ruamel.yaml.__version__, 'cases': cases})


if __name__ == '__main__':
    main()
