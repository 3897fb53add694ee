// First renders in a few tasks (src/shared/first-render.ts): widgets render in the order they were upgraded, a task that
// has rendered for 6 ms leaves the next kind of widget for a later task, and a widget that waits keeps its pre-upgrade look.
// The clock is the one seam: `performance.now` is made to run fast, so "6 ms have passed" is certain in every engine.
import { expect, fixture, html } from '@open-wc/testing';
import { stylesheetFrame, until } from './support/helpers.js';

type Widget = HTMLElement & { hasUpdated: boolean; updateComplete: Promise<unknown> };

const LEAD = 'Arctic Cluster Team er en av de fire nye Arena Pro-klyngene i det nasjonale klyngeprogrammet.';
const photo = (n: number) =>
  `<fjord-photo credit="Kent Erik Sjursen"><img src="/test-api/image.svg?w=1600&h=1067&n=${n}" alt="Smelteverket ${n}" width="1600" height="1067">Smelteverket i Mo i Rana.</fjord-photo>`;
const card = (n: number) =>
  `<fjord-article-card href="/sak-${n}" kicker="Næringsliv" published="2021-06-10T09:30:00+02:00" byline="Redaksjonen">` +
  `<img src="/test-api/image.svg?w=800&h=534&n=${n}" alt="" width="800" height="534"><h3>Sak ${n}</h3><p>${LEAD}</p></fjord-article-card>`;
const badge = () => `<fjord-cluster-badge level="arena-pro" name="Arctic Cluster Team" partners="83" since="2017"></fjord-cluster-badge>`;
const factBox = () => `<fjord-fact-box heading="Fakta om ACT"><ul><li>Etablert 2014</li><li>Over 60 partnere</li></ul></fjord-fact-box>`;
const signup = () => `<fjord-newsletter-signup action="/test-api/signup/ok" list="act"><h2 slot="heading">Få nyhetsbrevet</h2></fjord-newsletter-signup>`;

/** A page of every kind, in this order, with a mark after each widget. */
const page = () =>
  [photo(1), badge(), card(1), card(2), factBox(), photo(2), card(3), signup(), card(4), badge()].map((w, n) => `${w}<p class="mark">${n}</p>`).join('');

/** Makes `performance.now` in `win` run 5 ms ahead at every call, until the returned function is called. */
function fastClock(win: Window & typeof globalThis = window) {
  const now = win.performance.now.bind(win.performance);
  let ahead = 0;
  win.performance.now = () => now() + (ahead += 5);
  return () => {
    win.performance.now = now;
  };
}

/** Lets every microtask queued so far, and those they queue, run; all within the current task. */
async function drainMicrotasks(times = 100) {
  for (let i = 0; i < times; i++) await Promise.resolve();
}

describe('first render in a few tasks', () => {
  // The first test of the file sees every kind render for the first time: it must stay first.
  it('leaves the next kind of widget for a later task once a task has rendered for 6 ms', async () => {
    await import('../src/index.js');
    const box = await fixture<HTMLElement>(html`<main lang="nb"></main>`);
    const restore = fastClock();
    try {
      let sameTask = true;
      setTimeout(() => (sameTask = false));
      box.innerHTML = page();
      const widgets = [...box.querySelectorAll<Widget>('*')].filter((el) => el.localName.startsWith('fjord-'));
      await drainMicrotasks();
      expect(sameTask, 'still in the task that inserted them').to.be.true;
      const rendered = widgets.filter((w) => w.hasUpdated);
      // Inserted after the script ran, they upgrade in document order. The first photo renders, then the clock says
      // 6 ms have passed: the badge, a kind not rendered yet, waits for the next task, with everything after it.
      expect(rendered.map((w) => w.localName)).to.deep.equal(['fjord-photo']);
      const waiting = widgets.filter((w) => !w.hasUpdated);
      for (const w of waiting) {
        expect(w.matches(':state(pending)'), `${w.localName} is pending`).to.be.true;
        expect(w.shadowRoot, `${w.localName} has no shadow root to hide its content`).to.equal(null);
      }
      // So a screen reader meets the page's own markup meanwhile, as before the script (axe checks that state on the
      // documentation site's before-the-script frames; here it would let the widgets render while it runs).
      const order: Widget[] = [];
      widgets.forEach((w) => w.updateComplete.then(() => order.push(w)));
      await Promise.all(widgets.map((w) => w.updateComplete));
      expect(order, 'the order they rendered in').to.deep.equal(widgets);
      for (const w of widgets) {
        expect(w.shadowRoot, w.localName).to.not.equal(null);
        expect(w.matches(':state(pending)'), `${w.localName} no longer pending`).to.be.false;
      }
      await expect(box).to.be.accessible();
    } finally {
      restore();
    }
  });

  it('renders a page of kinds already seen in one task, however long it takes', async () => {
    const box = await fixture<HTMLElement>(html`<div lang="nb"></div>`);
    const restore = fastClock();
    try {
      let sameTask = true;
      setTimeout(() => (sameTask = false));
      box.innerHTML = Array.from({ length: 200 }, (_, n) => card(n)).join('');
      await drainMicrotasks(5000);
      expect(sameTask).to.be.true;
      expect([...box.children].every((c) => (c as Widget).hasUpdated), 'all 200 cards rendered').to.be.true;
    } finally {
      restore();
    }
  });

  it('renders a widget added on its own in the task that added it', async () => {
    const box = await fixture<HTMLElement>(html`<div lang="nb"></div>`);
    let sameTask = true;
    setTimeout(() => (sameTask = false));
    box.innerHTML = factBox();
    await drainMicrotasks();
    expect(sameTask).to.be.true;
    expect((box.firstElementChild as Widget).hasUpdated).to.be.true;
  });

  it('holds back no update after the first', async () => {
    const box = await fixture<HTMLElement>(html`<div lang="nb"></div>`);
    box.innerHTML = Array.from({ length: 50 }, (_, n) => card(n)).join('');
    const cards = [...box.children] as (Widget & { kicker: string })[];
    await Promise.all(cards.map((c) => c.updateComplete));
    let sameTask = true;
    setTimeout(() => (sameTask = false));
    for (const c of cards) c.kicker = 'Industri';
    await drainMicrotasks();
    expect(sameTask).to.be.true;
    expect(cards.every((c) => c.shadowRoot!.querySelector('[part=kicker]')!.textContent == 'Industri')).to.be.true;
  });
});

describe('a page of every kind upgrading with fjord-elements.css linked', () => {
  it('moves nothing in any frame while widgets wait for their turn', async () => {
    const frame = await stylesheetFrame(page(), { width: 420, bodyStyle: 'margin: 0; font: 16px/1.5 sans-serif' });
    try {
      const doc = frame.contentDocument!;
      const win = frame.contentWindow as Window & typeof globalThis;
      await until(() => [...doc.images].every((img) => img.complete), 5000, 'the images');
      const marks = [...doc.querySelectorAll('.mark')];
      const tops = () => marks.map((mark) => Math.round(mark.getBoundingClientRect().top));
      const before = tops();
      const widgets = () => [...doc.body.children].filter((el) => el.localName.startsWith('fjord-')) as Widget[];
      const seen: number[][] = [];
      let pendingSeen = 0;
      let watching = true;
      const watch = () => {
        seen.push(tops());
        pendingSeen = Math.max(pendingSeen, widgets().filter((w) => w.matches(':state(pending)')).length);
        if (watching) win.requestAnimationFrame(watch);
      };
      win.requestAnimationFrame(watch);
      const restore = fastClock(win);
      const script = doc.createElement('script');
      script.type = 'module';
      script.textContent = `import '/src/index.ts';`;
      doc.head.append(script);
      await until(() => !!win.customElements.get('fjord-newsletter-signup'), 5000, 'the upgrade');
      await Promise.all(widgets().map((w) => w.updateComplete));
      restore();
      await new Promise((r) => win.requestAnimationFrame(r));
      watching = false;
      seen.push(tops());
      expect(pendingSeen, 'widgets seen waiting in a painted frame').to.be.above(0);
      for (const frameTops of seen) expect(frameTops).to.deep.equal(before);
    } finally {
      frame.remove();
    }
  });
});
