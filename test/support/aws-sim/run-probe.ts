// Runs net-probe.ts's operations in a fresh simulated AWS (the self-tests' way in), returning each
// operation's result and what the services logged.
import { fileURLToPath } from 'node:url';
import type { ProbeOp, ProbeResult } from './net-probe.js';
import type { SimLogSnapshot } from './sim-log.js';
import { runSim, type SimRunOptions } from './sim-run.js';

export const NET_PROBE = fileURLToPath(new URL('./net-probe.ts', import.meta.url));

export interface ProbeRun {
  results: ProbeResult[];
  log: SimLogSnapshot;
  setupMs: number;
  /** The run folder it used (removed by now). */
  tmp: string;
}

export async function runProbe(opts: Omit<SimRunOptions, 'probe' | 'commands'>, ops: ProbeOp[]): Promise<ProbeRun> {
  const r = await runSim({ ...opts, probe: { module: NET_PROBE, input: ops } });
  return { results: r.probe as ProbeResult[], log: r.log, setupMs: r.setupMs, tmp: r.ctx.tmp! };
}
