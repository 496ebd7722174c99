/** Python int(text) for base 10: surrounding whitespace, a sign, digits with single underscores. */
export function pyIntText(text: string): number | undefined {
  const t = text.trim();
  if (!/^[+-]?\d+(?:_\d+)*$/.test(t)) return undefined;
  return Number(t.replace(/_/g, ''));
}
