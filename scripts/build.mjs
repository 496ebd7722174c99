// Bundles the CLI into dist/ with esbuild. dist/cli.js is src/startup/entry.ts: it turns on the V8
// compile cache where Node has one (>= 22.1) and imports the CLI, which esbuild splits into chunks:
// the AWS SDK and the credential providers stay behind dynamic imports and load only when a request
// is sent. The build fails if any SDK code ends up in a chunk that --version would load.
import { build } from 'esbuild';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const outdir = new URL('../dist', import.meta.url).pathname;
rmSync(outdir, { recursive: true, force: true });
const result = await build({
  entryPoints: { cli: 'src/startup/entry.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // the SDK's ES module builds (dist-es) tree-shake; their CommonJS builds (dist-cjs, esbuild's
  // default for platform node) bring every operation's schema and a CommonJS wrapper per module
  mainFields: ['module', 'main'],
  // smaller files parse faster; names are not kept (keepNames wraps every function the SDK creates
  // per request in a call that sets its name, about 15 % of a bulk run's CPU): nothing may rely on
  // a class's or function's `name` (errors carry their own `name`/`code` fields)
  minify: true,
  sourcemap: false,
  legalComments: 'linked',
  metafile: true,
  logLevel: 'warning',
  write: false,
});

// A bundled CommonJS module that calls require() gets esbuild's shim, which needs a real `require`
// in scope; only the chunks holding such a shim get one, because importing node:module costs every
// start about a millisecond (today none does: the SDK's ES module builds call no require()).
const REQUIRE_BANNER =
  "import { createRequire as __s3abortCreateRequire } from 'node:module'; const require = __s3abortCreateRequire(import.meta.url);\n";
for (const file of result.outputFiles) {
  mkdirSync(dirname(file.path), { recursive: true });
  const needsRequire = file.path.endsWith('.js') && /typeof require\b/.test(file.text);
  writeFileSync(file.path, needsRequire ? REQUIRE_BANNER + file.text : file.contents);
}

// what loads before the first dynamic import: the entry and its static imports, transitively
const outputs = result.metafile.outputs;
const entry = Object.keys(outputs).find((f) => outputs[f].entryPoint === 'src/startup/entry.ts');
const eager = new Set();
const visit = (f) => {
  if (eager.has(f)) return;
  eager.add(f);
  for (const i of outputs[f].imports) if (i.kind === 'import-statement' && outputs[i.path]) visit(i.path);
};
visit(entry);
const cli = outputs[entry].imports.find((i) => i.kind === 'dynamic-import' && outputs[i.path]);
if (cli) visit(cli.path);
const sdk = [...eager].flatMap((f) => Object.keys(outputs[f].inputs).filter((p) => /node_modules\/@(aws-sdk|smithy|aws)\//.test(p)));
if (sdk.length > 0) {
  throw new Error(`the AWS SDK must load lazily, but the startup chunks hold:\n  ${sdk.slice(0, 10).join('\n  ')}`);
}
