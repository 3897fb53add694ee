// Layout stability of <fjord-photo> with fjord-elements.css linked: this file loads the widget's
// script only after the markup has been laid out, as a slow network would.
import { expect } from '@open-wc/testing';
import { stylesheetFrame, until, upgradeFrame } from '../support/helpers.js';
import { layoutShiftDuring, linkUpgradeStylesheet } from '../support/layout-shift.js';
import { photo } from '../../demo/story.js';

const CAPTION = photo.caption;

describe('fjord-photo upgrade and image load', () => {
  it('moves nothing when the script upgrades the photos and when their images arrive', async () => {
    document.documentElement.lang = 'nb';
    await linkUpgradeStylesheet();
    const typedAttr = CSS.supports('aspect-ratio', 'attr(width type(<number>), 3) / 2');
    const page = document.createElement('main');
    page.style.width = '640px';
    page.innerHTML = `
      <p>Ingress før bildet.</p>
      <fjord-photo credit="Kent Erik Sjursen">
        <img src="/test-api/image.svg?w=1600&h=1067&delay=700" alt="Tre kvinner foran en industrihall" width="1600" height="1067">
        ${CAPTION}
      </fjord-photo>
      <p>Brødtekst mellom bildene.</p>
      <fjord-photo>
        <img src="/test-api/image.svg?w=1200&h=800&delay=700&n=2" alt="Smelteverket i Mo i Rana" width="1200" height="800">
        Smelteverket i Mo i Rana. FOTO: Kent Erik Sjursen
      </fjord-photo>
      <p>Brødtekst etter bildene.</p>
      <fjord-photo src="/test-api/image.svg?w=1600&h=900&delay=700&n=3" alt="Havbruksanlegg" ratio="16:9"
        caption="Havbruk er en del av klyngen." credit="Kent Erik Sjursen"></fjord-photo>
      <p>Neste avsnitt.</p>
      ${
        // The box from width/height alone needs typed attr() in CSS (Chromium today); elsewhere `ratio` does it.
        typedAttr
          ? `<fjord-photo src="/test-api/image.svg?w=1600&h=900&delay=700&n=4" alt="Smelteverk" width="1600" height="900"
              caption="Smelteverket." credit="Kent Erik Sjursen"></fjord-photo>`
          : ''
      }
      <p>Siste avsnitt.</p>`;
    document.body.append(page);
    await new Promise((r) => requestAnimationFrame(r));

    const tracked = [...page.children];
    const shift = await layoutShiftDuring(tracked, async () => {
      await import('../../src/photo/photo.js');
      const photos = [...page.querySelectorAll('fjord-photo')];
      await Promise.all(photos.map((p) => (p as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete));
      await until(
        () => photos.every((p) => {
          const img = (p.querySelector('img') ?? p.shadowRoot!.querySelector('img'))!;
          return img.complete && img.naturalWidth > 0;
        }),
        5000,
        'images to load',
      );
    });
    expect(customElements.get('fjord-photo')).to.not.equal(undefined);
    if (shift.score !== undefined) expect(shift.score).to.be.below(0.01);
    expect(shift.moved, 'px any photo or paragraph moved').to.be.at.most(1);
    page.remove();
  });
});

describe('fjord-photo whose image failed before the script came', () => {
  it('shows the alt text in place of the image, in the same update, with nothing logged', async () => {
    const frame = await stylesheetFrame(`
      <fjord-photo credit="Kent Erik Sjursen">
        <img src="/test-api/missing.jpg?before-upgrade" alt="Tre kvinner foran en industrihall" width="1600" height="1067">
        Monica Paulsen og Tone Jakobsen i ACT.
      </fjord-photo>`);
    try {
      const win = frame.contentWindow as Window & typeof globalThis;
      const img = frame.contentDocument!.querySelector('img')!;
      await until(() => img.complete, 5000, 'the image to fail');
      expect(img.naturalWidth).to.equal(0);
      // Lit's development build says so when an element schedules a second update from its first one.
      const logged: string[] = [];
      win.console.warn = (...args: unknown[]) => logged.push(args.join(' '));
      const problems = () => logged.filter((line) => !line.includes('Lit is in dev mode'));
      await upgradeFrame(frame, '/src/photo/photo.ts', 'fjord-photo');
      const photo = frame.contentDocument!.querySelector('fjord-photo')!;
      const fallback = photo.shadowRoot!.querySelector<HTMLElement>('[part=fallback]')!;
      expect(fallback.hidden).to.equal(false);
      expect(fallback.textContent!.trim()).to.equal('Tre kvinner foran en industrihall');
      expect(problems()).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });
});
