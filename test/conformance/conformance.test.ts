// The conformance cases, in-process: each calls main() from src/main.ts with an Io built as
// src/cli.ts builds it (test/support/run-main.ts) against moto or the scripted stub, and compares
// with what the real `aws s3api abort-multipart-upload` did. The public cases and goldens are
// copied from ../shared/conformance; the extra cases (cases-extra.json, written by
// scripts/gen-conformance-extra.py) were recorded with harness.py record against the AWS CLI
// 2.9.19, and the few where s3abort differs on purpose carry an `expect` block and a doc saying
// why. The rules are harness.py's; see test/support/conformance.ts. A representative set of the
// same cases also runs the built CLI as a process: conformance-spawned.test.ts.
import { fileURLToPath } from 'node:url';
import { defineConformanceSuite, loadCases, loadGoldens } from '../support/conformance.js';

const here = (name: string): string => fileURLToPath(new URL(name, import.meta.url));

defineConformanceSuite({
  name: 'conformance (public cases), in-process',
  cases: loadCases(here('./cases-public.json')),
  goldens: loadGoldens(here('./golden-public.json')),
  mode: 'inprocess',
  concurrent: true,
});

defineConformanceSuite({
  name: 'conformance (extra cases), in-process',
  cases: loadCases(here('./cases-extra.json')),
  goldens: loadGoldens(here('./golden-extra.json')),
  mode: 'inprocess',
  concurrent: true,
});
