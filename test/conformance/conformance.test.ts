// The public conformance cases: each spawns the built CLI against moto or the scripted stub and
// compares with what the real `aws s3api abort-multipart-upload` did (golden-public.json, copied
// from ../shared/conformance). The rules are harness.py's; see test/support/conformance.ts.
import { fileURLToPath } from 'node:url';
import { defineConformanceSuite, loadCases, loadGoldens } from '../support/conformance.js';

const here = (name: string): string => fileURLToPath(new URL(name, import.meta.url));

defineConformanceSuite({
  name: 'conformance (public cases)',
  cases: loadCases(here('./cases-public.json')),
  goldens: loadGoldens(here('./golden-public.json')),
});
