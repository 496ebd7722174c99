// What a formatter raises where the AWS CLI's formatter would raise a Python exception; on its own
// so that display.ts can recognise it without loading a formatter.

/**
 * A Python exception that the AWS CLI would raise while formatting. The CLI then reports it with
 * its general handler (stderr `\n<message>\n`, exit code 255); `partialOutput` is what had already
 * been written to stdout (the CLI flushes it) when the exception was raised.
 */
export class FormatterCrash extends Error {
  override readonly name = 'FormatterCrash';
  constructor(
    /** Python's str(exception), e.g. `'int' object has no attribute 'items'` */
    message: string,
    /** the Python exception class, e.g. `AttributeError` */
    readonly pyType: string,
    /** stdout already written when the exception happened ('' when none) */
    readonly partialOutput: string = '',
  ) {
    super(message);
  }
}
