// The built entry (dist/cli.js): turns on V8's compile cache where the runtime has one, then loads
// the CLI. Node >= 22.1 keeps the compiled code of every module loaded after this call in a cache
// folder (os.tmpdir()/node-compile-cache, or NODE_COMPILE_CACHE; NODE_DISABLE_COMPILE_CACHE=1 turns
// it off), so later runs skip parsing and compiling the bundle. Node 20 has no such API, and there
// this module costs one extra require. The bundle is CommonJS: no top-level await, and import() of
// the CLI becomes a require() in the next microtask.

type ModuleApi = { enableCompileCache?: () => unknown };
const getBuiltinModule = (process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule;
const enableCompileCache = (getBuiltinModule?.('node:module') as ModuleApi | undefined)?.enableCompileCache;
if (typeof enableCompileCache === 'function') {
  try {
    enableCompileCache();
  } catch {
    // a cache folder that cannot be written only means no cache
  }
}

void import('../cli.js');
