// `s3abort help` and `s3abort --help`: the reference page, through the pager (help.py).

import { lazy } from '../lazy.js';
import type { Run } from '../pipeline/context.js';

/** Shows the help page and waits for its pager; SIGINT meanwhile belongs to the pager (help.py ignore_ctrl_c). */
export async function showHelpPage(run: Pick<Run, 'io' | 'deps' | 'state'>): Promise<number> {
  const { showHelp } = await lazy.help();
  run.state.pagerActive = true;
  try {
    return await showHelp(run.io, run.deps.runPager ? { runPager: run.deps.runPager } : {});
  } finally {
    run.state.pagerActive = false;
  }
}
