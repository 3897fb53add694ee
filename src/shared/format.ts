const cache = new Map<string, unknown>();

/** Intl formatters are costly to build; every widget on a page shares one per kind, language and option set. */
export function intl<T>(Kind: new (locale: string, options?: object) => T, locale: string, options?: object): T {
  const key = `${Kind.name}|${locale}|${JSON.stringify(options)}`;
  if (!cache.has(key)) cache.set(key, new Kind(locale, options));
  return cache.get(key) as T;
}

export function formatDate(locale: string, date: Date, options: Intl.DateTimeFormatOptions = { dateStyle: 'long' }): string {
  return intl(Intl.DateTimeFormat, locale, options).format(date);
}

export function formatRelative(locale: string, value: number, unit: Intl.RelativeTimeFormatUnit): string {
  return intl(Intl.RelativeTimeFormat, locale, { numeric: 'auto' }).format(value, unit);
}

/** Parses an ISO 8601 date or date-time; `undefined` for anything else. */
export function parseDate(value: string | null | undefined): Date | undefined {
  const text = value?.trim() ?? '';
  const date = new Date(text);
  return /^\d{4}-\d\d(-\d\d)?([T ][\d:.]+(Z|[+-]\d\d:?\d\d)?)?$/.test(text) && !Number.isNaN(+date) ? date : undefined;
}
