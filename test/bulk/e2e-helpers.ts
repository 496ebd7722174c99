// Shared pieces of the bulk end-to-end tests: a simulator per test (stopped after it), the built
// CLI run against it with runCli's clean environment, and the result document's type.
import { afterEach, expect } from 'vitest';
import { runCli, type RunCliOptions } from '../support/run-cli.js';
import { startS3Sim, type S3Sim, type SimOptions } from '../support/s3-sim.js';

export interface Entry {
  Key: string;
  UploadId: string;
  Initiated?: string;
  Status: string;
  Verified?: boolean;
  Error?: { Code: string; Message: string };
}

export interface Doc {
  DryRun: boolean;
  /** with --all-uploads: the instant the cutoff resolved to */
  Cutoff?: string;
  Uploads: Entry[];
  /** with --all-uploads */
  Listing?: { Complete: boolean; Pages: number; Error?: { Code: string; Message: string } };
  Stopped?: string;
  Summary: { Selected: number; Aborted: number; AlreadyGone: number; Unconfirmed: number; Failed: number; Skipped?: number };
}

const sims: S3Sim[] = [];

/** A simulator that is stopped after the current test. */
export async function sim(opts: SimOptions = {}): Promise<S3Sim> {
  const s = await startS3Sim(opts);
  sims.push(s);
  return s;
}

/** Call once per test file. */
export function stopSimsAfterEach(): void {
  afterEach(async () => {
    await Promise.all(sims.splice(0).map((s) => s.stop()));
  });
}

export function cli(s: S3Sim, bucket: string, args: string[], opts: RunCliOptions = {}) {
  return runCli(['--endpoint-url', s.url, 's3api', 'abort-multipart-upload', '--bucket', bucket, ...args], opts);
}

export const summary = (d: Doc) => d.Summary;

export function counts(d: Doc): Record<string, number> {
  const c: Record<string, number> = {};
  for (const u of d.Uploads) c[u.Status] = (c[u.Status] ?? 0) + 1;
  return c;
}

/** Every upload appears once, and Selected counts them. */
export function expectUnique(d: Doc): void {
  const ids = d.Uploads.map((u) => u.UploadId);
  expect(new Set(ids).size).toBe(ids.length);
  expect(d.Summary.Selected).toBe(ids.length);
}
