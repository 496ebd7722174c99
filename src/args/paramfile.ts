// file:// and fileb:// parameter values (awscli/paramfile.py get_paramfile / get_file).
//
// The prefix test is case-sensitive; the rest of the value goes through os.path.expanduser and
// then os.path.expandvars. file:// is read in text mode: decoded with AWS_CLI_FILE_ENCODING (or
// UTF-8, the C.UTF-8 locale's encoding) and with universal newlines ("\r\n" and "\r" become "\n");
// nothing is stripped. fileb:// gives the bytes. A value with neither prefix is returned as it is.
// Errors are awscli's ParamError: "Error parsing parameter '<cli name>': <message>" (252).
//
// s3abort difference: file:///dev/stdin (and fileb:///dev/stdin) read standard input through
// io.readStdin(), once; the AWS CLI opens the device itself, and reads it a second time for
// --cli-input-*, where it then sees nothing.

import path from 'node:path';
import { GeneralError, UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { pyDecode } from '../py/codecs.js';
import { pyOsErrorText } from '../py/errno.js';
import { PyError } from '../py/error.js';
import { expandUser, expandVars } from '../py/posixpath.js';

const STDIN_PATHS = new Set(['/dev/stdin']);

export async function loadParamFile(value: string, cliName: string, io: Io): Promise<string | Uint8Array> {
  const binary = value.startsWith('fileb://');
  if (!binary && !value.startsWith('file://')) return value;
  const prefix = binary ? 'fileb://' : 'file://';
  const filePath = expandVars(expandUser(value.slice(prefix.length), io.env, io.homedir), io.env);
  const fail = (message: string) => new UsageError(`Error parsing parameter '${cliName}': ${message}`);

  if (filePath.includes('\0')) throw new GeneralError('embedded null byte');
  let bytes: Uint8Array;
  if (STDIN_PATHS.has(path.posix.resolve(io.cwd, filePath))) {
    bytes = await io.readStdin();
  } else {
    try {
      bytes = io.fs.readFile(filePath === '' ? '' : path.resolve(io.cwd, filePath));
    } catch (e) {
      throw fail(`Unable to load paramfile ${value}: ${pyOsErrorText(e, filePath)}`);
    }
  }
  if (binary) return bytes;

  // compat.py getpreferredencoding: AWS_CLI_FILE_ENCODING when set (even empty), else the locale's
  const encoding = io.env.AWS_CLI_FILE_ENCODING ?? 'utf-8';
  let text: string | undefined;
  try {
    text = pyDecode(bytes, encoding);
  } catch (e) {
    // codecs.lookup -> LookupError; open() does not catch it, so the CLI exits 255 with its text
    if (e instanceof PyError) throw new GeneralError(e.message);
    throw e;
  }
  if (text === undefined) {
    throw fail(
      `Unable to load paramfile (${filePath}), text contents could not be decoded.  ` +
        'If this is a binary file, please use the fileb:// prefix instead of the file:// prefix.',
    );
  }
  // text mode: universal newlines
  return text.replace(/\r\n?/g, '\n');
}
