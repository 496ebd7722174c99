// The output pager (awscli utils.py OutputStreamFactory): the formatted output goes to the pager
// instead of stdout. The pager is started only when there is something to print, so an empty
// response never starts it (nor fails on a missing one).

import { ConfigError } from '../errors.js';
import type { Io } from '../io.js';
import { pagerEnv } from './resolve-pager.js';
import { PagerStartError, spawnPager, type PagerRunner } from './run-pager.js';

/** A pager that cannot be started (errorhandler.py PagerErrorHandler): 253. */
export class PagerError extends ConfigError {
  override name = 'PagerError';
  constructor(
    message: string,
    /** colorama was wrapping stderr (a coloured table): each of the handler's writes gets ESC[0m */
    readonly coloramaWrapped = false,
  ) {
    super(message);
  }

  override render(): string {
    return this.coloramaWrapped ? `\n\x1b[0m${this.message}\x1b[0m\n\x1b[0m` : super.render();
  }
}

/** utils.py PagerInitializationException, as the handler words it */
export function pagerStartErrorMessage(err: PagerStartError): string {
  return (
    'Unable to redirect output to pager. Received the following error when opening pager:\n' +
    `${err.pythonText()}\n\n` +
    'Learn more about configuring the output pager by running "aws help config-vars".'
  );
}

export interface WriteThroughPagerOptions {
  /** Starts the pager; the real spawn by default. */
  run?: PagerRunner;
  /** The output is a coloured table: colorama wraps stderr, and an error shows it (§3.9). */
  coloramaWrapped?: boolean;
}

/**
 * Writes `text` through the pager `argv` (from resolvePager) and waits until the pager exits.
 * A pager that cannot be started is a PagerError (ConfigError, 253) with the CLI's text.
 */
export async function writeThroughPager(
  io: Pick<Io, 'env'>,
  argv: readonly string[],
  text: string,
  options: WriteThroughPagerOptions = {},
): Promise<void> {
  if (text === '') return;
  try {
    await (options.run ?? spawnPager)(argv, text, pagerEnv(io.env));
  } catch (e) {
    if (e instanceof PagerStartError) throw new PagerError(pagerStartErrorMessage(e), options.coloramaWrapped === true);
    throw e;
  }
}
