// React 19 with the widgets, through React's own custom-element support: a prop whose name is a property of the
// element is set as that property, any other as an attribute, and `on<event-name>` adds a listener for that event.
// (createElement rather than JSX keeps this file plain TypeScript; the JSX types are compiled in the npm consumer test.)
import { expect } from '@open-wc/testing';
import { createElement as h, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import '../../src/photo/photo.js';
import '../../src/fact-box/fact-box.js';
import '../../src/cluster-badge/cluster-badge.js';
import type { FjordPhoto } from '../../src/photo/photo.js';
import type { FjordFactBox, FjordFactBoxToggleDetail } from '../../src/fact-box/fact-box.js';
import type { FjordClusterBadge } from '../../src/cluster-badge/cluster-badge.js';
import { partText } from '../support/helpers.js';

let root: Root | undefined;
let host: HTMLElement | undefined;

function render(node: ReactNode): HTMLElement {
  if (!host) {
    host = document.createElement('div');
    host.lang = 'nb';
    document.body.append(host);
    root = createRoot(host);
  }
  flushSync(() => root!.render(node));
  return host;
}

const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`)!;

/** A fact box whose content is taller than its fold, so it has a toggle. */
const facts = (props: Record<string, unknown>) =>
  h(
    'fjord-fact-box',
    { heading: 'Fakta om ACT', 'collapsed-height': '40', ...props },
    h('ul', null, ...Array.from({ length: 12 }, (_, i) => h('li', { key: i }, `Fakta ${i + 1}`))),
  );

describe('React 19', () => {
  afterEach(() => {
    flushSync(() => root?.unmount());
    host?.remove();
    root = host = undefined;
  });

  it('sets props the element has as properties: a Date reaches `now`, not an attribute', async () => {
    const now = new Date(2027, 0, 1);
    const el = render(h('fjord-cluster-badge', { variant: 'card', name: 'Arctic Cluster Team', level: 'arena-pro', until: '2026', now }))
      .firstElementChild as FjordClusterBadge;
    await el.updateComplete;
    expect(el.now).to.equal(now);
    expect(el.hasAttribute('now')).to.equal(false);
    expect(el.variant).to.equal('card');
    expect(partText(el, 'status')).to.equal('utløpt');
  });

  it('sets kebab-case props as attributes, which the element reads', async () => {
    const el = render(h('fjord-photo', { src: '/demo/assets/act-ledere-800.jpg', alt: 'Tre kvinner', credit: 'Kent Erik Sjursen', 'credit-label': 'Bilde' }))
      .firstElementChild as FjordPhoto;
    await el.updateComplete;
    expect(el.getAttribute('credit-label')).to.equal('Bilde');
    expect(el.creditLabel).to.equal('Bilde');
    expect(partText(el, 'credit')).to.equal('Bilde: Kent Erik Sjursen');
  });

  it('sets booleans as properties and updates them on re-render', async () => {
    const photo = (zoomable: boolean) => h('fjord-photo', { src: '/demo/assets/act-ledere-800.jpg', alt: 'Tre kvinner', zoomable });
    const el = render(photo(true)).firstElementChild as FjordPhoto;
    await el.updateComplete;
    expect(el.zoomable).to.equal(true);
    expect(el.hasAttribute('zoomable')).to.equal(true);
    expect(part(el, 'zoom').hidden).to.equal(false);
    render(photo(false));
    await el.updateComplete;
    expect(el.zoomable).to.equal(false);
    expect(part(el, 'zoom').hidden).to.equal(true);
  });

  it('passes children through as slotted content, and `class` to the element', async () => {
    const el = render(
      h('fjord-photo', { class: 'lead', credit: 'Kent Erik Sjursen' }, h('img', { src: '/demo/assets/act-ledere-800.jpg', alt: 'Tre kvinner' }), 'Monica Paulsen i ACT.'),
    ).firstElementChild as FjordPhoto;
    await el.updateComplete;
    expect(el.className).to.equal('lead');
    expect(el.image?.getAttribute('alt')).to.equal('Tre kvinner');
    expect(partText(el, 'caption')).to.equal('Monica Paulsen i ACT. Foto: Kent Erik Sjursen');
  });

  it('listens to custom events through on<event-name> props, and swaps the listener on re-render', async () => {
    const first: FjordFactBoxToggleDetail[] = [];
    const second: FjordFactBoxToggleDetail[] = [];
    const el = render(facts({ 'onfjord-fact-box-toggle': (e: CustomEvent<FjordFactBoxToggleDetail>) => first.push(e.detail) }))
      .firstElementChild as FjordFactBox;
    await el.updateComplete;
    part(el, 'toggle').click();
    await el.updateComplete;
    expect(first).to.deep.equal([{ open: true }]);

    render(facts({ 'onfjord-fact-box-toggle': (e: CustomEvent<FjordFactBoxToggleDetail>) => second.push(e.detail) }));
    part(el, 'toggle').click();
    await el.updateComplete;
    expect(first).to.have.length(1);
    expect(second).to.deep.equal([{ open: false }]);
  });

  it('keeps React state and the element in step both ways: a controlled `open`', async () => {
    let setOpen!: (open: boolean) => void;
    const seen: boolean[] = [];
    function Story() {
      const [open, set] = useState(false);
      setOpen = set;
      return facts({ open, 'onfjord-fact-box-toggle': (e: CustomEvent<FjordFactBoxToggleDetail>) => (seen.push(e.detail.open), set(e.detail.open)) });
    }
    const el = render(h(Story)).firstElementChild as FjordFactBox;
    await el.updateComplete;
    flushSync(() => setOpen(true));
    await el.updateComplete;
    expect(el.open).to.equal(true);
    expect(seen).to.deep.equal([]); // a property set by the page fires no event
    part(el, 'toggle').click();
    await el.updateComplete;
    expect(seen).to.deep.equal([false]);
    expect(el.open).to.equal(false);
  });
});
