#!/usr/bin/env python3
"""Writes test/fixtures/autoprompt-no-terminal.json: what AWS CLI v2 (Debian's 2.9.19 at /usr/bin/aws)
prints on stdout when --cli-auto-prompt meets a standard input that is not a terminal: the first
frame prompt_toolkit draws. Needs the real CLI; run from anywhere."""
import json
import os
import subprocess
import tempfile

CASES = [[], ['--bucket', 'b'], ['--bucket', 'x' * 35], ['--bucket', 'x' * 36], ['--bucket', 'x' * 34],
         ['--bucket', 'x' * 115], ['--bucket', 'x' * 116], ['--bucket', 'x' * 200], ['--bucket', 'a b'],
         ['--key', "it's"], ['--key', 'ü日本'], ['--bucket'],
         ['--endpoint-url', 'http://127.0.0.1:9', '--bucket', 'conf-0123456789ab', '--key', 'k/object.bin', '--upload-id', 'NO-UPLOAD'],
         ['--key', '日' * 40], ['--key', 'x' * 33 + '日'], ['--key', 'x' * 30, '--', 'y'],
         ['y'], ['z'], ['x'], ['yy'], ['a', 'b'], ['--'], ['-x'], ['--bucket', 'b', 'y'], ['--bucket', 'b', '--no-paginate'],
         ['--bucket', 'b', '--output', 'json'], ['--bucket', 'b', '--output', 'xml'], ['--bucket', 'b', '--region', 'us-east-1'],
         ['--bucket', 'b', '--request-payer', 'requester'], ['--bucket', 'b', '--color', 'on'], ['--bucket', 'b', '--output', 'js'],
         ['--generate-cli-skeleton', 'input'], ['--output', 'yaml-stream', '--bucket', 'b'], ['--key', 'é']]


def main():
    out = []
    with tempfile.TemporaryDirectory() as home:
        env = {'PATH': os.environ['PATH'], 'HOME': home, 'LANG': 'C.UTF-8', 'TERM': 'dumb', 'AWS_PAGER': '',
               'AWS_ACCESS_KEY_ID': 'AKIAIOSFODNN7EXAMPLE', 'AWS_SECRET_ACCESS_KEY': 'x', 'AWS_DEFAULT_REGION': 'us-east-1',
               'AWS_EC2_METADATA_DISABLED': 'true'}
        for args in CASES:
            p = subprocess.run(['/usr/bin/aws', 's3api', 'abort-multipart-upload', '--cli-auto-prompt'] + args,
                               input=b'', capture_output=True, env=env)
            out.append({'args': args, 'want': p.stdout.decode()})
    path = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), 'test', 'fixtures',
                        'autoprompt-no-terminal.json')
    json.dump(out, open(path, 'w'), indent=1, ensure_ascii=False)
    print(f'wrote {len(out)} cases to {path}')


main()
