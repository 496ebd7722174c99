// dateutil's parser._result.

/** parser._result: what _parse found; undefined is None. */
export interface ParseResult {
  year?: bigint;
  month?: bigint;
  day?: bigint;
  weekday?: number;
  hour?: bigint;
  minute?: bigint;
  second?: bigint;
  microsecond?: bigint;
  tzname?: string;
  tzoffset?: number;
  ampm?: number;
  centurySpecified: boolean;
}

/** len(res): the fields that are set. */
export function resLength(r: ParseResult): number {
  const slots = [r.year, r.month, r.day, r.weekday, r.hour, r.minute, r.second, r.microsecond, r.tzname, r.tzoffset, r.ampm];
  return slots.filter((x) => x !== undefined).length;
}
