const cache = new Map<string, unknown>();
const keys = new WeakMap<object, string>();
const LONG: Intl.DateTimeFormatOptions = { dateStyle: 'long' };
const AUTO: Intl.RelativeTimeFormatOptions = { numeric: 'auto' };

/**
 * Intl formatters are costly to build; every widget on a page shares one per kind, language and option set. An options
 * object is written out once (a page of a thousand cards asks a thousand times with the same one).
 */
export function intl<T>(Kind: new (locale: string, options?: object) => T, locale: string, options?: object): T {
  const key = Kind.name + locale + (options ? (keys.get(options) ?? (keys.set(options, JSON.stringify(options)), keys.get(options))) : '');
  if (!cache.has(key)) cache.set(key, new Kind(locale, options));
  return cache.get(key) as T;
}

export function formatDate(locale: string, date: Date, options = LONG): string {
  return intl(Intl.DateTimeFormat, locale, options).format(date);
}

export function formatRelative(locale: string, value: number, unit: Intl.RelativeTimeFormatUnit): string {
  return intl(Intl.RelativeTimeFormat, locale, AUTO).format(value, unit);
}

/** Text with its runs of whitespace made one space, and trimmed. */
export const fold = (text?: string | null): string => (text ?? '').replace(/\s+/g, ' ').trim();

/** What a date attribute's warning says when `parseDate` does not take its value. */
export const NOT_A_DATE = 'is not an ISO 8601 date such as 2021-06-10.';

/** Parses an ISO 8601 date or date-time; `undefined` for anything else. */
export function parseDate(value: string | null | undefined): Date | undefined {
  const text = value?.trim() ?? '';
  const date = new Date(text);
  return /^\d{4}-\d\d(-\d\d)?([T ][\d:.]+(Z|[+-]\d\d:?\d\d)?)?$/.test(text) && !Number.isNaN(+date) ? date : undefined;
}
