// The documentation of each option, read out of the help page (for the auto-prompt's doc panel
// and the completion menus), so that there is one text per option.

import { HELP_PAGE, type HelpBlock } from './page.js';
import { stripMarkup } from './markup.js';

export interface OptionDoc {
  readonly flag: string;
  /** as the page writes it: string, boolean, timestamp, int, integer */
  readonly type: string;
  /** s3abort's own option (not in the AWS CLI) */
  readonly own: boolean;
  /** The paragraphs of its documentation, plain text (bullets as `o value`). */
  readonly paragraphs: readonly string[];
}

const TAG = /^\{b:(--[a-z0-9-]+)\}(?: \| \{b:(--[a-z0-9-]+)\})? \(([a-z]+)(, s3abort)?\)(?: (.*))?$/;

let cache: ReadonlyMap<string, OptionDoc> | undefined;

/** Every option the page documents, by flag (both flags of `--cli-input-json | --cli-input-yaml`). */
export function optionDocs(): ReadonlyMap<string, OptionDoc> {
  if (cache) return cache;
  const docs = new Map<string, OptionDoc>();
  let section = '';
  let current: { flags: string[]; type: string; own: boolean; paragraphs: string[]; tagIndent: number } | undefined;
  const flush = () => {
    if (current) {
      for (const flag of current.flags) {
        docs.set(flag, { flag, type: current.type, own: current.own, paragraphs: current.paragraphs });
      }
    }
    current = undefined;
  };
  for (const block of HELP_PAGE as readonly HelpBlock[]) {
    if (block.kind === 'heading') {
      flush();
      section = block.text;
      continue;
    }
    if (section !== 'OPTIONS' && section !== 'GLOBAL OPTIONS') continue;
    if (block.kind !== 'para') continue;
    const m = block.tag === undefined ? TAG.exec(block.text) : null;
    if (m && block.indent === 7) {
      flush();
      current = {
        flags: [m[1]!, ...(m[2] ? [m[2]] : [])],
        type: m[3]!,
        own: m[4] !== undefined,
        paragraphs: m[5] ? [stripMarkup(m[5])] : [],
        tagIndent: block.indent,
      };
      continue;
    }
    if (!current) continue;
    // in OPTIONS the text is indented under the tag; in GLOBAL OPTIONS it is at the tag's column
    if (section === 'OPTIONS' && block.indent <= current.tagIndent) {
      flush();
      continue;
    }
    const text = stripMarkup(block.text);
    current.paragraphs.push(block.tag !== undefined ? `${block.tag} ${text}` : text);
  }
  flush();
  cache = docs;
  return docs;
}

/** The first paragraph of an option's documentation ('' when the page does not document it). */
export function optionSummary(flag: string): string {
  return optionDocs().get(flag)?.paragraphs[0] ?? '';
}
