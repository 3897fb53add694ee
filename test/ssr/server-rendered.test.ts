// Small pages rendered by fjord-elements/ssr.js (test/support/ssr-cases.mjs, served by test/support/ssr-endpoint.mjs):
// what a reader sees with scripts off, hydration that moves nothing, and a page whose widgets cannot hydrate.
import { expect } from '@open-wc/testing';
import { until } from '../support/helpers.js';
import { chromium } from '../support/engine.js';

type Frame = HTMLIFrameElement & { contentWindow: Window & { recorded?: string[] } };
const TAGS = ['fjord-article-card', 'fjord-photo', 'fjord-fact-box'];

async function load(url: string, scripts: boolean): Promise<Frame> {
  const frame = document.createElement('iframe') as Frame;
  if (!scripts) frame.sandbox.add('allow-same-origin');
  frame.style.cssText = 'width: 700px; height: 1400px; border: 0';
  const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
  frame.src = url;
  document.body.append(frame);
  await loaded;
  return frame;
}

const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`)!;
const text = (node: Element) => node.textContent!.replace(/\s+/g, ' ').trim();
const problems = (frame: Frame) => (frame.contentWindow.recorded ?? []).filter((line) => !line.includes('Lit is in dev mode'));

async function defined(frame: Frame) {
  const win = frame.contentWindow;
  await until(() => TAGS.every((tag) => win.customElements.get(tag)), 20000, 'widgets defined');
  const doc = frame.contentDocument!;
  await Promise.all(TAGS.map((tag) => (doc.querySelector(tag) as Element & { updateComplete: Promise<unknown> }).updateComplete));
  await new Promise((r) => setTimeout(r, 300));
}

describe('server-rendered widgets', function () {
  this.timeout(45000);
  let frame: Frame | undefined;
  afterEach(() => {
    frame?.remove();
    frame = undefined;
  });

  it('read right with scripts off: dates absolute, the photo outside its caption, the heading in its place', async () => {
    frame = await load('/test-api/ssr/hydrate.html', false);
    const doc = frame.contentDocument!;
    const card = doc.querySelector('fjord-article-card')!;
    expect(text(part(card, 'published'))).to.match(/^\d{1,2}\. \p{L}+ \d{4}$/u);
    const photo = doc.querySelector('fjord-photo')!;
    const img = photo.querySelector('img')!;
    expect(img.assignedSlot?.name, 'the slot the photo is in').to.equal('image');
    expect(img.getBoundingClientRect().bottom).to.be.at.most(part(photo, 'caption').getBoundingClientRect().top);
    const box = doc.querySelector('fjord-fact-box')!;
    expect(box.querySelector('h3')!.assignedSlot?.name).to.equal('heading');
  });

  it('hydrate without moving anything, and relative dates come with the script', async () => {
    frame = await load('/test-api/ssr/hydrate.html', true);
    const doc = frame.contentDocument!;
    const marks = () => [...doc.querySelectorAll('.mark')].map((el) => Math.round(el.getBoundingClientRect().top));
    const before = marks();
    await defined(frame);
    expect(marks()).to.deep.equal(before);
    if (chromium) {
      const win = frame.contentWindow as Window & typeof globalThis;
      const shifts = await new Promise<number>((resolve) => {
        new win.PerformanceObserver((list) => resolve(list.getEntries().reduce((sum, e) => sum + (e as PerformanceEntry & { value: number }).value, 0))).observe({
          type: 'layout-shift',
          buffered: true,
        });
        setTimeout(() => resolve(0), 500);
      });
      expect(shifts, 'layout shift').to.equal(0);
    }
    const card = doc.querySelector('fjord-article-card')!;
    await until(() => text(part(card, 'published')) === 'for 3 timer siden', 3000, 'the relative date');
    expect(problems(frame)).to.deep.equal([]);
  });

  it('render once, and say why, where the widgets cannot hydrate (the drop-in file on a server-rendered page)', async () => {
    frame = await load('/test-api/ssr/plain.html', true);
    await defined(frame);
    const doc = frame.contentDocument!;
    for (const tag of TAGS) {
      const el = doc.querySelector(tag)!;
      const first = el.shadowRoot!.querySelector('[part]')!.getAttribute('part')!;
      expect(el.shadowRoot!.querySelectorAll(`[part="${first}"]`).length, `${tag} [part=${first}]`).to.equal(1);
    }
    const warnings = problems(frame).filter((line) => line.includes('cannot hydrate'));
    expect(warnings.length).to.equal(TAGS.length);
    expect(warnings[0]).to.include('fjord-elements/hydrate.js');
  });
});
