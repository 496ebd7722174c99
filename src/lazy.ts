// Every module that only some runs need, loaded on first use, in one place (as awscli's lazy.py):
// the startup chunk (--version, skeletons, usage errors) holds none of them. The bundler turns each
// import() into a chunk of its own.

export const lazy = {
  timestamp: () => import('./args/timestamp.js'),
  paramfile: () => import('./args/paramfile.js'),
  cliInput: () => import('./args/cli-input.js'),
  validate: () => import('./args/validate.js'),
  jmespath: () => import('./query/jmespath.js'),
  credentials: () => import('./config/credentials.js'),
  caBundle: () => import('./net/ca-bundle.js'),
  s3: () => import('./aws/s3.js'),
  display: () => import('./output/display.js'),
  pyvalue: () => import('./py/value.js'),
  pager: () => import('./pager/write-through-pager.js'),
  help: () => import('./help/show-help.js'),
  completion: () => import('./completion/command.js'),
  completionFs: () => import('./completion/node-fs.js'),
  prompt: () => import('./prompt/prompt-for-args.js'),
  promptFrame: () => import('./prompt/no-terminal-frame.js'),
  bulk: () => import('./modes/bulk.js'),
  errno: () => import('./py/errno.js'),
  bulkResult: () => import('./bulk/bulk-result.js'),
};
