// Loaded on demand by describe.ts: everything that writes JSON-LD into the page. It imports nothing, so the
// bundler keeps it as one file of its own beside the drop-in file.
import type { ClusterLevel } from '../cluster-badge/levels.js';

let policy: { createScript(input: string): string } | false | undefined;
let ours: string | undefined;
let warned = false;

/**
 * Script text for a JSON-LD block. Under Trusted Types it goes through the `fjord-elements` policy, which
 * passes only the JSON this module has just produced (anything else comes out empty), nothing a caller passes in.
 */
function scriptText(host: Element, json: string): string | undefined {
  const tt = (globalThis as { trustedTypes?: { createPolicy(name: string, rules: object): typeof policy } }).trustedTypes;
  if (!tt) return json;
  try {
    policy ??= tt.createPolicy('fjord-elements', { createScript: (input: string) => (input == ours ? input : '') });
  } catch {
    policy = false;
  }
  if (!policy) {
    if (!warned) console.warn(`<${host.localName}>: structured-data needs 'fjord-elements' in your CSP's trusted-types directive.`, host);
    warned = true;
    return undefined;
  }
  ours = json;
  const text = policy.createScript(json);
  ours = undefined;
  return text;
}

/**
 * The property names of what a widget describes, in the order its `describe()` call gives the values (a widget's
 * bundle carries the values, not the names).
 */
const SHAPES = {
  ImageObject: ['contentUrl', 'caption', 'creditText', 'copyrightNotice', 'license', 'acquireLicensePage'],
  NewsArticle: ['headline', 'url', 'image', 'datePublished', 'dateModified', 'author'],
  Organization: ['name', 'alternateName', 'url', 'foundingDate', 'location', 'award'],
  // The URLs of the cards, made into ListItems.
  ItemList: ['itemListElement'],
};

/** What `describe()` passes: a type of SHAPES and its values. */
export type Description = [type: keyof typeof SHAPES, ...values: unknown[]];

const URL_KEYS = ['contentUrl', 'url', 'image', 'license', 'acquireLicensePage'];

/** Makes the URLs of an object absolute (they arrive already checked as safe). */
function absolute(object: Record<string, unknown>): void {
  for (const key of URL_KEYS) {
    if (typeof object[key] != 'string') continue;
    try {
      object[key] = new URL(object[key] as string, document.baseURI).href;
    } catch {
      delete object[key];
    }
  }
}

/**
 * Completes what a widget describes: URLs made absolute (also those of list items), a credit or
 * byline turned into a Person, a region into a Place. A credit such as "Ola Nordmann / NTB" names the
 * photographer and, after the slash, the agency as the photographer's organisation.
 */
function complete(data: Description): Record<string, unknown> {
  const [type, ...values] = data;
  const out: Record<string, unknown> = { '@context': 'https://schema.org', '@type': type };
  SHAPES[type].forEach((key, i) => (out[key] = values[i]));
  // Text a widget found empty is left out.
  for (const key of ['caption', 'author', 'alternateName', 'location']) out[key] ||= undefined;
  absolute(out);
  if (type == 'ItemList') {
    out.itemListElement = (out.itemListElement as unknown[]).map((url, i) => ({ '@type': 'ListItem', position: i + 1, url }));
    (out.itemListElement as Record<string, unknown>[]).forEach(absolute);
  }
  const person = (name: unknown) => {
    if (typeof name != 'string' || !name) return undefined;
    const [who, agency] = name.split(/\s*\/\s*/, 2);
    return { '@type': 'Person', name: who || name, sourceOrganization: agency ? { '@type': 'Organization', name: agency } : undefined };
  };
  if (out['@type'] == 'ImageObject') out.creator = person(out.creditText);
  if (typeof out.author == 'string') out.author = person(out.author);
  if (typeof out.location == 'string') out.location = { '@type': 'Place', name: out.location };
  // A badge's year as text, and its level as "Arena Pro — Norwegian Innovation Clusters".
  out.foundingDate = (out.foundingDate as number | undefined)?.toString();
  const level = out.award as ClusterLevel | undefined;
  if (level) out.award = [level.label.en, level.programme?.en].filter(Boolean).join(' — ');
  return out;
}

/**
 * Keeps a `<script type="application/ld+json">` inside `host` (light DOM, so crawlers read it; in a slot
 * that is never rendered) in step with `data`, or removes it when `data` is undefined. `<` is escaped,
 * so text such as `</script>` cannot end the element even when the page is serialised.
 */
export function setStructuredData(host: Element, data: Description | undefined): void {
  let script = host.querySelector<HTMLScriptElement>(':scope > script[data-fjord-ld]');
  if (!data || !host.isConnected) return script?.remove();
  const json = JSON.stringify(complete(data)).replace(/</g, '\\u003c');
  const text = script?.textContent === json ? undefined : scriptText(host, json);
  if (text === undefined) return;
  if (!script) {
    script = document.createElement('script');
    script.type = 'application/ld+json';
    script.slot = 'structured-data';
    script.dataset.fjordLd = '';
    host.append(script);
  }
  script.textContent = text;
}
