import { describe, expect, it } from 'vitest';
import { complete, completionCandidates, type CompletionContext, type CompletionFs } from '../../src/completion/complete.js';
import { optionCatalog } from '../../src/completion/catalog.js';
import { runCompletionCommand, isCompletionCommand } from '../../src/completion/command.js';
import { completionScript } from '../../src/completion/scripts.js';
import { splitShellWords } from '../../src/completion/shell-words.js';
import { createMemoryIo } from '../support/memory-io.js';

const FILES: Record<string, string> = {
  '/home/user/.aws/config': '[default]\nregion = us-east-1\n[profile dev]\nregion = eu-west-1\n[profile prod-admin]\n[sso-session x]\n',
  '/home/user/.aws/credentials': '[ci]\naws_access_key_id = A\n[dev]\n',
  '/work/in.json': '{}',
  '/work/input.yaml': '',
  '/work/.hidden': '',
  '/work/docs/readme.md': '',
  '/work/my dir/a b.json': '',
  '/tmp/x.json': '',
  '/home/user/keys/k.txt': '',
};

function memoryFs(files: Record<string, string>): CompletionFs {
  const m = createMemoryIo({ files });
  return {
    ...m.io.fs,
    readdir(dir) {
      const prefix = dir.endsWith('/') ? dir : `${dir}/`;
      const names = new Map<string, boolean>();
      for (const f of Object.keys(files)) {
        if (!f.startsWith(prefix)) continue;
        const rest = f.slice(prefix.length);
        const slash = rest.indexOf('/');
        names.set(slash < 0 ? rest : rest.slice(0, slash), slash >= 0);
      }
      if (names.size === 0) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return [...names].map(([name, d]) => ({ name, dir: d }));
    },
  };
}

const ctx: CompletionContext = { env: {}, fs: memoryFs(FILES), homedir: '/home/user', cwd: '/work' };
const c = (line: string) => {
  const { words, endsWithSpace } = splitShellWords(line);
  const ws = words.map((w) => w.text);
  if (endsWithSpace) ws.push('');
  return complete(ws, ws.length - 1, ctx);
};

describe('complete', () => {
  it('option names by prefix', () => {
    expect(c('s3abort --out')).toEqual(['--output']);
    expect(c('s3abort --no-c')).toEqual(['--no-cli-pager', '--no-cli-auto-prompt']);
    expect(c('s3abort --cli-input')).toEqual(['--cli-input-json', '--cli-input-yaml']);
    expect(c('s3abort --all')).toEqual(['--all-uploads']);
  });

  it('every option when nothing is typed, the operation first, without those already given', () => {
    const all = c('s3abort --bucket b ');
    expect(all).not.toContain('--bucket');
    expect(all.slice(0, 5)).toEqual(['--key', '--upload-id', '--request-payer', '--expected-bucket-owner', '--if-match-initiated-time']);
    expect(all).toContain('--no-cli-auto-prompt');
    expect(all).toContain('--ignore-missing');
    expect(all).toHaveLength(optionCatalog().length - 1);
  });

  it('the first word: help, completion, s3api, or options', () => {
    expect(c('s3abort h')).toEqual(['help']);
    expect(c('s3abort ')).toEqual(expect.arrayContaining(['help', 'completion', 's3api', '--bucket']));
    expect(c('s3abort s3api a')).toEqual(['abort-multipart-upload']);
    expect(c('s3abort completion ')).toEqual(['bash', 'zsh', 'fish']);
    expect(c('s3abort completion z')).toEqual(['zsh']);
    expect(c('s3abort help ')).toEqual([]);
  });

  it('values of the options with a fixed list', () => {
    expect(c('s3abort --output ')).toEqual(['json', 'text', 'table', 'yaml', 'yaml-stream']);
    expect(c('s3abort --output t')).toEqual(['text', 'table']);
    expect(c('s3abort --out y')).toEqual(['yaml', 'yaml-stream']);
    expect(c('s3abort --color ')).toEqual(['on', 'off', 'auto']);
    expect(c('s3abort --request-payer ')).toEqual(['requester']);
    expect(c('s3abort --cli-binary-format r')).toEqual(['raw-in-base64-out']);
    expect(c('s3abort --output=ta')).toEqual(['--output=table']);
  });

  it('--generate-cli-skeleton: a value or another option', () => {
    expect(c('s3abort --generate-cli-skeleton ')).toEqual(['input', 'output', 'yaml-input']);
    expect(c('s3abort --generate-cli-skeleton --deb')).toEqual(['--debug']);
    expect(c('s3abort --generate-cli-skeleton --debug --out')).toEqual(['--output']);
    expect(c('s3abort --generate-cli-skeleton output --no-cli-p')).toEqual(['--no-cli-pager']);
  });

  it('profile names from both files', () => {
    expect(c('s3abort --profile ')).toEqual(['default', 'dev', 'prod-admin', 'ci']);
    expect(c('s3abort --profile p')).toEqual(['prod-admin']);
    expect(c('s3abort --profile=d')).toEqual(['--profile=default', '--profile=dev']);
  });

  it('profile names from AWS_CONFIG_FILE, and none from a broken file', () => {
    const files = { '/cfg': '[profile other]\n' };
    const env = { AWS_CONFIG_FILE: '/cfg', AWS_SHARED_CREDENTIALS_FILE: '/none' };
    expect(complete(['s3abort', '--profile', ''], 2, { ...ctx, env, fs: memoryFs(files) })).toEqual(['other']);
    const broken = { '/cfg': 'not an ini file\n' };
    expect(complete(['s3abort', '--profile', ''], 2, { ...ctx, env, fs: memoryFs(broken) })).toEqual([]);
  });

  it('file:// and fileb:// for operation parameters, then paths', () => {
    expect(c('s3abort --key f')).toEqual(['file://', 'fileb://']);
    expect(c('s3abort --key ')).toEqual([]);
    expect(c('s3abort --cli-input-json ')).toEqual(['file://', 'fileb://']);
    expect(c('s3abort --cli-input-json file://')).toEqual(['file://docs/', 'file://in.json', 'file://input.yaml', 'file://my dir/']);
    expect(c('s3abort --cli-input-json file://i')).toEqual(['file://in.json', 'file://input.yaml']);
    expect(c('s3abort --cli-input-json file://.')).toEqual(['file://.hidden']);
    expect(c('s3abort --cli-input-json file://docs/')).toEqual(['file://docs/readme.md']);
    expect(c('s3abort --cli-input-json file:///tmp/')).toEqual(['file:///tmp/x.json']);
    expect(c('s3abort --upload-id fileb://~/keys/')).toEqual(['fileb://~/keys/k.txt']);
    expect(c("s3abort --cli-input-json 'file://my dir/'")).toEqual(['file://my dir/a b.json']);
    expect(c('s3abort --cli-input-json=file://inp')).toEqual(['--cli-input-json=file://input.yaml']);
    expect(c('s3abort --cli-input-json file://nope/')).toEqual([]);
    expect(c('s3abort --output f')).toEqual([]);
  });

  it('marks words that are not finished (no space after them)', () => {
    const cand = completionCandidates(['s3abort', '--cli-input-json', 'file://'], 2, ctx);
    expect(cand.map((x) => [x.value, x.complete])).toEqual([
      ['file://docs/', false],
      ['file://in.json', true],
      ['file://input.yaml', true],
      ['file://my dir/', false],
    ]);
  });

  it('candidates know their option (for descriptions)', () => {
    const [out] = completionCandidates(['s3abort', '--out'], 1, ctx);
    expect(out!.option?.summary).toBe('The formatting style for command output.');
    expect(out!.option?.type).toBe('string');
    const [bucket] = completionCandidates(['s3abort', '--buc'], 1, ctx);
    expect(bucket!.option?.required).toBe(true);
    expect(bucket!.option?.summary).toBe('The bucket name to which the upload was taking place.');
  });
});

describe('the __complete and completion commands', () => {
  const run = (argv: string[]) => {
    const m = createMemoryIo({ argv, cwd: '/work', homedir: '/home/user', env: {} });
    const code = runCompletionCommand(m.io, memoryFs(FILES));
    return { code, out: m.stdout() };
  };

  it('is recognised only as the first word', () => {
    expect(isCompletionCommand(['completion', 'bash'])).toBe(true);
    expect(isCompletionCommand(['__complete'])).toBe(true);
    expect(isCompletionCommand(['--bucket', 'completion'])).toBe(false);
  });

  it('completion <shell> prints the script', () => {
    expect(run(['completion', 'bash'])).toEqual({ code: 0, out: completionScript('bash') });
    expect(run(['completion', 'zsh']).out).toContain('compdef _s3abort_complete s3abort');
    expect(run(['completion', 'fish']).out).toContain("complete -c s3abort -f -a '(__s3abort_complete)'");
    expect(() => run(['completion', 'tcsh'])).toThrow('usage: s3abort completion bash|zsh|fish');
  });

  it('words after --, the last one being completed', () => {
    expect(run(['__complete', '--', 's3abort', '--output', 't']).out).toBe('text\ntable\n');
    expect(run(['__complete', '--cword', '1', '--', 's3abort', '--out', 'x']).out).toBe('--output\n');
    expect(run(['__complete', '--', 's3abort', '--zzz']).out).toBe('');
  });

  it('bash: from the line, a space after finished words, trimmed to what bash replaces', () => {
    expect(run(['__complete', '--shell', 'bash', '--current', '--out', '--line', 's3abort --out']).out).toBe('--output \n');
    expect(run(['__complete', '--shell', 'bash', '--current', 't', '--line', 's3abort --output t']).out).toBe('text \ntable \n');
    // COMP_WORDBREAKS: `--output=ta` is three words for bash: --output, =, ta
    expect(run(['__complete', '--shell', 'bash', '--current', 'ta', '--line', 's3abort --output=ta']).out).toBe('table \n');
    expect(run(['__complete', '--shell', 'bash', '--current', '=', '--line', 's3abort --color=']).out).toBe('=on \n=off \n=auto \n');
    // `file://i` is file, :, //i
    expect(run(['__complete', '--shell', 'bash', '--current', '//i', '--line', 's3abort --cli-input-json file://i']).out).toBe(
      '//in.json \n//input.yaml \n',
    );
    expect(run(['__complete', '--shell', 'bash', '--current', ':', '--line', 's3abort --key file:']).out).toBe('://\n');
    expect(run(['__complete', '--shell', 'bash', '--current', '//my\\ ', '--line', 's3abort --cli-input-json file://my\\ ']).out).toBe(
      '//my\\ dir/\n',
    );
  });

  it('zsh marks finished words; fish gets descriptions', () => {
    expect(run(['__complete', '--shell', 'zsh', '--', 's3abort', '--cli-input-json', 'file://d']).out).toBe('n file://docs/\n');
    expect(run(['__complete', '--shell', 'zsh', '--', 's3abort', '--out']).out).toBe('c --output\n');
    expect(run(['__complete', '--shell', 'fish', '--', 's3abort', '--out']).out).toBe('--output\tThe formatting style for command output.\n');
  });
});

describe('shell words', () => {
  it('splits a line being typed', () => {
    expect(splitShellWords(`a 'b c' "d\\"e" f\\ g`).words.map((w) => w.text)).toEqual(['a', 'b c', 'd"e', 'f g']);
    expect(splitShellWords(`a 'unclosed`).words.map((w) => w.text)).toEqual(['a', 'unclosed']);
    expect(splitShellWords('a b ').endsWithSpace).toBe(true);
    expect(splitShellWords("a 'b ").endsWithSpace).toBe(false);
    expect(splitShellWords('ab  cd').words).toEqual([
      { text: 'ab', start: 0, end: 2 },
      { text: 'cd', start: 4, end: 6 },
    ]);
  });
});
