// Conformance cases run the harness's way: the built bin/s3abort.js as a whole process (Node
// startup, the bundle and its lazy chunks, cli.ts's Io over the real process). Every case also
// runs in-process (conformance.test.ts); these are the ones that say something about the process
// too, so that packaging and process-level behaviour stay proven against the same goldens.
// None of the 882 cases passes only when spawned: each is here for what the process adds.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defineConformanceSuite, loadCases, loadGoldens } from '../support/conformance.js';

const here = (name: string): string => fileURLToPath(new URL(name, import.meta.url));

/** Case id → what the whole process shows that main() in-process cannot. */
export const SPAWNED: Record<string, string> = {
  // startup: the entry, the startup chunk, no SDK loaded (test/startup checks what loads)
  'args-help-and-version': '--version from the built entry: startup, and the exit code a process returns',
  'skeleton-default': 'a skeleton: the startup chunk alone',
  'usage-missing-all': 'a usage error from the bundle: exit 252 as the process exit code',
  'abort-basic': 'a request: the SDK chunks load lazily from dist/, the compile cache, no Node warning on stderr',
  'debug-no-secret': '--debug: the log on the real stderr, and the secret scan of the whole process output',
  // standard input: cli.ts reads the real pipe once (readStdin), and stdin's isTTY
  'stdin-cli-input-dash': '--cli-input-json - read from the process standard input',
  'stdin-cli-input-json': 'file:///dev/stdin as the input document, from the pipe',
  'stdin-cli-input-yaml': 'file:///dev/stdin as a YAML document, from the pipe',
  'stdin-key': 'file:///dev/stdin as a parameter value',
  'stdin-key-fileb': 'fileb:///dev/stdin: the bytes of the pipe',
  'stdin-key-empty': 'an empty pipe',
  'stdin-read-twice': 'two file:///dev/stdin parameters: the pipe is read once',
  'stdin-dash-is-literal': '`-` is text, the pipe is left unread',
  'args-auto-prompt-no-tty': 'the auto-prompt with a pipe for stdin (process.stdin.isTTY), exit 255',
  'args-auto-prompt-partial-ok': 'on-partial with a pipe for stdin: no prompt, the call is made',
  // sockets: the bundled HTTP handler against real connections
  'connection-refused': 'a refused connection, retried',
  'retry-drop-connection': 'a connection dropped without an answer, retried',
  'timeout-read-slow-once': 'a read timeout on a real socket, then the retry',
  // pagers: AWS_PAGER and --no-cli-pager with stdout a pipe (no pager starts)
  'config-pager-missing-not-tty': 'AWS_PAGER names a missing pager, stdout a pipe: not started',
  'args-no-paginate': '--no-paginate --no-cli-pager',
  // credential_process: a child of the CLI process, with the process's stdin and cwd
  'creds-process-ok': 'credential_process run by the process',
  'creds-process-fail': "credential_process failing: its stderr in the CLI's message",
  'creds-process-relative-path': "credential_process ./cp.sh, found from the process's working folder",
  'creds-process-stderr-ok': "the credential process's own stderr does not reach the CLI's",
  // TLS settings: the process's own trust store (the test worker's has this machine's NODE_EXTRA_CA_CERTS)
  'endpoint-ca-bundle-missing-https': '--ca-bundle naming a missing file over https',
  'endpoint-https-no-verify-refused': '--no-verify-ssl over https, refused',
  'endpoint-ca-bundle-env-missing-http': 'AWS_CA_BUNDLE naming a missing file, over http',
  'creds-no-verify-http': '--no-verify-ssl over http: no warning',
};

const publicCases = loadCases(here('./cases-public.json'));
const extraCases = loadCases(here('./cases-extra.json'));

describe('the spawned set', () => {
  it('names only cases that exist', () => {
    const ids = new Set([...publicCases, ...extraCases].map((c) => c.id));
    expect(Object.keys(SPAWNED).filter((id) => !ids.has(id))).toEqual([]);
  });
});

defineConformanceSuite({
  name: 'conformance (public cases), spawned',
  cases: publicCases.filter((c) => c.id in SPAWNED),
  goldens: loadGoldens(here('./golden-public.json')),
  mode: 'spawn',
});

defineConformanceSuite({
  name: 'conformance (extra cases), spawned',
  cases: extraCases.filter((c) => c.id in SPAWNED),
  goldens: loadGoldens(here('./golden-extra.json')),
  mode: 'spawn',
});
