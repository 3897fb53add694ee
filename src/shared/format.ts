/** Intl formatters are costly to build; every widget on a page shares one per language and option set. */
const cache = new Map<string, unknown>();

function memo<T>(key: string, make: () => T): T {
  let value = cache.get(key) as T | undefined;
  if (value === undefined) cache.set(key, (value = make()));
  return value;
}

export function formatNumber(locale: string, n: number): string {
  return memo(`n|${locale}`, () => new Intl.NumberFormat(locale)).format(n);
}

export function pluralCategory(locale: string, n: number): Intl.LDMLPluralRule {
  return memo(`p|${locale}`, () => new Intl.PluralRules(locale)).select(n);
}

export function formatDate(locale: string, date: Date, options: Intl.DateTimeFormatOptions = { dateStyle: 'long' }): string {
  return memo(`d|${locale}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale, options)).format(date);
}

export function formatRelative(locale: string, value: number, unit: Intl.RelativeTimeFormatUnit): string {
  return memo(`r|${locale}`, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })).format(value, unit);
}

/** Parses an ISO 8601 date or date-time; `undefined` for anything else. */
export function parseDate(value: string | null | undefined): Date | undefined {
  const text = value?.trim();
  if (!text || !/^\d{4}-\d{2}(-\d{2})?([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(text)) return undefined;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** Parses a whole, non-negative number as a page would write it ("83", "1 234", "1234"); `undefined` otherwise. */
export function parseCount(value: string | null | undefined): number | undefined {
  const text = value?.replace(/[\s\u00a0\u202f]/g, '');
  if (!text || !/^\d{1,15}$/.test(text)) return undefined;
  return Number(text);
}
