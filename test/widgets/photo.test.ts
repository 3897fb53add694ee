import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../src/photo/photo.js';
import { splitCredit, type FjordPhoto } from '../../src/photo/photo.js';
import { partText, until, watchWarnings } from '../support/helpers.js';
import { photo } from '../../demo/story.js';

const CAPTION = photo.caption;
const IMG = '/test-api/image.svg?w=1600&h=1067';
const FULL = '/test-api/image.svg?w=3200&h=2134';

async function canonical(lang = 'nb') {
  const wrapper = await fixture<HTMLElement>(html`
    <div lang=${lang}>
      <fjord-photo credit="Kent Erik Sjursen">
        <img src=${IMG} alt="Tre kvinner står foran en industrihall" width="1600" height="1067" />
        ${CAPTION}
      </fjord-photo>
    </div>
  `);
  const el = wrapper.querySelector('fjord-photo')!;
  await el.updateComplete;
  return el;
}

describe('fjord-photo', () => {
  before(() => document.documentElement.setAttribute('lang', 'nb'));

  it('renders the canonical markup as a figure with caption and credit', async () => {
    const el = await canonical();
    const figure = el.shadowRoot!.querySelector('figure')!;
    expect(figure).to.be.instanceOf(HTMLElement);
    expect(figure.querySelector('figcaption')).to.be.instanceOf(HTMLElement);
    expect(partText(el, 'caption')).to.equal(`${CAPTION} Foto: Kent Erik Sjursen`);
    expect(partText(el, 'credit')).to.equal('Foto: Kent Erik Sjursen');
    const img = el.querySelector('img')!;
    expect(img.assignedSlot?.name).to.equal('image');
    expect(img.getAttribute('loading')).to.equal('lazy');
    await expect(el).to.be.accessible();
  });

  it('takes a <picture> child as the photo', async () => {
    const el = await fixture<FjordPhoto>(html`
      <fjord-photo credit="Kent Erik Sjursen">
        <picture><source srcset=${IMG} type="image/svg+xml" /><img src=${IMG} alt="Industrihall" width="1600" height="1067" /></picture>
        Bildetekst.
      </fjord-photo>
    `);
    expect(el.querySelector('picture')!.assignedSlot?.name).to.equal('image');
    expect(el.image).to.equal(el.querySelector('picture img'));
    expect(partText(el, 'caption')).to.equal('Bildetekst. Foto: Kent Erik Sjursen');
  });

  it('renders the attribute-only form, with caption text never parsed as HTML', async () => {
    const el = await fixture<FjordPhoto>(html`
      <fjord-photo src=${IMG} alt="Industrihall" width="1600" height="1067" caption=${'<b>Mo i Rana</b> i morgenlys'} credit="Kent Erik Sjursen"></fjord-photo>
    `);
    const img = el.shadowRoot!.querySelector('img[part=image]') as HTMLImageElement;
    expect(img.getAttribute('src')).to.equal(IMG);
    expect(img.alt).to.equal('Industrihall');
    expect(img.getAttribute('width')).to.equal('1600');
    expect(img.loading).to.equal('lazy');
    expect(partText(el, 'caption')).to.equal('<b>Mo i Rana</b> i morgenlys Foto: Kent Erik Sjursen');
    expect(el.shadowRoot!.querySelector('b')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('takes a credit glued onto the caption out of it and shows it as the credit', async () => {
    const el = await fixture<FjordPhoto>(html`
      <fjord-photo><img src=${IMG} alt="Industrihall" width="1600" height="1067" />${CAPTION} FOTO: Kent Erik Sjursen</fjord-photo>
    `);
    await el.updateComplete;
    expect(partText(el, 'caption')).to.equal(`${CAPTION} Foto: Kent Erik Sjursen`);
    expect(partText(el, 'credit')).to.equal('Foto: Kent Erik Sjursen');
  });

  describe('credit parsing', () => {
    const table: [string, string, string | undefined][] = [
      ['Styreleder i ACT. FOTO: Kent Erik Sjursen', 'Styreleder i ACT.', 'Kent Erik Sjursen'],
      ['Klyngeleder Monica Paulsen.', 'Klyngeleder Monica Paulsen.', undefined],
      ['Næringsminister Iselin Nybø. Foto: Ole Berg-Rusten / NTB', 'Næringsminister Iselin Nybø.', 'Ole Berg-Rusten / NTB'],
      ['Smelteverket i Mo. foto: kari nordmann', 'Smelteverket i Mo.', 'kari nordmann'],
      ['Industrien ved Ranfjorden. Photo: Jane Doe', 'Industrien ved Ranfjorden.', 'Jane Doe'],
      ['Havbruk i Nordland. Bilde: Innovasjon Norge', 'Havbruk i Nordland.', 'Innovasjon Norge'],
      ['Kraftverket i vinterlys. Bilete: Siva', 'Kraftverket i vinterlys.', 'Siva'],
      ['Slik blir anlegget. Illustrasjon: Arkitektkontoret', 'Slik blir anlegget.', 'Arkitektkontoret'],
      ['Kart over klyngene. Ill.: Redaksjonen', 'Kart over klyngene.', 'Redaksjonen'],
      ['Styret samla i Mo (Foto: Per Hansen)', 'Styret samla i Mo', 'Per Hansen'],
      ['Fotografen var på plass. FOTO :Tor Lie', 'Fotografen var på plass.', 'Tor Lie'],
      ['FOTO: Kent Erik Sjursen', '', 'Kent Erik Sjursen'],
      ['Fotosyntese er viktig for havbruket', 'Fotosyntese er viktig for havbruket', undefined],
      ['Foto: ', 'Foto: ', undefined],
    ];
    for (const [input, caption, credit] of table) {
      it(`"${input}"`, () => {
        const result = splitCredit(input);
        expect(result?.credit).to.equal(credit);
        expect(result ? result.caption : input).to.equal(caption);
      });
    }
  });

  it('keeps space from width/height while the image loads and when it fails', async () => {
    const el = await fixture<FjordPhoto>(html`
      <fjord-photo style="width: 300px" credit="Kent Erik Sjursen">
        <img src="/test-api/missing.jpg" alt="Tre kvinner foran en industrihall" width="1600" height="1067" />
        ${CAPTION}
      </fjord-photo>
    `);
    const frame = el.shadowRoot!.querySelector('[part=frame]') as HTMLElement;
    await until(() => !(el.shadowRoot!.querySelector('[part=fallback]') as HTMLElement).hidden, 3000, 'fallback');
    await el.updateComplete;
    const fallback = el.shadowRoot!.querySelector('[part=fallback]') as HTMLElement;
    expect(fallback.textContent!.trim()).to.equal('Tre kvinner foran en industrihall');
    expect(fallback.getAttribute('role')).to.equal('img');
    expect(Math.round(frame.getBoundingClientRect().height)).to.equal(Math.round((300 * 1067) / 1600));
    expect(getComputedStyle(el.querySelector('img')!).display).to.equal('none');
    expect(partText(el, 'caption')).to.equal(`${CAPTION} Foto: Kent Erik Sjursen`);
    await expect(el).to.be.accessible();
  });

  it('reserves the box from ratio= and crops to it', async () => {
    const el = await fixture<FjordPhoto>(html`
      <fjord-photo style="width: 320px" ratio="16:9"><img src=${IMG} alt="Industrihall" width="1600" height="1067" /></fjord-photo>
    `);
    const frame = el.shadowRoot!.querySelector('[part=frame]') as HTMLElement;
    expect(Math.round(frame.getBoundingClientRect().height)).to.equal(180);
  });

  describe('zoom', () => {
    async function zoomable() {
      const el = await fixture<FjordPhoto>(html`
        <fjord-photo zoomable full-src=${FULL} credit="Kent Erik Sjursen" lang="nb">
          <img src=${IMG} alt="Tre kvinner foran en industrihall" width="1600" height="1067" />
          ${CAPTION}
        </fjord-photo>
      `);
      const button = el.shadowRoot!.querySelector('[part=zoom]') as HTMLButtonElement;
      const dialog = el.shadowRoot!.querySelector('dialog')!;
      return { el, button, dialog };
    }

    it('opens by keyboard, closes with Esc and returns focus to the button', async () => {
      const { el, button, dialog } = await zoomable();
      expect(button.getAttribute('aria-label')).to.equal('Vis bildet i full størrelse');
      button.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(dialog.open).to.equal(true);
      const full = dialog.querySelector('img')!;
      expect(full.getAttribute('src')).to.equal('/test-api/image.svg?w=3200&h=2134');
      expect(full.alt).to.equal('Tre kvinner foran en industrihall');
      expect(dialog.textContent!.replace(/\s+/g, ' ')).to.contain('Foto: Kent Erik Sjursen');
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'Escape' });
      await until(() => !dialog.open, 1000, 'dialog to close');
      expect(el.shadowRoot!.activeElement).to.equal(button);
    });

    it('closes with the close button and with a click on the backdrop', async () => {
      const { el, button, dialog } = await zoomable();
      button.click();
      await el.updateComplete;
      const close = dialog.querySelector('[part=close]') as HTMLButtonElement;
      expect(close.getAttribute('aria-label')).to.equal('Lukk');
      const box = close.getBoundingClientRect();
      await sendMouse({ type: 'click', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
      await until(() => !dialog.open, 1000, 'close button');
      expect(el.shadowRoot!.activeElement).to.equal(button);

      await sendMouse({ type: 'click', position: [Math.round(button.getBoundingClientRect().x + 10), Math.round(button.getBoundingClientRect().y + 10)] });
      await until(() => dialog.open, 1000, 'reopen');
      await sendMouse({ type: 'click', position: [5, window.innerHeight - 5] });
      await until(() => !dialog.open, 1000, 'backdrop click');
      expect(el.shadowRoot!.activeElement).to.equal(button);
    });

    it('uses the largest srcset candidate when full-src is not given', async () => {
      const el = await fixture<FjordPhoto>(html`
        <fjord-photo zoomable>
          <img src=${IMG} srcset="/test-api/image.svg?w=800 800w, /test-api/image.svg?w=2400 2400w, /test-api/image.svg?w=1600 1600w" alt="Hall" width="1600" height="1067" />
        </fjord-photo>
      `);
      el.showFullSize();
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('dialog img')!.getAttribute('src')).to.equal('/test-api/image.svg?w=2400');
      el.closeFullSize();
    });
  });

  it('speaks the language of the nearest lang and follows changes to it', async () => {
    const el = await canonical('en');
    expect(partText(el, 'credit')).to.equal('Photo: Kent Erik Sjursen');
    el.parentElement!.setAttribute('lang', 'nn');
    el.zoomable = true;
    await until(() => partText(el, 'credit') === 'Foto: Kent Erik Sjursen', 1000, 'nn');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part=zoom]')!.getAttribute('aria-label')).to.equal('Vis biletet i full storleik');
    el.setAttribute('credit-label', 'Illustrasjon');
    await el.updateComplete;
    expect(partText(el, 'credit')).to.equal('Illustrasjon: Kent Erik Sjursen');
  });

  it('drops an unsafe src with a warning naming the element and attribute', async () => {
    const warnings = watchWarnings();
    try {
      const el = await fixture<FjordPhoto>(html`<fjord-photo src="javascript:alert(1)" alt="x" caption="Tekst"></fjord-photo>`);
      expect(el.shadowRoot!.querySelector('img')).to.equal(null);
      expect(partText(el, 'caption')).to.equal('Tekst');
      expect(warnings.messages.join('\n')).to.match(/<fjord-photo>: src="javascript:alert\(1\)" was not used/);

      const sneaky = await fixture<FjordPhoto>(html`<fjord-photo src=${IMG} srcset=${`${IMG} 800w, JaVaScRiPt:alert(1) 1600w`} alt="x"></fjord-photo>`);
      expect(sneaky.shadowRoot!.querySelector('img')!.hasAttribute('srcset')).to.equal(false);
      expect(warnings.messages.join('\n')).to.match(/<fjord-photo>: srcset="JaVaScRiPt:alert\(1\)" was not used/);
    } finally {
      warnings.restore();
    }
  });

  it('makes a priority photo eager and high priority, but lets the page’s own attributes win', async () => {
    const el = await fixture<FjordPhoto>(html`
      <fjord-photo priority><img src=${IMG} alt="Hall" width="1600" height="1067" /></fjord-photo>
    `);
    const img = el.querySelector('img')!;
    expect(img.getAttribute('loading')).to.equal('eager');
    expect(img.getAttribute('fetchpriority')).to.equal('high');
    el.priority = false;
    await el.updateComplete;
    expect(img.getAttribute('loading')).to.equal('lazy');
    expect(img.hasAttribute('fetchpriority')).to.equal(false);

    const own = await fixture<FjordPhoto>(html`
      <fjord-photo><img src=${IMG} alt="Hall" width="1600" height="1067" loading="eager" /></fjord-photo>
    `);
    expect(own.querySelector('img')!.getAttribute('loading')).to.equal('eager');
  });

  it('warns about a missing alt and an alt that repeats the caption', async () => {
    const warnings = watchWarnings();
    try {
      await fixture(html`<fjord-photo><img src=${IMG} width="1600" height="1067" />Tekst</fjord-photo>`);
      const twice = await fixture<FjordPhoto>(html`<fjord-photo><img src=${IMG} alt="Styret i ACT" width="1600" height="1067" />Styret i ACT</fjord-photo>`);
      await twice.updateComplete;
      const text = warnings.messages.join('\n');
      expect(text).to.match(/<fjord-photo>: the image has no alt text/);
      expect(text).to.match(/<fjord-photo>: the alt text repeats the caption/);
    } finally {
      warnings.restore();
    }
  });
});
