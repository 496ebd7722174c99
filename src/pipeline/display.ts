// The last stage (clidriver.py/formatter.py): --query over the response, the chosen formatter,
// and the output pager (utils.py OutputStreamFactory: AWS_PAGER > cli_pager > PAGER > less, on a
// terminal only).

import type { Parsed } from '../args/parse-argv.js';
import type { Io } from '../io.js';
import { lazy } from '../lazy.js';
import type { PyValue } from '../py/value.js';
import { pagerFromSetting } from '../pager/resolve-pager.js';
import type { Command, Run } from './context.js';

const OPERATION = 'AbortMultipartUpload';

export interface Display {
  /** The text of a response (--query, then the formatter), as it would be printed; may throw as printing would. */
  render(response: PyValue): Promise<string>;
  /** Prints a response: to stdout, or through the pager. */
  show(response: PyValue): Promise<void>;
  /** The output format and whether a pager is used (a bulk run streams plain json itself). */
  readonly format: string;
  readonly paged: boolean;
}

export function createDisplay(run: Run, cmd: Pick<Command, 'globals' | 'settings' | 'query'>): Display {
  const { io, state, deps } = run;
  const { globals } = cmd;
  const format = typeof globals.output === 'string' ? globals.output : cmd.settings.output;
  const pager = pagerFromSetting(cmd.settings.pager, globals.noCliPager === true, io.stdout.isTTY === true);
  const color = colorOn(globals, io);
  const render = async (response: PyValue): Promise<string> => {
    // the table formatter starts colorama (table.py ColorizedStyler), even for an empty response
    if (format === 'table' && color) state.colorama = true;
    const { render: renderResponse } = await lazy.display();
    return renderResponse(response, {
      format,
      ...(cmd.query ? { query: cmd.query } : {}),
      color,
      // colorama's autoreset wraps sys.stdout only: the pager's pipe gets the cell colours alone
      autoreset: color && pager === null,
      terminalWidth: io.stdout.isTTY && io.stdout.columns ? io.stdout.columns : 80,
      title: OPERATION,
    });
  };
  return {
    format,
    paged: pager !== null,
    render,
    async show(response) {
      const text = await render(response);
      if (!text) return;
      if (!pager) {
        io.stdout.write(text);
        return;
      }
      const { writeThroughPager } = await lazy.pager();
      // colorama wraps stderr too: a pager error after a coloured table shows its resets
      const coloramaWrapped = format === 'table' && color;
      state.pagerActive = true;
      try {
        await writeThroughPager(io, pager, text, { run: deps.runPager, coloramaWrapped });
      } finally {
        state.pagerActive = false;
      }
    },
  };
}

function colorOn(globals: Parsed, io: Io): boolean {
  const c = typeof globals.color === 'string' ? globals.color : 'auto';
  if (c === 'on') return true;
  if (c === 'off') return false;
  return io.stdout.isTTY === true && !io.env.NO_COLOR;
}
