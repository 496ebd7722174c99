// Lets plain `node` run the simulated AWS's TypeScript (the case runner inside the namespace, the
// recording script): Node 20 cannot strip types itself, and a bundle would move import.meta.url
// away from the sources. `node --import ./test/support/aws-sim/ts-loader.mjs file.ts` registers
// the hooks below: a `./x.js` import from a .ts file finds `./x.ts` (the sources' NodeNext
// spelling), and a .ts file is compiled by esbuild, one file at a time, before Node loads it.
import { register } from 'node:module';

if (!globalThis.__simAwsTsLoader) {
  globalThis.__simAwsTsLoader = true;
  register('./ts-hooks.mjs', import.meta.url);
}
