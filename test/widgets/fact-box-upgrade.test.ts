// Layout stability of <fjord-fact-box> with fjord-elements.css linked: this file loads the widget's script only after
// the markup has been laid out, as a slow network would. The box first measures its fold in the next frame's
// requestAnimationFrame callback, not in the task that renders it; the fold must still be in place before that frame
// is painted.
import { expect } from '@open-wc/testing';
import { layoutShiftDuring, linkUpgradeStylesheet } from '../support/layout-shift.js';

type Box = HTMLElement & { updateComplete: Promise<unknown> };

const items = (n: number) => Array.from({ length: n }, (_, i) => `<li>Klynge nummer ${i + 1} i programmet Norwegian Innovation Clusters.</li>`).join('');

describe('fjord-fact-box upgrade', () => {
  it('moves nothing when the script upgrades a folded box and a short one, and reads no layout while it renders them', async () => {
    document.documentElement.lang = 'nb';
    await linkUpgradeStylesheet();
    const page = document.createElement('main');
    page.style.width = '420px';
    page.innerHTML = `
      <p>Ingress før boksene.</p>
      <fjord-fact-box heading="Fakta om klyngene"><ul>${items(24)}</ul></fjord-fact-box>
      <p>Brødtekst mellom boksene.</p>
      <fjord-fact-box heading="Fakta" source="Innovasjon Norge"><p>Kort tekst.</p></fjord-fact-box>
      <p>Siste avsnitt.</p>`;
    document.body.append(page);
    await new Promise((r) => requestAnimationFrame(r));
    const [folded, short] = page.querySelectorAll<Box>('fjord-fact-box');
    const heights = [folded, short].map((box) => box.getBoundingClientRect().height);
    expect(heights[0], 'the long box is folded before upgrade').to.be.below(500);

    // Layout reads (offsetHeight) from the start of the upgrade until the boxes have rendered once.
    const reads: string[] = [];
    const offsetHeight = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'offsetHeight')!;
    Object.defineProperty(HTMLElement.prototype, 'offsetHeight', {
      configurable: true,
      get(this: HTMLElement) {
        reads.push(this.className);
        return offsetHeight.get!.call(this);
      },
    });
    const tracked = [...page.children];
    let rendered = 0;
    const painted: number[] = [];
    const shift = await layoutShiftDuring(tracked, async () => {
      try {
        await import('../../src/fact-box/fact-box.js');
        await Promise.all([folded, short].map((box) => box.updateComplete));
        rendered = reads.length;
      } finally {
        Object.defineProperty(HTMLElement.prototype, 'offsetHeight', offsetHeight);
      }
      // The heights about to be painted in the next frames: read after the boxes' own frame callbacks.
      for (let i = 0; i < 3; i++) await new Promise<void>((r) => requestAnimationFrame(() => r(void painted.push(folded.getBoundingClientRect().height))));
      await folded.updateComplete;
    });
    expect(folded.shadowRoot!.querySelector('[part=toggle]')!.hasAttribute('hidden'), 'the long box folds').to.equal(false);
    expect(short.shadowRoot!.querySelector('[part=toggle]')!.hasAttribute('hidden'), 'the short box does not').to.equal(true);
    if (shift.score !== undefined) expect(shift.score).to.be.below(0.01);
    expect(rendered, `layout reads while the boxes rendered (${reads.join(', ')})`).to.equal(0);
    expect(shift.moved, 'px any box or paragraph moved').to.be.at.most(1);
    for (const height of painted) expect(height, `the long box's height in the frames after upgrade: ${painted.join(', ')}`).to.be.closeTo(heights[0], 1);
    expect(folded.getBoundingClientRect().height).to.be.closeTo(heights[0], 1);
    page.remove();
  });
});
