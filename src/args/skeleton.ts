// --generate-cli-skeleton (awscli/customizations/generatecliskeleton.py), built from the model table.
//
// input:      ArgumentGenerator().generate_skeleton(input_shape) -> json.dump(indent=4) + "\n".
//             string -> "" (or the first enum value), timestamp -> datetime(1970, 1, 1) which
//             json_encoder writes as "1970-01-01T00:00:00".
// yaml-input: the same values through ruamel's round-trip dumper, each member with an end-of-line
//             comment "# [REQUIRED] <doc overview> Valid values are: a, b.". ruamel puts the first
//             comment of a mapping two spaces after the value, the later ones one space.
// output:     ArgumentGenerator(use_member_names=True) on the output shape: strings are their
//             member names. The result goes through the normal formatters.

import type { PyDict, PyValue } from '../py/value.js';
import { ABORT_INPUT_MEMBERS, ABORT_OUTPUT_MEMBERS, type MemberSpec } from './model.js';

const EPOCH_ISO = '1970-01-01T00:00:00';
const EPOCH_YAML = '1970-01-01 00:00:00';

export function inputSkeletonJson(): string {
  const lines = ABORT_INPUT_MEMBERS.map((m) => `    ${jsonString(m.name)}: ${jsonString(m.type === 'timestamp' ? EPOCH_ISO : (m.enum?.[0] ?? ''))}`);
  return `{\n${lines.join(',\n')}\n}\n`;
}

export function inputSkeletonYaml(): string {
  let out = '';
  let commented = 0;
  for (const m of ABORT_INPUT_MEMBERS) {
    const value = m.type === 'timestamp' ? EPOCH_YAML : yamlString(m.enum?.[0] ?? '');
    const comment = memberComment(m);
    if (comment === undefined) {
      out += `${m.name}: ${value}\n`;
      continue;
    }
    // ruamel: the first end-of-line comment has no column to align with and lands one space further
    out += `${m.name}: ${value}${commented++ === 0 ? '  ' : ' '}# ${comment}\n`;
  }
  return out;
}

export function outputSkeletonResponse(): PyValue {
  const response: PyDict = new Map();
  for (const m of ABORT_OUTPUT_MEMBERS) response.set(m.name, m.name);
  return response;
}

/** YAMLArgumentGenerator._add_member_comments */
function memberComment(m: MemberSpec): string | undefined {
  const parts: string[] = [];
  if (m.required) parts.push('[REQUIRED]');
  parts.push(m.docOverview);
  if (m.enum?.length) parts.push(`Valid values are: ${m.enum.join(', ')}.`);
  const comment = parts.join(' ');
  return comment.trim() === '' ? undefined : comment;
}

/** json.dumps of a str (ensure_ascii). */
function jsonString(s: string): string {
  return JSON.stringify(s).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A string as ruamel writes it: plain when it cannot be read as anything else, else single-quoted. */
function yamlString(s: string): string {
  const plain = /^[A-Za-z][A-Za-z0-9_.-]*$/.test(s) && !/^(?:true|false|null|yes|no|on|off|y|n)$/i.test(s);
  return plain ? s : `'${s.replace(/'/g, "''")}'`;
}
