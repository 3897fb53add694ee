// The Custom Elements Manifest (dist/custom-elements.json, from `npm run build`) against what the widgets really
// have, found without the analyzer: attributes from `observedAttributes`, reactive properties from Lit's
// `elementProperties`, parts and slots from the shadow roots of each widget in several states, component custom
// properties from its styles, and event names from its source. Something public that the manifest lacks fails here.
import { expect, fixture } from '@open-wc/testing';
import type { LitElement, CSSResultOrNative } from 'lit';
import '../../src/index.js';
import { widgets as autoloaded } from '../../src/autoloader.js';
import { tokens } from '../../src/shared/tokens.js';

interface Item {
  name: string;
  description?: string;
  type?: { text: string };
}
interface Declaration {
  tagName?: string;
  customElement?: boolean;
  summary?: string;
  description?: string;
  attributes?: Item[];
  members?: (Item & { kind: string; static?: boolean })[];
  slots?: Item[];
  cssParts?: Item[];
  cssProperties?: Item[];
  events?: Item[];
}
interface Module {
  path: string;
  declarations?: Declaration[];
}

type LitClass = typeof LitElement;
type State = { html: string; then?: (el: HTMLElement) => unknown };

const IMG = '/demo/assets/act-ledere-800.jpg';
const LONG = `<ul>${Array.from({ length: 14 }, (_, i) => `<li>Fakta nummer ${i + 1}</li>`).join('')}</ul>`;

/** Each widget in the states that show its optional parts. More states only make the check stricter. */
const STATES: Record<string, State[]> = {
  // The second photo's image is a file that is no image (no 404 in the log): the broken state.
  'fjord-photo': [
    { html: `<fjord-photo src="${IMG}" alt="Tre kvinner" width="800" height="533" caption="Bildetekst" credit="Kent Erik Sjursen" zoomable></fjord-photo>`, then: (el) => (el as HTMLElement & { showFullSize(): void }).showFullSize() },
    { html: `<fjord-photo zoomable><img src="/package.json" alt="Tre kvinner" width="800" height="533">Bildetekst<a slot="credit" href="#">Kent Erik Sjursen</a></fjord-photo>` },
  ],
  'fjord-article-card': [
    {
      html: `<fjord-article-card href="/sak" headline="Overskrift" lead="Ingress" kicker="Næringsliv" byline="Kari Nordmann" published="2026-01-02T10:00:00Z" updated="2026-01-03T10:00:00Z" sponsored sponsor="ACT" live type="video" image-src="${IMG}" image-alt="" image-width="800" image-height="533" ratio="16:9"></fjord-article-card>`,
    },
    { html: `<fjord-article-card><img src="${IMG}" alt=""><h3><a href="/sak">Overskrift</a></h3><p>Ingress</p></fjord-article-card>` },
    { html: `<fjord-article-card href="/sak" layout="compact" headline="Overskrift" type="podcast"></fjord-article-card>` },
    { html: `<fjord-article-card loading></fjord-article-card>` },
  ],
  'fjord-fact-box': [
    { html: `<fjord-fact-box heading="Fakta om ACT" source="Brønnøysundregistrene" updated="2026-01-02" collapsed-height="60" tone="info">${LONG}</fjord-fact-box>`, then: (el) => el.shadowRoot!.querySelector<HTMLElement>('[part~=toggle]')?.click() },
    { html: `<fjord-fact-box><h3>Fakta</h3><p>Kort.</p></fjord-fact-box>` },
  ],
  'fjord-cluster-badge': [
    { html: `<fjord-cluster-badge name="Arctic Cluster Team" short-name="ACT" level="arena-pro" nce esca="gold"></fjord-cluster-badge>` },
    {
      html: `<fjord-cluster-badge variant="card" name="Arctic Cluster Team" level="arena-pro" nce esca="gold" partners="83" since="2017" until="2020" region="Mo i Rana" href="https://example.no"><img src="${IMG}" alt="ACT"></fjord-cluster-badge>`,
    },
  ],
  'fjord-newsletter-signup': [
    { html: `<fjord-newsletter-signup action="/test-api/signup/ok" list="nyheter" privacy-href="/personvern" consent-required name-field><h2>Nyhetsbrev</h2><p>Hver uke.</p></fjord-newsletter-signup>` },
    { html: `<fjord-newsletter-signup action="/test-api/signup/ok"></fjord-newsletter-signup>`, then: (el) => (el as HTMLElement & { fail(): void }).fail() },
    { html: `<fjord-newsletter-signup action="/test-api/signup/ok"></fjord-newsletter-signup>`, then: (el) => (el as HTMLElement & { succeed(): void }).succeed() },
    { html: `<fjord-newsletter-signup><form action="/test-api/signup/ok" method="post"><input type="email" name="email" required><button>Meld på</button></form></fjord-newsletter-signup>` },
  ],
};

const manifest: { modules: Module[] } | undefined = await fetch('/dist/custom-elements.json').then((r) => (r.ok ? r.json() : undefined));
const declarations = (manifest?.modules ?? []).flatMap((m) => (m.declarations ?? []).map((d) => ({ ...d, source: m.path })));
const elements = declarations.filter((d) => d.customElement && d.tagName);
const byTag = new Map(elements.map((d) => [d.tagName!, d]));
const names = (items: Item[] | undefined) => new Set((items ?? []).map((i) => i.name));
const missing = (found: Iterable<string>, listed: Set<string>) => [...found].filter((n) => !listed.has(n)).sort();
/** `src/<name>/<name>.ts` for `dist/npm/<name>/<name>.js`. */
const sourceOf = (path: string) => '/' + path.replace(/^dist\/npm\//, 'src/').replace(/\.js$/, '.ts');
const globalTokens = new Set(tokens.cssText.match(/--fjord-[a-z0-9-]+/g));

function cssText(styles: CSSResultOrNative[]): string {
  return styles.map((s) => ('cssText' in s ? s.cssText : [...(s as CSSStyleSheet).cssRules].map((r) => r.cssText).join('\n'))).join('\n');
}

/** Every `part` name and `<slot name>` in the widget's shadow root, across its states. */
async function rendered(tag: string) {
  const parts = new Set<string>();
  const slots = new Set<string>();
  for (const state of STATES[tag] ?? []) {
    const wrapper = await fixture<HTMLElement>(`<div lang="nb">${state.html}</div>`);
    const el = wrapper.firstElementChild as LitElement;
    await el.updateComplete;
    await state.then?.(el);
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 50)); // image errors and slotchange
    await el.updateComplete;
    for (const node of el.shadowRoot!.querySelectorAll('[part]')) for (const p of node.getAttribute('part')!.split(/\s+/)) if (p) parts.add(p);
    for (const slot of el.shadowRoot!.querySelectorAll('slot')) slots.add(slot.name);
  }
  return { parts, slots };
}

/** Event names in the widget's code (as the dev server sends it: no types, no comments): quoted `fjord-…` strings that are not tag names. */
async function sourceEvents(path: string) {
  const code = await (await fetch(sourceOf(path))).text();
  const literals = [...code.matchAll(/['"](fjord-[a-z0-9-]+)['"]/g)].map((m) => m[1]);
  return new Set(literals.filter((name) => !customElements.get(name)));
}

describe('custom-elements.json', () => {
  it('is built (npm run build) and lists every widget that src/index.ts registers, each in the autoloader', () => {
    expect(manifest, 'dist/custom-elements.json is missing: run `npm run build` first').to.not.equal(undefined);
    const registered = Object.keys(STATES).filter((tag) => customElements.get(tag));
    expect(registered.length).to.be.greaterThan(0);
    expect([...byTag.keys()].sort()).to.deep.equal(registered.sort());
    expect(Object.keys(autoloaded).sort()).to.deep.equal(registered.sort());
  });

  for (const tag of Object.keys(STATES)) {
    describe(tag, () => {
      const decl = () => {
        const d = byTag.get(tag);
        if (!d) throw new Error(`${tag} is not in the manifest`);
        return d;
      };
      const ctor = () => customElements.get(tag) as unknown as LitClass;

      it('has every observed attribute, and no attribute the element does not observe', () => {
        const observed = new Set(ctor().observedAttributes);
        const listed = names(decl().attributes);
        expect(missing(observed, listed), 'attributes missing from the manifest').to.deep.equal([]);
        expect(missing(listed, observed), 'attributes in the manifest the element does not have').to.deep.equal([]);
      });

      it('has every public reactive property as a field', () => {
        const props = [...ctor().elementProperties].filter(([, options]) => !options.state).map(([key]) => String(key));
        const fields = new Set((decl().members ?? []).filter((m) => m.kind === 'field').map((m) => m.name));
        expect(missing(props, fields), 'properties missing from the manifest').to.deep.equal([]);
      });

      it('has every part and slot the element renders, in each of its states', async () => {
        const { parts, slots } = await rendered(tag);
        expect(missing(parts, names(decl().cssParts)), 'parts missing from the manifest').to.deep.equal([]);
        expect(missing(slots, names(decl().slots)), 'slots missing from the manifest (default slot: `@slot - …`)').to.deep.equal([]);
      });

      it(`has every --${tag}-* custom property its styles read`, () => {
        const used = new Set(cssText(ctor().elementStyles).match(new RegExp(`--${tag}-[a-z0-9-]+`, 'g')) ?? []);
        for (const name of globalTokens) used.delete(name);
        expect(missing(used, names(decl().cssProperties)), 'custom properties missing from the manifest').to.deep.equal([]);
      });

      it('has every event its code fires, each typed by an HTMLElementEventMap entry', async () => {
        const events = await sourceEvents((decl() as Declaration & { source: string }).source);
        expect(missing(events, names(decl().events)), 'events missing from the manifest (`@fires`)').to.deep.equal([]);
        // The manifest config copies each event's type from the widget's HTMLElementEventMap entry, and leaves none without one.
        const untyped = (decl().events ?? []).filter((e) => !e.type?.text.startsWith('CustomEvent<')).map((e) => e.name);
        expect(untyped, 'events without an HTMLElementEventMap entry').to.deep.equal([]);
      });

      it('describes the element and every attribute, slot, part, custom property and event', () => {
        const d = decl();
        expect(d.summary, '@summary').to.be.a('string').and.not.equal('');
        expect(d.description, 'class description').to.be.a('string').and.not.equal('');
        for (const [kind, items] of Object.entries({ attribute: d.attributes, slot: d.slots, part: d.cssParts, 'custom property': d.cssProperties, event: d.events })) {
          const bare = (items ?? []).filter((i) => !i.description?.trim()).map((i) => i.name || '(default slot)');
          expect(bare, `${kind}s without a description`).to.deep.equal([]);
        }
      });
    });
  }
});
