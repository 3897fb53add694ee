// Shared by the Node sanitizer tests (sanitize-html, WordPress's kses): HTML parsed the way a browser parses it
// (parse5), reduced to what carries meaning, and the checks that hostile markup came out clean.
import { parseFragment } from 'parse5';
import { FOREIGN_TAGS, badValue, unsafeUrl } from '../support/cms-markup.ts';

/** Tags, attributes (sorted) and children; text with its white space collapsed, white-space-only text left out. */
export function meaning(html) {
  const walk = (node) => {
    if (node.nodeName == '#text') {
      const text = node.value.replace(/\s+/g, ' ').trim();
      return text ? [text] : [];
    }
    if (!node.tagName) return [];
    const children = (node.tagName == 'template' ? node.content : node).childNodes.flatMap(walk);
    return [{ tag: node.tagName, attributes: node.attrs.map((a) => [a.name, a.value]).sort(([a], [b]) => a.localeCompare(b)), children }];
  };
  return parseFragment(html).childNodes.flatMap(walk);
}

/** Every element of a fragment, depth first. */
export function elements(html) {
  const out = [];
  const walk = (node) => {
    if (node.tagName) out.push(node);
    (node.tagName == 'template' ? node.content : node).childNodes?.forEach(walk);
  };
  walk(parseFragment(html));
  return out;
}

/**
 * What is wrong with sanitized markup: event handler attributes, a script or data: URL in a URL attribute of the
 * allowlist, a value outside its `attributeValues`, a `<script>`, a foreign `fjord-` tag, or a tag the allowlist and the sanitizer's own list both lack.
 */
export function problems(html, allowlist) {
  const found = [];
  for (const el of elements(html)) {
    if (el.tagName == 'script') found.push('<script>');
    if (FOREIGN_TAGS.includes(el.tagName) || (el.tagName.startsWith('fjord-') && !allowlist.tags.includes(el.tagName))) found.push(`<${el.tagName}>`);
    for (const { name, value } of el.attrs) {
      if (/^on/i.test(name)) found.push(`${el.tagName}[${name}]`);
      if (badValue(allowlist, el.tagName, name, value)) found.push(`${el.tagName}[${name}="${value}"]`);
      const urls = allowlist.urlAttributes[el.tagName] ?? [];
      if (urls.includes(name) && unsafeUrl(value, allowlist.srcsetAttributes[el.tagName]?.includes(name))) found.push(`${el.tagName}[${name}="${value}"]`);
    }
  }
  return found;
}
