import { warn } from './warn.js';

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const LINK_SCHEMES = ['http', 'https', 'mailto', 'tel'];
const IMAGE_SCHEMES = ['http', 'https'];

/**
 * Returns the URL when it is safe to put in `href` (kind `link`) or `src` (kind `image`):
 * http(s), mailto/tel for links, or a relative or fragment URL. Anything else is `undefined`.
 */
export function safeUrl(value: string | null | undefined, kind: 'link' | 'image' = 'link'): string | undefined {
  const url = value?.trim();
  if (!url) return undefined;
  // Browsers ignore tabs, newlines and control characters inside a scheme ("java\tscript:"),
  // so the check does too.
  const scheme = SCHEME.exec(url.replace(/[\u0000-\u0020\u007f-\u009f]/g, ''))?.[1].toLowerCase();
  if (scheme === undefined) return url;
  return (kind === 'link' ? LINK_SCHEMES : IMAGE_SCHEMES).includes(scheme) ? url : undefined;
}

/** `safeUrl`, plus a warning naming the element and attribute when a given URL is dropped. */
export function checkedUrl(
  el: Element,
  attribute: string,
  value: string | null | undefined,
  kind: 'link' | 'image' = 'link',
): string | undefined {
  const url = safeUrl(value, kind);
  if (url === undefined && value?.trim()) {
    const shown = value.length > 60 ? `${value.slice(0, 60)}…` : value;
    warn(el, `unsafe-${attribute}`, `${attribute}="${shown}" was not used: only http(s)${kind === 'link' ? ', mailto, tel' : ''}, relative and fragment URLs are allowed.`);
  }
  return url;
}

/** A `srcset` whose every candidate URL is safe for `src`; otherwise `undefined`, with a warning. */
export function checkedSrcset(el: Element, attribute: string, value: string | null | undefined): string | undefined {
  const bad = value
    ?.split(',')
    .map((candidate) => candidate.trim().split(/\s+/)[0])
    .find((url) => url && !safeUrl(url, 'image'));
  return bad === undefined ? value?.trim() || undefined : checkedUrl(el, attribute, bad, 'image');
}
