/**
 * Runs inside each bench page. A page calls `install()` with its variant's markup for one teaser; bench/cold.mjs
 * then calls `bench.run()` through puppeteer. One run: parse and insert all teasers with `innerHTML`, wait until every
 * custom element has rendered, force style and layout, and (unless told to keep them) remove them again. Everything
 * timed happens in one task (Lit renders in microtasks), so a trace can also give that task's CPU time.
 */
import { esc, teasers as makeTeasers } from './variants.js';

const params = new URLSearchParams(location.search);
export const COUNT = Number(params.get('count')) || 1000;

/** The same content for every variant: 1,000 teasers unless ?count= says otherwise. */
export const teasers = makeTeasers(COUNT);
export { esc };

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
// A frame, so the removal before a run is painted away; a timeout in case the page gets no frames.
const frame = () => Promise.race([new Promise((resolve) => requestAnimationFrame(resolve)), pause(100)]);

/** Every element below `root` with Lit's `updateComplete`, in the light DOM and in open shadow roots. */
function deepUpdating(root, found = []) {
  for (const el of root.querySelectorAll('*')) {
    if ('updateComplete' in el) found.push(el);
    if (el.shadowRoot) deepUpdating(el.shadowRoot, found);
  }
  return found;
}

/**
 * @param {{ name: string, tags?: string[], markup: (teaser: typeof teasers[number]) => string }} variant
 *   `tags`: the custom elements whose rendering a run waits for (their `updateComplete`).
 */
export function install({ name, tags = [], markup }) {
  const container = document.getElementById('cards');
  const source = teasers.map(markup).join('');
  const selector = tags.join(',');
  // Set when an element renders custom elements of its own in its shadow root: then a run waits for those too.
  let deep = false;

  const settle = () => {
    if (!selector) return Promise.all([]);
    const elements = deep ? deepUpdating(container) : container.querySelectorAll(selector);
    const pending = [];
    for (const el of elements) pending.push(el.updateComplete);
    return Promise.all(pending);
  };

  window.bench = {
    name,
    count: COUNT,

    /** Waits until the variant's elements are defined (at most 10 s); returns the tags that are not. */
    async ready() {
      await Promise.race([Promise.all(tags.map((tag) => customElements.whenDefined(tag))), pause(10_000)]);
      return tags.filter((tag) => !customElements.get(tag));
    },

    /** One measured run, in ms: total and its three phases. */
    async run({ keep = false } = {}) {
      container.replaceChildren();
      globalThis.gc?.();
      await frame();
      await pause(10);
      performance.mark('bench-run'); // finds this run's task in a trace, for its CPU time
      const t0 = performance.now();
      container.innerHTML = source; // parse, create, upgrade (constructor, connectedCallback)
      const t1 = performance.now();
      await settle(); // Lit's first render of every element
      const t2 = performance.now();
      container.getBoundingClientRect(); // forced style recalc and layout of the whole document
      container.lastElementChild?.getBoundingClientRect();
      const t3 = performance.now();
      if (!keep) {
        await pause(0); // the removal in a task of its own, so the run's task holds the timed work alone
        container.replaceChildren();
      }
      return { total: t3 - t0, insert: t1 - t0, render: t2 - t1, layout: t3 - t2 };
    },

    /** What a kept run left on the page: for the sanity check before timing. */
    inspect() {
      const updating = deepUpdating(container);
      const nested = updating.filter((el) => el.getRootNode() !== document || !tags.includes(el.localName));
      if (nested.length) deep = true;
      const first = container.firstElementChild;
      const text = (el) => `${el?.shadowRoot?.textContent ?? ''} | ${el?.textContent ?? ''}`;
      return {
        teasers: container.children.length,
        customElements: updating.length,
        nestedTags: [...new Set(nested.map((el) => el.localName))],
        stillPending: updating.filter((el) => el.isUpdatePending).length,
        undefinedElements: container.querySelectorAll(':not(:defined)').length,
        firstHeight: Math.round(first?.getBoundingClientRect().height ?? 0),
        containerType: first ? getComputedStyle(first).containerType : '',
        height: Math.round(container.getBoundingClientRect().height),
        firstText: text(first).replace(/\s+/g, ' ').trim().slice(0, 400),
      };
    },

    clear() {
      container.replaceChildren();
    },
  };
}
