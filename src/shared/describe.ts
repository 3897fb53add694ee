import { warn } from './warn.js';
import type { Description } from './structured-data.js';

const described = new WeakSet<Element>();

/**
 * Keeps a widget's schema.org JSON-LD in step with it. The code that writes JSON-LD (Trusted Types policy,
 * escaping, absolute URLs) is a separate module, loaded the first time a page turns `structured-data` on,
 * so the drop-in file does not carry it for the many pages that never do. So are the property names of each type:
 * `data` gives the type and its values in the order structured-data.ts lists for them.
 */
export function describe(host: HTMLElement, on: boolean, data: () => Description): void {
  if (!on && !described.has(host)) return;
  if (on) described.add(host);
  else described.delete(host);
  const value = on ? data() : undefined;
  import('./structured-data.js').then(
    (m) => m.setStructuredData(host, value),
    // Blocked (an import map's integrity, a CSP) or offline: the page just goes without JSON-LD.
    () => warn(host, 'structured-data', 'structured-data: the module that writes JSON-LD could not be loaded.'),
  );
}
