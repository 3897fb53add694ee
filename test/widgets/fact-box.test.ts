import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/fact-box/fact-box.js';
import type { FjordFactBox } from '../../src/fact-box/fact-box.js';
import { nextFrame, partText, stylesheetFrame, until, watchWarnings } from '../support/helpers.js';
import { settle, underMedia, webdriver } from '../support/engine.js';
import { cluster, clusterFacts, factBox } from '../../demo/story.js';

const FACTS = factBox.facts;

const part = (el: Element, name: string) => el.shadowRoot!.querySelector(`[part~="${name}"]`) as HTMLElement;
const shown = (node: HTMLElement) => getComputedStyle(node).display !== 'none';

async function canonical(lang = 'nb', attrs = true) {
  const wrapper = await fixture<HTMLElement>(html`
    <div lang=${lang} style="width: 480px">
      <fjord-fact-box heading="Fakta om klyngeprogrammet" source=${attrs ? 'Innovasjon Norge' : ''} updated=${attrs ? '2021-06-10' : ''}>
        <ul>
          ${FACTS.map((f) => html`<li>${f}</li>`)}
        </ul>
      </fjord-fact-box>
    </div>
  `);
  const el = wrapper.querySelector('fjord-fact-box')!;
  await settle(el);
  return el;
}

/** A box far taller than its fold: a link in the first fact (visible) and one in the last (folded away). */
async function long(extra = '') {
  const wrapper = await fixture<HTMLElement>(html`
    <div style="width: 420px">
      <button id="before">Før</button>
      <fjord-fact-box heading="Fakta om klyngene" collapsed-height=${extra || '12lh'}>
        <p>ACT har <a id="first" href="#act">83 partnere</a>.</p>
        <ul>
          ${Array.from({ length: 24 }, (_, i) => html`<li>Klynge nummer ${i + 1} i programmet Norwegian Innovation Clusters.</li>`)}
        </ul>
        <p>Les mer hos <a id="last" href="#in">Innovasjon Norge</a>.</p>
      </fjord-fact-box>
      <button id="after">Etter</button>
    </div>
  `);
  const el = wrapper.querySelector('fjord-fact-box')!;
  await settle(el);
  return el;
}

async function shiftTab() {
  if (webdriver) {
    // WebDriver takes a chord only as one "press" of WebDriver key codes: Shift, Tab.
    await sendKeys({ press: '\uE008\uE004' });
    return;
  }
  await sendKeys({ down: 'Shift' });
  await sendKeys({ press: 'Tab' });
  await sendKeys({ up: 'Shift' });
}


/** Resolves when the body's height animation (if any) has finished. */
async function heightSettled(el: FjordFactBox) {
  const body = part(el, 'body');
  await until(() => body.getAnimations().length === 0, 2000, 'height animation');
}

/** What the fold hides: the elements inside it that are not inert while folded, with their visibility. */
function foldState(el: FjordFactBox) {
  const bottom = part(el, 'body').getBoundingClientRect().bottom;
  return [...el.querySelectorAll('li, p')].map((node) => ({
    text: node.textContent!.trim(),
    visible: node.getBoundingClientRect().bottom <= bottom + 0.5,
    inert: Boolean(node.closest('[inert]')),
  }));
}

describe('fjord-fact-box', () => {
  before(() => document.documentElement.setAttribute('lang', 'nb'));

  it('renders the canonical markup as a complementary landmark named by its heading, content slotted', async () => {
    const el = await canonical('nb', false);
    const aside = el.shadowRoot!.querySelector('aside')!;
    expect(aside.getAttribute('part')).to.equal('box');
    const heading = el.shadowRoot!.querySelector('[role=heading]')!;
    expect(heading.getAttribute('aria-level')).to.equal('2');
    expect(heading.textContent!.trim()).to.equal('Fakta om klyngeprogrammet');
    expect(el.shadowRoot!.getElementById(aside.getAttribute('aria-labelledby')!)!.contains(heading)).to.equal(true);
    expect(el.querySelector('ul')!.assignedSlot === el.shadowRoot!.querySelector('slot:not([name])'), 'ul in the default slot').to.equal(true);
    expect([...el.querySelectorAll('li')].map((li) => li.textContent)).to.deep.equal(FACTS);
    expect(shown(part(el, 'toggle'))).to.equal(false);
    expect(shown(part(el, 'footer'))).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('reads no layout in the render of a box that does not fold, so a page’s upgrade is laid out once', async () => {
    // A layout read in the middle of the task that renders every widget makes the browser lay the page out there, and
    // again once the other widgets have rendered. Only folding needs positions.
    const read: Element[] = [];
    const { getBoundingClientRect } = Element.prototype;
    Element.prototype.getBoundingClientRect = function (this: Element) {
      read.push(this);
      return getBoundingClientRect.call(this);
    };
    let el: FjordFactBox;
    try {
      el = await fixture<FjordFactBox>(html`<fjord-fact-box heading="Fakta"><p>Kort tekst.</p></fjord-fact-box>`);
      el.tone = 'warning';
      await el.updateComplete;
    } finally {
      Element.prototype.getBoundingClientRect = getBoundingClientRect;
    }
    expect(read.filter((r) => el.contains(r) || el.shadowRoot!.contains(r))).to.deep.equal([]);
    expect(shown(part(el, 'toggle')), 'no fold, no toggle').to.equal(false);
  });

  it('sets the heading level from heading-level, or takes a heading child as it is', async () => {
    const el = await fixture<FjordFactBox>(html`<fjord-fact-box heading="Fakta" heading-level="3"><p>Tekst.</p></fjord-fact-box>`);
    expect(el.shadowRoot!.querySelector('[role=heading]')!.getAttribute('aria-level')).to.equal('3');

    const child = await fixture<FjordFactBox>(html`<fjord-fact-box><h4>Fakta om ACT</h4><p>83 partnere.</p></fjord-fact-box>`);
    await settle(child);
    const h4 = child.querySelector('h4')!;
    expect(h4.assignedSlot!.name).to.equal('heading');
    expect(partText(child, 'heading')).to.equal('Fakta om ACT');
    const aside = child.shadowRoot!.querySelector('aside')!;
    expect(part(child, 'heading').id).to.equal(aside.getAttribute('aria-labelledby'));
    await expect(child).to.be.accessible();
  });

  it('gives a short box no button, no fold and no fade', async () => {
    const el = await canonical();
    expect(shown(part(el, 'toggle'))).to.equal(false);
    expect(getComputedStyle(part(el, 'body')).maskImage).to.equal('none');
    expect(el.querySelectorAll('[inert]').length, 'inert elements').to.equal(0);
    const body = part(el, 'body').getBoundingClientRect();
    expect(el.querySelector('li:last-child')!.getBoundingClientRect().bottom).to.be.at.most(body.bottom + 0.5);
  });

  it('folds long content to about 12 lines with a fade and a "Vis mer" button that controls it', async () => {
    const el = await long();
    const body = part(el, 'body');
    const toggle = part(el, 'toggle') as HTMLButtonElement;
    const lineHeight = parseFloat(getComputedStyle(body).lineHeight);
    expect(body.getBoundingClientRect().height).to.be.closeTo(12 * lineHeight, 1);
    expect(getComputedStyle(body).maskImage).to.contain('linear-gradient');
    expect(shown(toggle)).to.equal(true);
    expect(toggle.textContent!.trim()).to.equal('Vis mer');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(el.shadowRoot!.getElementById(toggle.getAttribute('aria-controls')!)?.getAttribute('part')).to.equal('body');
    expect(el.open).to.equal(false);
    // Everything cut by the fold is inert (out of Tab order and accessibility tree); everything visible is not.
    const state = foldState(el);
    expect(state.some((s) => s.visible)).to.equal(true);
    expect(state.some((s) => !s.visible)).to.equal(true);
    for (const s of state) expect(s.inert, s.text).to.equal(!s.visible);
    await expect(el).to.be.accessible();
  });

  it('opens and folds by keyboard, with aria-expanded following', async () => {
    const el = await long();
    const toggle = part(el, 'toggle') as HTMLButtonElement;
    toggle.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await heightSettled(el);
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(toggle.textContent!.trim()).to.equal('Vis mindre');
    expect(el.open).to.equal(true);
    expect(el.hasAttribute('open')).to.equal(true);
    expect(getComputedStyle(part(el, 'body')).maskImage).to.equal('none');
    expect(el.querySelectorAll('[inert]').length, 'inert elements').to.equal(0);
    for (const s of foldState(el)) expect(s.visible, s.text).to.equal(true);
    await expect(el).to.be.accessible();

    await sendKeys({ press: ' ' });
    await el.updateComplete;
    await heightSettled(el);
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(toggle.textContent!.trim()).to.equal('Vis mer');
    expect(el.hasAttribute('open')).to.equal(false);
    expect(el.shadowRoot!.activeElement === toggle, 'focus stays on the button').to.equal(true);
    expect(Boolean(el.querySelector('#last')!.closest('[inert]')), 'folded link inert').to.equal(true);
  });

  it('keeps a link in the folded part out of the Tab order until the box is opened', async () => {
    const el = await long();
    // Named, not compared as elements, so a failure reports which element has focus.
    const active = () => {
      const node = document.activeElement === el ? el.shadowRoot!.activeElement : document.activeElement;
      return node?.id || node?.getAttribute('part') || node?.localName;
    };
    (document.getElementById('before') as HTMLElement).focus();
    await sendKeys({ press: 'Tab' });
    expect(active()).to.equal('first');
    await sendKeys({ press: 'Tab' });
    expect(active()).to.equal('toggle');
    await sendKeys({ press: 'Tab' });
    expect(active()).to.equal('after');

    await shiftTab();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await heightSettled(el);
    await shiftTab();
    expect(active()).to.equal('last');
  });

  it('follows open set by the page, without firing the toggle event', async () => {
    const el = await long();
    let fired = 0;
    el.addEventListener('fjord-fact-box-toggle', () => fired++);
    el.open = true;
    await el.updateComplete;
    await heightSettled(el);
    const toggle = part(el, 'toggle');
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(el.hasAttribute('open')).to.equal(true);
    expect(el.querySelectorAll('[inert]').length, 'inert elements').to.equal(0);
    el.removeAttribute('open');
    await el.updateComplete;
    await heightSettled(el);
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(Boolean(el.querySelector('#last')!.closest('[inert]')), 'folded link inert').to.equal(true);
    expect(fired).to.equal(0);

    const preset = await fixture<FjordFactBox>(html`
      <fjord-fact-box heading="Fakta" open style="width: 300px">
        ${Array.from({ length: 20 }, (_, i) => html`<p>Avsnitt ${i + 1}.</p>`)}
      </fjord-fact-box>
    `);
    await settle(preset);
    expect(part(preset, 'toggle').getAttribute('aria-expanded')).to.equal('true');
    expect(part(preset, 'toggle').textContent!.trim()).to.equal('Vis mindre');
    expect(preset.querySelectorAll('[inert]').length, 'inert elements').to.equal(0);
  });

  it('fires fjord-fact-box-toggle with { open } when the reader toggles', async () => {
    const el = await long();
    const toggle = part(el, 'toggle');
    setTimeout(() => toggle.click());
    const opened = await oneEvent(el.parentElement!, 'fjord-fact-box-toggle');
    expect(opened.detail).to.deep.equal({ open: true });
    expect(opened.bubbles && opened.composed).to.equal(true);
    setTimeout(() => toggle.click());
    const folded = await oneEvent(el, 'fjord-fact-box-toggle');
    expect(folded.detail).to.deep.equal({ open: false });
  });

  it('prints the whole box without the button', async () => {
    const el = await long();
    await underMedia(el, { emulate: { media: 'print' }, reset: { media: 'screen' }, rule: 'print', switchTo: 'all' }, async () => {
      expect(shown(part(el, 'toggle'))).to.equal(false);
      for (const s of foldState(el)) expect(s.visible, s.text).to.equal(true);
      expect(getComputedStyle(part(el, 'body')).maskImage).to.equal('none');
    });
    await nextFrame();
    expect(shown(part(el, 'toggle'))).to.equal(true);
  });

  it('turns the height animation off under prefers-reduced-motion', async () => {
    const el = await long();
    const body = part(el, 'body');
    const toggle = part(el, 'toggle') as HTMLButtonElement;
    // Engines that cannot animate a height to `auto` (no interpolate-size yet) never animate it.
    if (CSS.supports('interpolate-size', 'allow-keywords')) {
      toggle.click();
      await el.updateComplete;
      expect(body.getAnimations().length).to.equal(1);
      await heightSettled(el);
      toggle.click();
      await el.updateComplete;
      await heightSettled(el);
    }
    const motion = { emulate: { reducedMotion: 'reduce' }, reset: { reducedMotion: 'no-preference' } } as const;
    await underMedia(el, { ...motion, rule: '(prefers-reduced-motion: no-preference)', switchTo: 'not all' }, async () => {
      toggle.click();
      await el.updateComplete;
      expect(body.getAnimations().length).to.equal(0);
      toggle.click();
      await el.updateComplete;
      expect(body.getAnimations().length).to.equal(0);
      expect(body.getBoundingClientRect().height).to.be.closeTo(12 * parseFloat(getComputedStyle(body).lineHeight), 1);
    });
  });

  it('folds at collapsed-height, and again when the box gets narrower', async () => {
    const el = await long('200');
    expect(part(el, 'body').getBoundingClientRect().height).to.be.closeTo(200, 1);

    const short = await fixture<FjordFactBox>(html`
      <fjord-fact-box heading="Fakta" collapsed-height="6em" style="width: 600px">
        <p>Arctic Cluster Team i Mo i Rana har 83 partnere, har vært klynge siden 2017 og ledes av Monica Paulsen.</p>
        <p>Styreleder er Ellen Myrvold i Alcoa Mosjøen.</p>
      </fjord-fact-box>
    `);
    await settle(short);
    expect(shown(part(short, 'toggle'))).to.equal(false);
    short.style.width = '140px';
    await until(() => shown(part(short, 'toggle')), 2000, 'fold after narrowing');
    expect(part(short, 'body').getBoundingClientRect().height).to.be.closeTo(parseFloat(getComputedStyle(short).fontSize) * 6, 1);
  });

  it('lays out a <dl> as rows of term and value, stacking when narrow', async () => {
    const el = await fixture<FjordFactBox>(`<fjord-fact-box heading="${cluster.name}" style="width: 520px">${clusterFacts()}</fjord-fact-box>`);
    await settle(el);
    const rows = () => [...el.querySelectorAll('dt')].map((dt) => [dt.getBoundingClientRect(), (dt.nextElementSibling as HTMLElement).getBoundingClientRect()]);
    let previous = -Infinity;
    for (const [dt, dd] of rows()) {
      expect(Math.abs(dt.top - dd.top)).to.be.below(1);
      expect(dd.left).to.be.at.least(dt.right);
      expect(dt.top).to.be.above(previous);
      previous = dt.top;
    }
    await expect(el).to.be.accessible();
    el.style.width = '200px';
    await nextFrame();
    for (const [dt, dd] of rows()) expect(dd.top).to.be.at.least(dt.bottom - 0.5);
  });

  it('shows source and date in the page language, nb, nn and en, following lang changes', async () => {
    const el = await canonical('nb');
    expect(partText(el, 'footer')).to.equal('Kilde: Innovasjon Norge Oppdatert 10. juni 2021');
    await expect(el).to.be.accessible();

    const nn = await canonical('nn');
    expect(partText(nn, 'source')).to.equal('Kjelde: Innovasjon Norge');
    expect(partText(nn, 'updated')).to.equal('Oppdatert 10. juni 2021');

    const en = await canonical('en');
    expect(partText(en, 'source')).to.equal('Source: Innovasjon Norge');
    expect(partText(en, 'updated')).to.equal('Updated June 10, 2021');

    el.parentElement!.setAttribute('lang', 'en-GB');
    await until(() => partText(el, 'updated') === 'Updated 10 June 2021', 1000, 'en-GB');
  });

  it('labels the button in nb, nn and en', async () => {
    const labels: Record<string, [string, string]> = { nb: ['Vis mer', 'Vis mindre'], nn: ['Vis meir', 'Vis mindre'], en: ['Show more', 'Show less'] };
    const el = await long();
    const toggle = part(el, 'toggle');
    for (const [lang, [more, less]] of Object.entries(labels)) {
      el.setAttribute('lang', lang);
      await until(() => toggle.textContent!.trim() === more, 1000, `${lang} more`);
      el.open = true;
      await el.updateComplete;
      expect(toggle.textContent!.trim()).to.equal(less);
      el.open = false;
      await el.updateComplete;
    }
  });

  it('changes the accent with tone', async () => {
    const el = await canonical();
    const accent = () => getComputedStyle(el).borderInlineStartColor;
    const base = accent();
    el.tone = 'warning';
    await el.updateComplete;
    expect(el.getAttribute('tone')).to.equal('warning');
    expect(accent()).to.not.equal(base);
    el.style.setProperty('--fjord-warning', 'rgb(200, 0, 0)');
    expect(accent()).to.equal('rgb(200, 0, 0)');
    el.tone = 'neutral';
    await el.updateComplete;
    expect(accent()).to.not.equal('rgb(200, 0, 0)');
    await expect(el).to.be.accessible();
  });

  describe('before the script arrives (fjord-elements.css)', () => {
    const items = (n: number) => Array.from({ length: n }, (_, i) => `<li>Klynge nummer ${i + 1} i programmet Norwegian Innovation Clusters.</li>`).join('');
    const cases: [string, string][] = [
      ['the canonical box with source and date', `<fjord-fact-box heading="Fakta om klyngeprogrammet" source="Innovasjon Norge" updated="2021-06-10"><ul>${FACTS.map((f) => `<li>${f}</li>`).join('')}</ul></fjord-fact-box>`],
      ['a long box, folded', `<fjord-fact-box heading="Fakta om klyngene"><ul>${items(24)}</ul></fjord-fact-box>`],
      ['a long box with a heading child and a source', `<fjord-fact-box source="Siva"><h3>Fakta om klyngene</h3><ul>${items(24)}</ul></fjord-fact-box>`],
      // A collapsed-height is read before upgrade through typed attr() in CSS (Chromium today).
      ...(CSS.supports('width', 'attr(collapsed-height type(<length>), 1px)')
        ? [['a long box with a collapsed-height', `<fjord-fact-box heading="Fakta" collapsed-height="10em" updated="2021-06-10"><ul>${items(24)}</ul></fjord-fact-box>`] as [string, string]]
        : []),
      ['a <dl> box', `<fjord-fact-box heading="${cluster.name}" tone="info">${clusterFacts()}</fjord-fact-box>`],
    ];

    /** The markup laid out in a frame that has fjord-elements.css but not the script. */
    const unupgraded = (markup: string, scripting = true) => stylesheetFrame(`<div style="width: 420px">${markup}</div>`, { scripting });

    for (const [name, markup] of cases) {
      it(`keeps the height of ${name} when it upgrades`, async () => {
        const frame = await unupgraded(markup);
        try {
          const before = frame.contentDocument!.querySelector('fjord-fact-box')!.getBoundingClientRect().height;
          const wrapper = await fixture<HTMLElement>(`<div style="width: 420px">${markup}</div>`);
          const el = wrapper.querySelector('fjord-fact-box')!;
          await settle(el);
          expect(el.getBoundingClientRect().height).to.be.closeTo(before, 1);
        } finally {
          frame.remove();
        }
      });
    }

    it('shows a long box whole to a reader without JavaScript', async () => {
      const frame = await unupgraded(cases[1][1], false);
      try {
        const box = frame.contentDocument!.querySelector('fjord-fact-box')!;
        const last = box.querySelector('li:last-child')!;
        expect(last.getBoundingClientRect().bottom).to.be.at.most(box.getBoundingClientRect().bottom);
        expect(box.getBoundingClientRect().height).to.be.above(600);
      } finally {
        frame.remove();
      }
    });
  });

  it('warns about bad input, naming the attribute, and renders what is valid', async () => {
    const warnings = watchWarnings();
    try {
      const el = await fixture<FjordFactBox>(html`
        <fjord-fact-box heading-level="9" tone="loud" updated="i fjor" collapsed-height="tall"><p>Tekst.</p></fjord-fact-box>
      `);
      await settle(el);
      const text = warnings.messages.join('\n');
      expect(text).to.match(/<fjord-fact-box>: heading-level="9" is not 1–6/);
      expect(text).to.match(/<fjord-fact-box>: tone="loud" is not info, warning or neutral/);
      expect(text).to.match(/<fjord-fact-box>: updated="i fjor" is not an ISO 8601 date such as 2021-06-10/);
      expect(text).to.match(/<fjord-fact-box>: collapsed-height="tall" is not a CSS length/);
      expect(text).to.match(/<fjord-fact-box>: needs heading="…" or a heading element first/);
      expect(shown(part(el, 'footer'))).to.equal(false);
      expect(partText(el, 'body')).to.equal('Tekst.');
    } finally {
      warnings.restore();
    }
  });
});
