import { warn } from './warn.js';

let policy: { createScript(input: string): string } | null | undefined;
let ours: string | undefined;

/**
 * Script text for a JSON-LD block. Under Trusted Types it goes through the `fjord-elements` policy, which
 * accepts only the JSON this module has just produced, nothing a caller passes in.
 */
function scriptText(host: Element, json: string): string | undefined {
  const tt = (globalThis as { trustedTypes?: { createPolicy(name: string, rules: object): typeof policy } }).trustedTypes;
  if (!tt) return json;
  if (policy === undefined) {
    try {
      policy = tt.createPolicy('fjord-elements', {
        createScript(input: string) {
          if (input !== ours) throw new TypeError('fjord-elements: not the library’s own JSON-LD');
          return input;
        },
      });
    } catch {
      policy = null;
    }
  }
  if (!policy) {
    warn(host, 'trusted-types', "structured-data needs 'fjord-elements' in the trusted-types directive of your Content-Security-Policy.");
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

/** A Person for a credit like "Ola Nordmann / NTB": the agency after the slash becomes the sourceOrganization. */
export function creditPerson(credit: string | undefined): Record<string, unknown> | undefined {
  if (!credit) return undefined;
  const [name, agency] = credit.split(/\s*\/\s*/, 2);
  return { '@type': 'Person', name: name || credit, sourceOrganization: agency ? { '@type': 'Organization', name: agency } : undefined };
}
