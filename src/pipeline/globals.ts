// The main parser (clidriver.py): the global options, anywhere in argv; --version ends the run;
// then top-level-args-parsed (customizations/globalargs.py): --query and --endpoint-url checked.

import { parseGlobals } from '../args/parse-argv.js';
import { UsageError } from '../errors.js';
import { lazy } from '../lazy.js';
import type { CompiledQuery } from '../query/jmespath.js';
import { versionString } from '../version.js';
import type { Command, Run, StepResult } from './context.js';

export async function globalsStep(run: Run, cmd: Partial<Command>): Promise<StepResult> {
  const { globals, rest, version } = parseGlobals(run.io.argv);
  if (version) {
    run.io.stdout.write(`${versionString(run.io)}\n`);
    return 0;
  }
  cmd.globals = globals;
  cmd.rest = rest;
  const query = await compileQuery(globals.query);
  if (query) cmd.query = query;
  checkEndpointUrl(globals.endpointUrl);
  return undefined;
}

async function compileQuery(expr: string | true | undefined): Promise<CompiledQuery | undefined> {
  if (typeof expr !== 'string') return undefined;
  const { compileQuery, JmespathSyntaxError } = await lazy.jmespath();
  try {
    return compileQuery(expr);
  } catch (e) {
    if (e instanceof JmespathSyntaxError) throw new UsageError(`Bad value for --query ${expr}: ${e.message}`);
    throw e;
  }
}

function checkEndpointUrl(url: string | true | undefined): void {
  if (typeof url !== 'string') return;
  // urllib.parse.urlsplit: a scheme is letters, digits, + - . before ':' starting with a letter
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:/.test(url)) {
    throw new UsageError(
      `Bad value for --endpoint-url "${url}": scheme is missing.  Must be of the form http://<hostname>/ or https://<hostname>/`,
    );
  }
}
