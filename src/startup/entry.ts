// The built entry (dist/cli.js): turns on V8's compile cache where the runtime has one, then loads
// the CLI. Node >= 22.1 keeps the compiled code of every module loaded after this call in a cache
// folder (os.tmpdir()/node-compile-cache, or NODE_COMPILE_CACHE; NODE_DISABLE_COMPILE_CACHE=1 turns
// it off), so later runs skip parsing and compiling the bundle. Before 22.1 there is no such API:
// compile-cache.ts then keeps a cache of the bundle's chunks itself. The bundle is CommonJS: no
// top-level await, and import() becomes a require() in the next microtask.

import Module from 'node:module';
import type { CachedCompiler } from './compile-cache.js';

const enableCompileCache = (Module as { enableCompileCache?: () => unknown }).enableCompileCache;
if (typeof enableCompileCache === 'function') {
  try {
    enableCompileCache();
  } catch {
    // a cache folder that cannot be written only means no cache
  }
  void import('../cli.js');
} else if (process.env.NODE_DISABLE_COMPILE_CACHE === '1') {
  void import('../cli.js');
} else {
  // Node's CommonJS loader compiles each file in Module.prototype._compile: the bundle's chunks of
  // 8 KB or more loaded after startup go to compile-cache.js instead (its own file, loaded then)
  type Compile = (this: NodeModule, content: string, filename: string, ...rest: unknown[]) => unknown;
  const proto = (Module as unknown as { prototype: { _compile: Compile } }).prototype;
  const original = proto._compile;
  const dist = `${__dirname}/`;
  let startup = true;
  let compiler: CachedCompiler | null | undefined;
  proto._compile = function (content, filename, ...rest) {
    if (!startup && content.length >= 8192 && filename.startsWith(dist) && filename.endsWith('.js')) {
      if (compiler === undefined) {
        try {
          // the chunks' names carry a hash of their content; V8 checks its own version and flags
          const cc = this.require(`${dist}compile-cache.js`) as typeof import('./compile-cache.js');
          compiler = cc.createCompiler(`${process.version}-${process.arch}`);
        } catch {
          compiler = null;
        }
      }
      if (compiler) return compiler(this, content, filename);
    }
    return original.call(this, content, filename, ...rest);
  };
  // the CLI's chunk and the startup chunk load synchronously within this import; the chunks
  // imported later (in later microtasks) may use the cache
  void import('../cli.js').then(() => {
    startup = false;
  });
}
