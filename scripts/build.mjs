// Bundles the CLI into dist/ with esbuild. dist/cli.js is src/startup/entry.ts: it turns on the V8
// compile cache where Node has one (>= 22.1) and imports the CLI, which esbuild splits into chunks:
// the AWS SDK and the credential providers stay behind dynamic imports and load only when a request
// is sent. The build fails if any SDK code ends up in a chunk that --version would load. The chunks
// are shipped as CommonJS (see toCommonJs below); bin/ and dist/ each hold a package.json saying so.
import { build, transformSync } from 'esbuild';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const outdir = new URL('../dist', import.meta.url).pathname;
const root = new URL('..', import.meta.url).pathname;
rmSync(outdir, { recursive: true, force: true });
const options = {
  // compile-cache.js is required by the entry, by its path, only when a run loads more chunks
  entryPoints: { cli: 'src/startup/entry.ts', 'compile-cache': 'src/startup/compile-cache.ts' },
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
};

// esbuild puts each module in a chunk by the set of entries (the CLI and every import() target)
// that reach it, so the modules every run loads were spread over seven small shared chunks, and
// each file costs a start about 0.2 ms (resolve, read, compile, the CommonJS helpers) whatever its
// size. A first pass finds them: the modules src/cli.ts reaches through static imports. The real
// build then makes every import() target in src/ import them too (no-ops at run time: they are
// loaded before any import() runs), which gives them one shared set of entries, hence one chunk.
const probe = await build(options);
const startupModules = reachable(probe.metafile.inputs, 'src/cli.ts');
const lazyTargets = new Set();
for (const [path, input] of Object.entries(probe.metafile.inputs)) {
  if (!path.startsWith('src/')) continue;
  for (const i of input.imports) if (i.kind === 'dynamic-import' && i.path.startsWith('src/') && i.path !== 'src/cli.ts') lazyTargets.add(i.path);
}
const oneStartupChunk = {
  name: 'one-startup-chunk',
  setup(b) {
    b.onLoad({ filter: /\/src\/.*\.ts$/ }, (args) => {
      const rel = relative(root, args.path);
      if (!lazyTargets.has(rel)) return undefined;
      const imports = [...startupModules].filter((m) => m !== 'src/cli.ts' && m.endsWith('.ts')).map((m) => `import ${JSON.stringify(join(root, m))};`);
      return { contents: `${readFileSync(args.path, 'utf8')}\n${imports.join('\n')}\n`, loader: 'ts' };
    });
  },
};
const result = await build({ ...options, plugins: [oneStartupChunk] });

/** The inputs that `from` reaches through static imports (itself included). */
function reachable(inputs, from) {
  const seen = new Set();
  const visit = (p) => {
    if (seen.has(p) || !inputs[p]) return;
    seen.add(p);
    for (const i of inputs[p].imports) if (i.kind === 'import-statement') visit(i.path);
  };
  visit(from);
  return seen;
}

// esbuild splits code into chunks only for ES modules; every chunk is then turned into a CommonJS
// module, which Node starts faster: an ES module entry sets up the ES module loader (about 1.2x
// `node -e 0` for an empty module), and each ESM import of a built-in builds its whole namespace.
// Static imports become require() calls at the top (ESM hoists them the same way), exports become
// getters (live bindings), `this` at the top level stays undefined, and "use strict" keeps ESM's
// strict mode. import() of a chunk or a built-in becomes a require() in a later microtask, as an
// import() settles; a built-in keeps its namespace shape (named exports plus `default`).
for (const file of result.outputFiles) {
  mkdirSync(dirname(file.path), { recursive: true });
  if (!file.path.endsWith('.js')) {
    writeFileSync(file.path, file.contents);
    continue;
  }
  writeFileSync(file.path, toCommonJs(file.text, file.path));
}
// dist/*.js are CommonJS whatever the package's "type" says
writeFileSync(`${outdir}/package.json`, '{\n  "type": "commonjs"\n}\n');

function toCommonJs(text, path) {
  // `import fs from "node:fs"` is the module itself, as require() returns it; left to esbuild, it
  // becomes a copy with a getter per property (__toESM), made at every start for every built-in
  const head = /^(?:\s*import[^;]*;)*/.exec(text)[0];
  const esm = head.replace(/\bimport ([\w$]+) from"(node:[\w/]+)";/g, 'const $1=require("$2");') + text.slice(head.length);
  const r = transformSync(esm, { format: 'cjs', platform: 'node', target: 'node20', minify: true, legalComments: 'inline', sourcefile: path });
  if (r.warnings.length > 0) throw new Error(`${path}: converting to CommonJS: ${r.warnings.map((w) => w.text).join('; ')}`);
  const code = r.code
    .replace(/\bimport\(("\.\/[\w.-]+\.js")\)/g, 'Promise.resolve().then(()=>require($1))')
    .replace(/\bimport\(("node:[\w/]+")\)/g, 'Promise.resolve().then(()=>{let m=require($1);return{__proto__:m,default:m}})');
  const left = /\bimport\s*\(/.exec(code);
  if (left) throw new Error(`${path}: an import() was left in the CommonJS output: ${code.slice(left.index, left.index + 80)}`);
  return `"use strict";${code}`;
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
