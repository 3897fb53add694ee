/**
 * The lazy drop-in: `<script type="module" src=".../autoloader.js">` defines only the `fjord-` tags on the page,
 * each from its own module beside this file, when its tag first appears — at load or added later. Shadow roots
 * are out of a MutationObserver's sight: pass one to `observe()` to cover it too.
 */

/** Each tag and the module that defines it. */
export const widgets: Record<string, () => Promise<unknown>> = {
  'fjord-photo': () => import('./photo/photo.js'),
  'fjord-article-card': () => import('./article-card/article-card.js'),
  'fjord-fact-box': () => import('./fact-box/fact-box.js'),
  'fjord-cluster-badge': () => import('./cluster-badge/cluster-badge.js'),
  'fjord-newsletter-signup': () => import('./newsletter-signup/newsletter-signup.js'),
};

const pending = new Set(Object.keys(widgets));
const observers: MutationObserver[] = [];

/** Imports the modules of the pending tags used in `root`; resolves when they are defined. */
export function load(root: ParentNode): Promise<unknown> {
  const found = [...pending].filter((tag) => (root instanceof Element && root.localName === tag) || root.querySelector(tag));
  for (const tag of found) pending.delete(tag);
  if (!pending.size) for (const o of observers.splice(0)) o.disconnect();
  return Promise.all(found.map((tag) => widgets[tag]()));
}

/** Loads what `root` (the document, or a shadow root) holds now, and what is added to it later. */
export function observe(root: Document | ShadowRoot): Promise<unknown> {
  if (pending.size) {
    const observer = new MutationObserver((records) => {
      for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) void load(node);
    });
    observer.observe(root, { childList: true, subtree: true });
    observers.push(observer);
  }
  return load(root);
}

if (typeof document !== 'undefined') void observe(document);
