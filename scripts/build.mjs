// Bundles src/cli.ts into dist/ with esbuild. Heavy modules (the AWS SDK) stay behind dynamic
// imports, so esbuild splits them into chunks that load only when a request is sent.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: { cli: 'src/cli.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: false,
  sourcemap: false,
  legalComments: 'linked',
  logLevel: 'warning',
  banner: {
    // some bundled CommonJS packages call require(); give them one in the ESM bundle
    js: "import { createRequire as __s3abortCreateRequire } from 'node:module'; const require = __s3abortCreateRequire(import.meta.url);",
  },
});
