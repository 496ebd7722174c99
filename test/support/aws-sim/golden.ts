// The goldens of the simulated-AWS cases: test/fixtures/sim-aws/<case id>.json, one per case, with
// each reference's observation and the reference's version string.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../run-cli.js';
import type { SimObservation } from './observation.js';
import type { ReferenceName } from './references.js';

export const GOLDEN_DIR = join(REPO_ROOT, 'test', 'fixtures', 'sim-aws');

export interface SimGolden {
  id: string;
  summary: string;
  /** `--version` of each reference that recorded the case. */
  versions: Partial<Record<ReferenceName, string>>;
  observations: Partial<Record<ReferenceName, SimObservation>>;
}

export function goldenPath(id: string): string {
  return join(GOLDEN_DIR, `${id}.json`);
}

export function loadGolden(id: string): SimGolden {
  const p = goldenPath(id);
  if (!existsSync(p)) throw new Error(`no golden for ${id}: record it with node scripts/record-sim-aws.mjs ${id}`);
  return JSON.parse(readFileSync(p, 'utf8')) as SimGolden;
}

export function writeGolden(g: SimGolden): void {
  mkdirSync(GOLDEN_DIR, { recursive: true });
  writeFileSync(goldenPath(g.id), `${JSON.stringify(g, null, 1)}\n`);
}
