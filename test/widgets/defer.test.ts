// Deferred first render: each case loads the page's markup with fjord-elements.css in a frame 600 px tall, then the
// widgets' script, as the drop-in does. `probe` runs in the frame in a microtask right after the script has defined
// the widgets and rendered those near the viewport: in the task that defined them, before any idle slice.
import { expect } from '@open-wc/testing';
import { stylesheetFrame, until } from '../support/helpers.js';

type Widget = HTMLElement & { updateComplete: Promise<unknown> };
type FrameWindow = Window & typeof globalThis & { renderAll: () => void };

const card = (n: number) =>
  `<fjord-article-card id="card-${n}" href="/sak/${n}" kicker="Næringsliv" byline="Redaksjonen">
    <h3>Sak nummer ${n} om klyngene</h3><p id="lead-${n}">Ingress til sak ${n}, med <a href="/lenke/${n}">en lenke</a>.</p>
  </fjord-article-card><p class="mark">${n}</p>`;
const factBox = (n: number) =>
  `<fjord-fact-box id="box-${n}" heading="Fakta" source="SSB"><p>Fakta nummer ${n}.</p></fjord-fact-box><p class="mark">boks ${n}</p>`;

/** Two cards and a fact box in the first viewport, then a 2,000 px gap, then `far` cards and a fact box. */
const page = (far = 60) =>
  `${card(1)}${card(2)}${factBox(1)}<div style="height: 2000px"></div>${Array.from({ length: far }, (_, i) => card(i + 3)).join('')}${factBox(2)}`;

const rendered = (el: Element) => !!el.shadowRoot?.childElementCount && !el.hasAttribute('defer');
const waitingNow = (el: Element) => !el.shadowRoot && el.hasAttribute('defer');
const positions = (doc: Document) => [...doc.querySelectorAll('.mark, fjord-article-card > *')].map((el) => Math.round(el.getBoundingClientRect().top));

/**
 * Loads the widgets into a frame holding `body`; `probe` runs in the frame right after they are defined. `before`
 * runs in the frame's module before the widgets are imported.
 */
async function load<T>(body: string, probe: (win: FrameWindow, doc: Document) => T, { before = '' } = {}) {
  const frame = await stylesheetFrame(body, { width: 500, height: 600, bodyStyle: 'margin: 0; font: 16px/1.5 sans-serif' });
  const win = frame.contentWindow as FrameWindow & { probe?: () => void };
  const doc = frame.contentDocument!;
  const before_ = positions(doc);
  let result: T | undefined;
  let error: unknown;
  win.probe = () => {
    try {
      result = probe(win, doc);
    } catch (e) {
      error = e;
    }
  };
  const script = doc.createElement('script');
  script.type = 'module';
  script.textContent = `${before}
    const { renderAll } = await import('/src/index.ts');
    window.renderAll = renderAll;
    queueMicrotask(() => window.probe());`;
  doc.head.append(script);
  await until(() => result !== undefined || error !== undefined, 10000, 'the widgets to be defined');
  if (error) {
    frame.remove();
    throw error;
  }
  return { frame, win, doc, result: result!, before: before_ };
}

describe('deferred first render', () => {
  it('renders widgets near the viewport in the task that defines them; the rest wait in their pre-upgrade look, then render in slices in document order, and nothing moves', async () => {
    // The order in which the waiting ones render, and in how many tasks (a MutationObserver's callback ends each task).
    const order: string[] = [];
    let tasks = 0;
    const { frame, doc, result, before } = await load(page(), (_, doc) => {
      const all = [...doc.querySelectorAll('fjord-article-card, fjord-fact-box')];
      new MutationObserver((records) => {
        tasks++;
        for (const r of records) order.push((r.target as Element).id);
      }).observe(doc.body, { attributes: true, attributeFilter: ['defer'], subtree: true });
      return { near: all.slice(0, 3).map(rendered), far: all.slice(3).map(waitingNow), positions: positions(doc) };
    });
    try {
      expect(result.near, 'the widgets in the first viewport are rendered').to.deep.equal([true, true, true]);
      expect(result.far.every(Boolean), 'the widgets far below wait, with the defer attribute and no shadow root').to.equal(true);
      expect(result.positions, 'the waiting widgets keep the pre-upgrade look').to.deep.equal(before);
      await until(() => !doc.querySelector('[defer]'), 10000, 'every widget to render');
      const far = [...doc.querySelectorAll('fjord-article-card, fjord-fact-box')].slice(3).map((el) => el.id);
      expect(order, 'in document order').to.deep.equal(far);
      expect(tasks, 'in more than one slice').to.be.above(1);
      expect([...doc.querySelectorAll('fjord-article-card, fjord-fact-box')].every(rendered)).to.equal(true);
      expect(positions(doc), 'nothing moved').to.deep.equal(before);
    } finally {
      frame.remove();
    }
  });

  it('renders a waiting widget that nears the viewport before those above it', async () => {
    const order: string[] = [];
    const { frame, doc } = await load(page(300), (win, doc) => {
      new MutationObserver((records) => records.forEach((r) => order.push((r.target as Element).id))).observe(doc.body, {
        attributes: true,
        attributeFilter: ['defer'],
        subtree: true,
      });
      win.scrollTo(0, doc.getElementById('box-2')!.getBoundingClientRect().top - 100);
      return true;
    });
    try {
      await until(() => !doc.querySelector('[defer]'), 10000, 'every widget to render');
      expect(order.indexOf('box-2'), 'the fact box at the bottom renders before the cards far above it').to.be.below(order.indexOf('card-100'));
    } finally {
      frame.remove();
    }
  });

  for (const [what, act] of [
    ['focus on a link inside', (el: Element) => (el.querySelector('a') as HTMLElement).focus()],
    ['a pointerdown inside', (el: Element) => el.querySelector('p')!.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }))],
    ['a click inside', (el: Element) => el.querySelector('p')!.dispatchEvent(new MouseEvent('click', { bubbles: true }))],
  ] as const) {
    it(`renders a waiting widget at once on ${what}`, async () => {
      const { frame, result } = await load(page(), (_, doc) => {
        const el = doc.getElementById('card-40')!;
        const waited = waitingNow(el);
        act(el);
        return { waited, rendered: rendered(el), other: waitingNow(doc.getElementById('card-41')!) };
      });
      frame.remove();
      expect(result).to.deep.equal({ waited: true, rendered: true, other: true });
    });
  }

  it("resolves a waiting widget's updateComplete once it has rendered", async () => {
    const { frame, doc, result } = await load(page(), (_, doc) => waitingNow(doc.getElementById('card-40')!));
    try {
      expect(result, 'it waited').to.equal(true);
      const card = doc.getElementById('card-40') as Widget;
      await card.updateComplete;
      expect(rendered(card)).to.equal(true);
    } finally {
      frame.remove();
    }
  });

  it('renders the waiting widget that holds the #id target of a link', async () => {
    const { frame, win, doc } = await load(page(), () => true);
    try {
      const lead = doc.getElementById('lead-50')!;
      expect(waitingNow(lead.parentElement!)).to.equal(true);
      const seen = new Promise<boolean>((resolve) => win.addEventListener('hashchange', () => resolve(rendered(lead.parentElement!))));
      win.location.hash = '#lead-50';
      expect(await seen, 'rendered by the time the page hears of the new target').to.equal(true);
    } finally {
      frame.remove();
    }
  });

  it('renders every waiting widget before the page prints, and on renderAll()', async () => {
    for (const flush of [(win: FrameWindow) => win.dispatchEvent(new Event('beforeprint')), (win: FrameWindow) => win.renderAll()]) {
      const { frame, result } = await load(page(), (win, doc) => {
        const all = () => [...doc.querySelectorAll('fjord-article-card, fjord-fact-box')];
        const waited = all().filter(waitingNow).length;
        flush(win);
        return { waited, rendered: all().every(rendered) };
      });
      frame.remove();
      expect(result.waited).to.equal(61);
      expect(result.rendered).to.equal(true);
    }
  });

  it('gives renderAll from every widget entry point, the same as the package root', async () => {
    const root = await import('../../src/index.js');
    const entries = await Promise.all([
      import('../../src/photo/photo.js'),
      import('../../src/article-card/article-card.js'),
      import('../../src/fact-box/fact-box.js'),
      import('../../src/cluster-badge/cluster-badge.js'),
      import('../../src/newsletter-signup/newsletter-signup.js'),
    ]);
    expect(entries.every((entry) => entry.renderAll === root.renderAll)).to.equal(true);
  });

  it('renders at once a widget that a script inserts or moves after load', async () => {
    const { frame, result } = await load(page(), (_, doc) => {
      const moved = doc.getElementById('card-50')!;
      const waited = waitingNow(moved);
      doc.body.append(moved);
      const added = doc.createElement('fjord-article-card');
      added.setAttribute('headline', 'Ny sak');
      doc.body.append(added);
      return { waited, moved: !!moved.shadowRoot && !moved.hasAttribute('defer'), added: !!added.shadowRoot && !added.hasAttribute('defer') };
    });
    frame.remove();
    expect(result).to.deep.equal({ waited: true, moved: true, added: true });
  });

  it('does not make a server-rendered widget wait', async () => {
    const ssr = `<fjord-fact-box id="ssr" heading="Fakta"><template shadowrootmode="open"><aside part="box">Fra serveren</aside></template><p>Fakta.</p></fjord-fact-box>`;
    const { frame, result } = await load(`${page()}${ssr}`, (_, doc) => {
      const el = doc.getElementById('ssr')!;
      return { hadRoot: !!el.shadowRoot, waiting: el.hasAttribute('defer'), far: waitingNow(doc.getElementById('card-40')!) };
    });
    frame.remove();
    expect(result).to.deep.equal({ hadRoot: true, waiting: false, far: true });
  });

  it('renders every widget at upgrade, as before, where the browser cannot match the marker', async () => {
    // Every engine the tests run supports :is(): the frame is told otherwise before the widgets load.
    const { frame, result } = await load(
      page(),
      (_, doc) => {
        const all = [...doc.querySelectorAll('fjord-article-card, fjord-fact-box')];
        return { rendered: all.every((el) => !!el.shadowRoot && !el.hasAttribute('defer')) };
      },
      { before: `const supports = CSS.supports; CSS.supports = (...a) => !/:is\\(/.test(a[0]) && supports.apply(CSS, a);` },
    );
    frame.remove();
    expect(result.rendered).to.equal(true);
  });
});
