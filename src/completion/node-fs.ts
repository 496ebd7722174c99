// The real file system for completion (paths after file://, the shared config files).

import fs from 'node:fs';
import type { CompletionFs, DirEntry } from './complete.js';

export function nodeCompletionFs(): CompletionFs {
  return {
    readFile: (p) => fs.readFileSync(p),
    exists: (p) => fs.existsSync(p),
    readdir: (dir): DirEntry[] =>
      fs.readdirSync(dir, { withFileTypes: true }).map((e) => {
        let isDir = e.isDirectory();
        if (e.isSymbolicLink()) {
          try {
            isDir = fs.statSync(`${dir}/${e.name}`).isDirectory();
          } catch {
            isDir = false;
          }
        }
        return { name: e.name, dir: isDir };
      }),
  };
}
