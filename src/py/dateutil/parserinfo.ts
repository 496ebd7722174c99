// dateutil.parser.parserinfo with its defaults (dateutil 2.8.2): the words the parser knows
// (all matched case-insensitively), the UTC zone names, and convertyear.

const JUMP = new Set([' ', '.', ',', ';', '-', '/', "'", 'at', 'on', 'and', 'ad', 'm', 't', 'of', 'st', 'nd', 'rd', 'th']);
const WEEKDAYS = lookup([['Mon', 'Monday'], ['Tue', 'Tuesday'], ['Wed', 'Wednesday'], ['Thu', 'Thursday'], ['Fri', 'Friday'], ['Sat', 'Saturday'], ['Sun', 'Sunday']]);
const MONTHS = lookup([
  ['Jan', 'January'], ['Feb', 'February'], ['Mar', 'March'], ['Apr', 'April'], ['May', 'May'], ['Jun', 'June'],
  ['Jul', 'July'], ['Aug', 'August'], ['Sep', 'Sept', 'September'], ['Oct', 'October'], ['Nov', 'November'], ['Dec', 'December'],
]);
const HMS = lookup([['h', 'hour', 'hours'], ['m', 'minute', 'minutes'], ['s', 'second', 'seconds']]);
const AMPM = lookup([['am', 'a'], ['pm', 'p']]);
export const UTCZONE = ['UTC', 'GMT', 'Z', 'z'];
const UTCZONE_LOWER = new Set(UTCZONE.map((z) => z.toLowerCase()));

function lookup(groups: string[][]): Map<string, number> {
  const m = new Map<string, number>();
  groups.forEach((names, i) => names.forEach((n) => m.set(n.toLowerCase(), i)));
  return m;
}

export const jump = (name: string) => JUMP.has(name.toLowerCase());
export const weekday = (name: string) => WEEKDAYS.get(name.toLowerCase());
export const month = (name: string) => {
  const m = MONTHS.get(name.toLowerCase());
  return m === undefined ? undefined : m + 1;
};
export const hms = (name: string) => HMS.get(name.toLowerCase());
export const ampm = (name: string) => AMPM.get(name.toLowerCase());
export const pertain = (name: string) => name.toLowerCase() === 'of';
export const utczone = (name: string) => UTCZONE_LOWER.has(name.toLowerCase());
/** parserinfo.tzoffset: the exact (case-sensitive) name among the lower-cased UTC zone keys. */
export const tzoffsetOf = (name: string): number | undefined => (UTCZONE_LOWER.has(name) ? 0 : undefined);

/** parserinfo.convertyear: a two-digit year lands within 50 years of the current one. */
export function convertYear(year: bigint, centurySpecified: boolean, currentYear: number): bigint {
  if (year < 100n && !centurySpecified) {
    const cy = BigInt(currentYear);
    year += (cy / 100n) * 100n;
    if (year >= cy + 50n) year -= 100n;
    else if (year < cy - 50n) year += 100n;
  }
  return year;
}
