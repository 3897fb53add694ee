import { warnValue } from './warn.js';

/**
 * Returns the URL when it is safe to put in `href` (kind `link`) or `src` (kind `image`):
 * http(s), mailto/tel for links, or a relative or fragment URL. Anything else is `undefined`.
 */
export function safeUrl(value: string | null | undefined, kind: 'link' | 'image' = 'link'): string | undefined {
  const url = value?.trim();
  const allowed = RegExp(`^(https?${kind == 'link' ? '|mailto|tel' : ''}):|^(?![a-z][a-z\\d+.-]*:)`, 'i');
  // Browsers ignore tabs, newlines and control characters inside a scheme ("java\tscript:"), so the check does too.
  return url && allowed.test(url.replace(/[\0-\x20\x7f-\x9f]/g, '')) ? url : undefined;
}

/** `safeUrl`, plus a warning naming the element and attribute when a given URL is dropped. */
export function checkedUrl(
  el: Element,
  attribute: string,
  value: string | null | undefined,
  kind: 'link' | 'image' = 'link',
): string | undefined {
  const url = safeUrl(value, kind);
  if (!url && value?.trim()) warnValue(el, attribute, value, `was not used: write an http(s)${kind == 'link' ? ', mailto:, tel:' : ''} or relative URL.`);
  return url;
}

/** A `srcset` whose every candidate URL is safe for `src`; otherwise `undefined`, with a warning. */
export function checkedSrcset(el: Element, attribute: string, value: string | null | undefined): string | undefined {
  const bad = value
    ?.split(',')
    .map((candidate) => candidate.trim().split(/\s+/)[0])
    .find((url) => url && !safeUrl(url, 'image'));
  return bad ? checkedUrl(el, attribute, bad, 'image') : value?.trim() || undefined;
}
