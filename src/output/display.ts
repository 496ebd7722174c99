// The last pipeline stage: --query over the response, then the chosen formatter.
// awscli clidriver.py/formatter.py: the output type is checked only here, after the request.
//
// Only the chosen formatter is loaded (a single abort prints nothing with most of them), and the
// JMESPath engine only when there is a query: render() is async for that.

import { GeneralError } from '../errors.js';
import type { PyValue } from '../py/value.js';
import type { CompiledQuery } from '../query/jmespath.js';
import { FormatterCrash } from './formatter-crash.js';

export interface DisplayOptions {
  format: string;
  query?: CompiledQuery;
  color: boolean;
  /** colorama's autoreset (default: `color`); false when the output goes to the pager */
  autoreset?: boolean;
  terminalWidth: number;
  /** the operation name, the table's title */
  title: string;
}

/** Where the AWS CLI's formatter itself crashes: what it had written, and its error (exit 255). */
export class DisplayCrash extends GeneralError {
  override name = 'DisplayCrash';
  constructor(
    message: string,
    readonly partialOutput: string,
  ) {
    super(message);
  }
}

/**
 * An error raised once the coloured table formatter exists: awscli table.py starts colorama with
 * autoreset on stdout and stderr, so each of the error handler's three writes ("\n", the message,
 * "\n") gets ESC[0m after it.
 */
export class ColoramaWrappedError extends GeneralError {
  override name = 'ColoramaWrappedError';
  override render(): string {
    return `\n\x1b[0m${this.message}\x1b[0m\n\x1b[0m`;
  }
}

export async function render(response: PyValue, opts: DisplayOptions): Promise<string> {
  const formatter = await pickFormatter(opts);
  let value = response;
  if (opts.query) {
    try {
      value = opts.query.search(response);
    } catch (e) {
      // the query ran: the engine is loaded, and this import only names its error class
      const { JmespathRuntimeError } = await import('../query/jmespath.js');
      if (e instanceof JmespathRuntimeError) {
        // formatter.py: the formatter (and colorama with it) is created before the query runs
        throw opts.format === 'table' && opts.color ? new ColoramaWrappedError(e.message) : new GeneralError(e.message);
      }
      throw e;
    }
  }
  try {
    return formatter(value);
  } catch (e) {
    if (e instanceof FormatterCrash) throw new DisplayCrash(e.message, e.partialOutput);
    throw e;
  }
}

async function pickFormatter(opts: DisplayOptions): Promise<(v: PyValue) => string> {
  switch (opts.format) {
    case 'json':
      return (await import('./json.js')).formatJson;
    case 'text':
      return (await import('./text.js')).formatText;
    case 'table': {
      const { formatTable } = await import('./table.js');
      return (v) =>
        formatTable(v, {
          title: opts.title,
          color: opts.color,
          terminalWidth: opts.terminalWidth,
          ...(opts.autoreset !== undefined ? { autoreset: opts.autoreset } : {}),
        });
    }
    case 'yaml':
      return (await import('./yaml.js')).formatYaml;
    case 'yaml-stream':
      return (await import('./yaml.js')).formatYamlStream;
    default:
      throw new GeneralError(`Unknown output type: ${opts.format}`);
  }
}
