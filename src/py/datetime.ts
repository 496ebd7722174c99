// Python datetime texts the AWS CLI prints.

/** datetime.isoformat() of an aware UTC time: `2026-11-20T10:00:00+00:00`, microseconds when any. */
export function pyIsoformat(d: Date): string {
  const base = d.toISOString().slice(0, 19);
  const ms = d.getUTCMilliseconds();
  return `${base}${ms ? `.${String(ms * 1000).padStart(6, '0')}` : ''}+00:00`;
}
