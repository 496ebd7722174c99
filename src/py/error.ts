// A Python exception as the clone reproduces one: its class and its str() text.

/** The exception classes the reproduced Python code raises. */
export type PyErrorType =
  | 'ValueError'
  | 'TypeError'
  | 'OverflowError'
  | 'RuntimeError'
  | 'OSError'
  | 'LookupError'
  | 'RecursionError'
  | 'JSONDecodeError'
  | 'UnicodeDecodeError';

export class PyError extends Error {
  override name = 'PyError';
  constructor(
    readonly type: PyErrorType,
    message: string,
  ) {
    super(message);
  }
}
