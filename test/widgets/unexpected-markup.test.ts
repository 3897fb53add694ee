// Markup the widgets did not expect: server-rendered widgets whose shadow roots the browser never attached or that
// arrived empty (a dev server that patches the page, markup inserted by a script), widgets moved before their first
// render, a photo without its <img>, a fact box holding an unrendered Markdown list. None may throw: each renders what
// it can and warns once, naming the element and the fix. The pages come from test/support/ssr-endpoint.mjs, which
// records errors, rejections and warnings in `window.recorded` from their first line on.
import { expect } from '@open-wc/testing';
import { until } from '../support/helpers.js';

type Win = Window & typeof globalThis & { recorded: string[] };
type Frame = HTMLIFrameElement & { contentWindow: Win };
type Widget = HTMLElement & { updateComplete: Promise<unknown> };
const TAGS = ['fjord-article-card', 'fjord-photo', 'fjord-fact-box', 'fjord-cluster-badge', 'fjord-newsletter-signup'];

async function load(page: 'hydrate' | 'plain'): Promise<Frame> {
  const frame = document.createElement('iframe') as Frame;
  frame.style.cssText = 'width: 700px; height: 1400px; border: 0';
  const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
  frame.src = `/test-api/ssr/${page}.html`;
  document.body.append(frame);
  await loaded;
  await until(() => TAGS.every((tag) => frame.contentWindow.customElements.get(tag)), 20000, 'widgets defined');
  await settle(frame.contentDocument!.querySelectorAll<Widget>(TAGS.join()));
  frame.contentWindow.recorded.length = 0;
  return frame;
}

/** Waits for the widgets' updates, ending after 5 s: a widget that threw may never settle. */
async function settle(widgets: Iterable<Widget>) {
  await Promise.race([Promise.allSettled([...widgets].map((w) => w.updateComplete)), new Promise((r) => setTimeout(r, 5000))]);
  await new Promise((r) => setTimeout(r, 200));
}

const lines = (frame: Frame) => frame.contentWindow.recorded.filter((line) => !line.includes('Lit is in dev mode'));
const parts = (el: Element) => el.shadowRoot?.querySelectorAll('[part]').length ?? 0;

describe('markup the widgets did not expect', function () {
  this.timeout(60000);
  let frame: Frame | undefined;
  afterEach(() => {
    frame?.remove();
    frame = undefined;
  });

  for (const page of ['plain', 'hydrate'] as const) {
    it(`renders server-rendered widgets whose shadow roots were not attached, and says why (${page})`, async () => {
      frame = await load(page);
      const doc = frame.contentDocument!;
      // What a patching dev server (Eleventy --serve with domDiff) does: the page's markup parsed without declarative
      // shadow roots, and its elements put in place of the old ones.
      const html = await (await fetch(`/test-api/ssr/${page}.html`)).text();
      const fresh = new frame.contentWindow.DOMParser().parseFromString(html, 'text/html').querySelector('main')!;
      expect(fresh.querySelectorAll('template[shadowrootmode]').length, 'server-rendered roots in the markup').to.equal(3);
      const main = doc.querySelector('main')!;
      main.replaceChildren(...[...fresh.childNodes].map((n) => doc.adoptNode(n)));
      const widgets = [...main.querySelectorAll<Widget>(TAGS.join())];
      await settle(widgets);
      for (const el of widgets) {
        expect(parts(el), `parts rendered in <${el.localName}>`).to.be.above(2);
        expect(el.querySelector(':scope > template'), `a <template> left in <${el.localName}>`).to.equal(null);
      }
      // The card has no lead: nothing left among its children to show as one.
      const card = widgets.find((el) => el.localName == 'fjord-article-card')!;
      expect(card.shadowRoot!.querySelector<HTMLElement>('[part=lead]')!.hidden).to.equal(true);
      const warnings = lines(frame);
      expect(warnings.filter((l) => !l.includes('domDiff: false'))).to.deep.equal([]);
      expect(warnings.map((l) => l.split(':')[1].trim()).sort()).to.deep.equal(['<fjord-article-card>', '<fjord-fact-box>', '<fjord-photo>']);
    });
  }

  it('renders widgets whose shadow root arrived empty under hydration support, instead of throwing', async () => {
    frame = await load('hydrate');
    const doc = frame.contentDocument!;
    const widgets = TAGS.map((tag) => {
      const el = doc.createElement(tag) as Widget;
      // An attached root with nothing in it, as a page patched in place can leave a server-rendered widget.
      el.attachShadow({ mode: 'open' });
      for (const [name, value] of [['name', 'Arctic Cluster Team'], ['headline', 'Overskrift'], ['heading', 'Fakta']]) el.setAttribute(name, value);
      el.innerHTML = tag == 'fjord-photo' ? '<img src="/test-api/image.svg" alt="Smelteverket">Smelteverket i Mo i Rana.' : '';
      return el;
    });
    doc.querySelector('main')!.append(...widgets);
    await settle(widgets);
    for (const el of widgets) expect(parts(el), `parts rendered in <${el.localName}>`).to.be.above(2);
    const recorded = lines(frame);
    expect(recorded.filter((l) => !l.startsWith('warn:'))).to.deep.equal([]);
    expect(recorded).to.have.length(TAGS.length);
    for (const line of recorded) expect(line).to.contain('domDiff: false');
  });

  it('renders widgets moved to another parent, another shadow root or another document before their first render', async () => {
    frame = await load('plain');
    const doc = frame.contentDocument!;
    const host = doc.createElement('div');
    const root = host.attachShadow({ mode: 'open' });
    const holder = doc.createElement('div');
    doc.querySelector('main')!.append(holder, host);
    const other = doc.implementation.createHTMLDocument('elsewhere');
    const widgets = TAGS.map((tag) => {
      const el = doc.createElement(tag) as Widget;
      for (const [name, value] of [['name', 'Arctic Cluster Team'], ['headline', 'Overskrift'], ['heading', 'Fakta'], ['lang', 'nb']]) el.setAttribute(name, value);
      el.innerHTML = tag == 'fjord-photo' ? '<img src="/test-api/image.svg" alt="Smelteverket">Smelteverket.' : '<p>Tekst.</p>';
      holder.append(el);
      root.append(el);
      other.body.append(el);
      root.append(el);
      return el;
    });
    await settle(widgets);
    for (const el of widgets) expect(parts(el), `parts rendered in <${el.localName}>`).to.be.above(2);
    expect(lines(frame)).to.deep.equal([]);
  });

  it('shows the caption of a photo without its <img>, and says what is missing once', async () => {
    frame = await load('plain');
    const main = frame.contentDocument!.querySelector('main')!;
    main.innerHTML = `<fjord-photo credit="Kent Erik Sjursen">Smelteverket i Mo i Rana.</fjord-photo>
      <fjord-photo><picture><source srcset="/test-api/image.svg"></picture>Smelteverket.</fjord-photo>
      <fjord-photo></fjord-photo>`;
    const photos = [...main.querySelectorAll<Widget & { caption?: string }>('fjord-photo')];
    await settle(photos);
    const caption = photos[0].shadowRoot!.querySelector<HTMLElement>('[part=caption]')!;
    expect(caption.hidden).to.equal(false);
    expect(caption.textContent!.replace(/\s+/g, ' ')).to.contain('Foto: Kent Erik Sjursen');
    photos[0].caption = 'Endret.';
    await settle(photos);
    const recorded = lines(frame);
    // One each for the first two; the empty one is waiting for a script to fill it.
    expect(recorded).to.have.length(2);
    for (const line of recorded) expect(line).to.match(/^warn: <fjord-photo>: has no image: add an <img alt="…"> or src="…"\./);
  });

  it('says so when a fact box shows an unrendered Markdown list, and not for a list or prose', async () => {
    frame = await load('plain');
    const main = frame.contentDocument!.querySelector('main')!;
    // What markdown-it makes of a list written right under the opening tag, with and without a paragraph around it.
    main.innerHTML = `<fjord-fact-box heading="Fakta"><p>- Første punkt.
- Andre punkt.</p></fjord-fact-box>
      <fjord-fact-box heading="Fakta">
1. Første punkt.
2. Andre punkt.
</fjord-fact-box>
      <fjord-fact-box heading="Fakta"><ul><li>Første punkt.</li></ul><p>Klyngen har 83 partnere - og flere kommer.</p></fjord-fact-box>`;
    await settle(main.querySelectorAll<Widget>('fjord-fact-box'));
    const warning = 'warn: <fjord-fact-box>: shows a Markdown list as text: leave a blank line before the list. [object HTMLElement]';
    expect(lines(frame)).to.deep.equal([warning, warning]);
  });
});
