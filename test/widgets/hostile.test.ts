// Hostile input, property-based: random attribute values and contents never throw, never run script,
// never turn attribute text into markup, and never let an unsafe URL reach href/src.
// The seed is fixed so CI is repeatable; fast-check prints the seed and the shrunk case on failure.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import '../../src/index.js';
import { watchWarnings } from '../support/helpers.js';

const SEED = 20261127;
const RUNS = 40;

declare global {
  interface Window {
    fjordPwned?: number;
  }
}

const SCRIPT_URLS = ['javascript:window.fjordPwned=1', ' JaVaScRiPt:window.fjordPwned=1', 'java\tscript:window.fjordPwned=1', 'vbscript:msgbox(1)', 'data:text/html,<script>window.fjordPwned=1</script>', 'data:image/svg+xml,<svg onload="window.fjordPwned=1">'];
const MARKUP = ['<b data-evil>x</b>', '<img src=x onerror="window.fjordPwned=1" data-evil>', '"><svg data-evil onload="window.fjordPwned=1">', '</script><script data-evil>window.fjordPwned=1</script>', '<style data-evil>*{display:none}</style>', '{{constructor.constructor("window.fjordPwned=1")()}}', '${window.fjordPwned=1}'];
const MALFORMED = ['', ' ', 'NaN', '-1', '1e309', '2021-13-45', '2021-02-30T25:61:00Z', '0x10', '١٢٣', '1 234', '83.5', 'null', 'undefined', 'true', '[object Object]'];

const hostile = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(...SCRIPT_URLS, ...MARKUP, ...MALFORMED),
  fc.string({ minLength: 2000, maxLength: 6000 }),
);

const UNSAFE_SCHEME = /^(javascript|vbscript|data|file|blob):/i;
const URL_ATTRIBUTES = ['href', 'src', 'srcset', 'action', 'formaction', 'xlink:href', 'poster'];

/** Every element in a widget's shadow root, nested shadow roots included. */
function shadowElements(root: ShadowRoot | null | undefined): Element[] {
  if (!root) return [];
  const all = [...root.querySelectorAll('*')];
  return all.concat(all.flatMap((el) => shadowElements(el.shadowRoot)));
}

const widgets = ['fjord-photo', 'fjord-article-card', 'fjord-fact-box', 'fjord-cluster-badge', 'fjord-newsletter-signup'].filter((tag) =>
  customElements.get(tag),
);

describe('hostile input', () => {
  let warnings: ReturnType<typeof watchWarnings>;
  let errors: string[];
  const onError = (e: ErrorEvent | PromiseRejectionEvent) => {
    errors.push(String('reason' in e ? e.reason : e.message));
  };
  beforeEach(() => {
    warnings = watchWarnings();
    errors = [];
    window.fjordPwned = undefined;
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onError);
  });
  afterEach(() => {
    warnings.restore();
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onError);
  });

  for (const tag of widgets) {
    it(`<${tag}> survives random attributes and content`, async () => {
      const attributes = [...((customElements.get(tag) as unknown as { observedAttributes: string[] }).observedAttributes ?? [])];
      expect(attributes.length).to.be.greaterThan(0);
      await fc.assert(
        fc.asyncProperty(
          fc.dictionary(fc.constantFrom(...attributes), hostile, { maxKeys: attributes.length }),
          fc.constantFrom('lang', ''),
          fc.array(hostile, { maxLength: 3 }),
          async (attrs, langAttr, texts) => {
            const el = document.createElement(tag) as HTMLElement & { updateComplete: Promise<unknown> };
            for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
            if (langAttr) el.setAttribute('lang', texts[0] ?? 'nn');
            // Page content arrives as text (a CMS escaping it), plus a heading, a paragraph and an image.
            el.append(...texts.map((t) => document.createTextNode(t)));
            const heading = document.createElement('h3');
            heading.textContent = texts[1] ?? 'Overskrift';
            el.append(heading);
            document.body.append(el);
            try {
              await el.updateComplete;
              await el.updateComplete;
              const inside = shadowElements(el.shadowRoot);
              expect(inside.filter((e) => e.hasAttribute('data-evil')), 'markup from an attribute').to.have.length(0);
              expect(el.querySelector('[data-evil]'), 'markup in light DOM').to.equal(null);
              for (const node of inside) {
                for (const name of URL_ATTRIBUTES) {
                  const value = node.getAttribute(name);
                  if (value === null) continue;
                  const probe = value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
                  expect(UNSAFE_SCHEME.test(probe), `${node.localName}[${name}]="${value.slice(0, 80)}"`).to.equal(false);
                }
              }
              expect(el.shadowRoot!.childNodes.length, 'the widget rendered something').to.be.greaterThan(0);
            } finally {
              el.remove();
            }
            await new Promise((r) => setTimeout(r, 0));
            expect(window.fjordPwned, 'script ran').to.equal(undefined);
            expect(errors, 'errors thrown').to.deep.equal([]);
          },
        ),
        { seed: SEED, numRuns: RUNS, endOnFailure: true },
      );
    });
  }

  it('covers every widget', () => {
    expect(widgets).to.have.length(5);
  });
});
