import { warn } from './warn.js';

let policy: { createScript(input: string): string } | false | undefined;
let ours: string | undefined;

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
    warn(host, 'trusted-types', "structured-data needs 'fjord-elements' in your CSP's trusted-types directive.");
    return undefined;
  }
  ours = json;
  const text = policy.createScript(json);
  ours = undefined;
  return text;
}

/**
 * Keeps a `<script type="application/ld+json">` inside `host` (light DOM, so crawlers read it; in a slot
 * that is never rendered) in step with `data`, or removes it when `data` is undefined. `<` is escaped,
 * so text such as `</script>` cannot end the element even when the page is serialised.
 */
export function setStructuredData(host: HTMLElement, data: Record<string, unknown> | undefined): void {
  let script = host.querySelector<HTMLScriptElement>(':scope > script[data-fjord-ld]');
  if (!data) return script?.remove();
  const json = JSON.stringify({ '@context': 'https://schema.org', ...data }).replace(/</g, '\\u003c');
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

/** An absolute URL for JSON-LD, or undefined. */
export function absoluteUrl(url: string | undefined): string | undefined {
  try {
    return url ? new URL(url, document.baseURI).href : undefined;
  } catch {
    return undefined;
  }
}
