// The demo article rendered on the server (/demo/ssr.html, see test/support/ssr-endpoint.mjs), loaded in a frame
// with scripts off (a sandbox without allow-scripts) and with them on.
import { expect } from '@open-wc/testing';
import { until } from '../support/helpers.js';

type Frame = HTMLIFrameElement & { contentWindow: Window & { recorded?: string[] } };
const TAGS = ['fjord-photo', 'fjord-article-card', 'fjord-fact-box', 'fjord-cluster-badge', 'fjord-newsletter-signup'];

async function load(scripts: boolean, url = '/demo/ssr.html'): Promise<Frame> {
  const frame = document.createElement('iframe') as Frame;
  if (!scripts) frame.sandbox.add('allow-same-origin');
  frame.style.cssText = 'width: 1200px; height: 900px; border: 0';
  const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
  frame.src = url;
  document.body.append(frame);
  await loaded;
  return frame;
}

const widgets = (frame: Frame) => [...frame.contentDocument!.querySelectorAll<HTMLElement>(TAGS.join(','))];
/** A signup with the page's own form is left to the browser by the server (see src/ssr/ssr.ts). */
const serverRendered = (el: Element) => !(el.localName === 'fjord-newsletter-signup' && el.querySelector(':scope > form'));
const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
/** What the page recorded, less Lit's one-line notice that the tests run its development build. */
const problems = (frame: Frame) => (frame.contentWindow.recorded ?? []).filter((line) => !line.includes('Lit is in dev mode'));
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('server rendering (the demo article)', function () {
  this.timeout(45000);
  let frame: Frame | undefined;
  afterEach(() => {
    frame?.remove();
    frame = undefined;
  });

  it('shows every widget, styled, with scripts off', async () => {
    frame = await load(false);
    const win = frame.contentWindow;
    const all = widgets(frame);
    expect(all.map((el) => el.localName).sort()).to.include.members(TAGS);
    for (const el of all) {
      expect(win.customElements.get(el.localName), `${el.localName} is not defined`).to.equal(undefined);
      expect(el.shadowRoot === null, `${el.localName} has a declarative shadow root unless it was left to the browser`).to.equal(!serverRendered(el));
      expect(el.getBoundingClientRect().height, `${el.localName} takes up space`).to.be.greaterThan(10);
    }
    const [photo] = frame.contentDocument!.querySelectorAll('fjord-photo');
    expect(text(part(photo, 'credit'))).to.equal('Foto: Kent Erik Sjursen');
    expect(win.getComputedStyle(part(photo, 'frame')!).overflow).to.equal('hidden');
    const box = frame.contentDocument!.querySelector('fjord-fact-box')!;
    expect(text(part(box, 'heading'))).to.equal('Fakta om klyngeprogrammet');
    expect(win.getComputedStyle(box).backgroundColor).to.not.equal('rgba(0, 0, 0, 0)');
    const signup = frame.contentDocument!.querySelector('fjord-newsletter-signup')!;
    expect(part(signup, 'form')!.getAttribute('action')).to.equal('/api/newsletter');
    expect(text(part(signup, 'button'))).to.equal('Meld meg på');
    const pageForm = all.find((el) => !serverRendered(el));
    if (pageForm) expect(pageForm.querySelector('form')!.getBoundingClientRect().height, 'the page form shows').to.be.greaterThan(10);
    const card = frame.contentDocument!.querySelector('fjord-article-card')!;
    expect(win.getComputedStyle(part(card, 'card')!).display).to.not.equal('inline');
    // Slotted content is not hidden for want of a script: the card's headline and the second photo's picture show.
    expect(card.querySelector('h3')!.getBoundingClientRect().height).to.be.greaterThan(10);
    const second = frame.contentDocument!.querySelectorAll('fjord-photo')[1];
    expect(second.querySelector('img')!.getBoundingClientRect().height).to.be.greaterThan(100);
  });

  /** Loads the page with scripts on and checks that every widget hydrated, with nothing logged, and responds. */
  async function hydrates(url: string) {
    frame = await load(true, url);
    const win = frame.contentWindow;
    await until(() => TAGS.every((tag) => win.customElements.get(tag)), 20000, 'widgets defined');
    const all = widgets(frame) as (HTMLElement & { updateComplete: Promise<unknown> })[];
    await Promise.all(all.map((el) => el.updateComplete));
    await new Promise((r) => setTimeout(r, 300));
    expect(problems(frame)).to.deep.equal([]);
    for (const el of all) {
      // Hydrated, not rendered anew: the server's part markers are still in the shadow root.
      const walker = frame.contentDocument!.createTreeWalker(el.shadowRoot!, NodeFilter.SHOW_COMMENT);
      let serverMarkers = 0;
      while (walker.nextNode()) if ((walker.currentNode as Comment).data.startsWith('lit-part')) serverMarkers++;
      if (serverRendered(el)) expect(serverMarkers, `${el.localName} keeps the server's markup`).to.be.greaterThan(0);
      // A failed hydration renders the shadow root again beside what the server wrote.
      expect(el.shadowRoot!.querySelectorAll('[part]').length, el.localName).to.be.greaterThan(0);
      const first = el.shadowRoot!.querySelector('[part]')!.getAttribute('part')!;
      expect(el.shadowRoot!.querySelectorAll(`[part="${first}"]`).length, `${el.localName} [part=${first}]`).to.equal(1);
    }

    const [photo] = frame.contentDocument!.querySelectorAll('fjord-photo');
    part(photo, 'zoom')!.click();
    await until(() => Boolean(photo.shadowRoot!.querySelector('dialog')?.open), 3000, 'full-size dialog');
    part(photo, 'close')!.click();

    const signup = frame.contentDocument!.querySelector('fjord-newsletter-signup')!;
    part(signup, 'button')!.click();
    await until(() => signup.shadowRoot!.querySelector('input[type=email]')!.getAttribute('aria-invalid') === 'true', 3000, 'email marked invalid');

    frame.contentDocument!.documentElement.lang = 'en';
    await until(() => text(part(photo, 'credit')) === 'Photo: Kent Erik Sjursen', 3000, 'English credit');
    expect(problems(frame)).to.deep.equal([]);
  }

  it('hydrates with scripts on: no errors or warnings, one rendering per widget, and the widgets respond', () => hydrates('/demo/ssr.html'));
});
