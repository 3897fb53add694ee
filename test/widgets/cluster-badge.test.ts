import { expect, fixture, html } from '@open-wc/testing';
import { svg } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/cluster-badge/cluster-badge.js';
import { FjordClusterBadge } from '../../src/cluster-badge/cluster-badge.js';
import { partText, until, watchWarnings } from '../support/helpers.js';

const PHRASE = 'Arctic Cluster Team, Arena Pro-klynge i Norwegian Innovation Clusters, 83 partnere, siden 2017';
const LOGO = '/test-api/image.svg?w=120&h=40';

async function canonical(variant: 'chip' | 'card' = 'chip', lang = 'nb') {
  const wrapper = await fixture<HTMLElement>(
    variant === 'chip'
      ? html`<div lang=${lang}><fjord-cluster-badge name="Arctic Cluster Team" short-name="ACT" level="arena-pro" partners="83" since="2017" region="Mo i Rana" href="https://example.org/act"></fjord-cluster-badge></div>`
      : html`<div lang=${lang}><fjord-cluster-badge variant="card" name="Arctic Cluster Team" short-name="ACT" level="arena-pro" partners="83" since="2017" region="Mo i Rana" href="https://example.org/act"></fjord-cluster-badge></div>`,
  );
  const el = wrapper.querySelector('fjord-cluster-badge')!;
  await el.updateComplete;
  return el;
}

/** Builds a badge from attribute markup (inside a wrapper with the given lang and colour scheme). */
async function badge(attributes: string, { lang = 'nb', scheme = 'light', children = '' } = {}) {
  const wrapper = await fixture<HTMLElement>(html`<div></div>`);
  wrapper.lang = lang;
  wrapper.style.colorScheme = scheme;
  wrapper.innerHTML = `<fjord-cluster-badge ${attributes}>${children}</fjord-cluster-badge>`;
  const el = wrapper.querySelector('fjord-cluster-badge')!;
  await el.updateComplete;
  return el;
}

const root = (el: FjordClusterBadge) => el.shadowRoot!.querySelector('[part=badge]') as HTMLElement;
const part = (el: FjordClusterBadge, name: string) => el.shadowRoot!.querySelector(`[part~=${name}]`) as HTMLElement | null;
const facts = (el: FjordClusterBadge) => [...el.shadowRoot!.querySelectorAll('[part=facts] li')].map((li) => li.textContent!.trim());
const iconShape = (el: FjordClusterBadge, name: string) => part(el, name)!.querySelector('svg path')!.getAttribute('d');

/** WCAG contrast ratio of two computed sRGB colours. */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = c.match(/[\d.]+/g)!.slice(0, 3).map((v) => {
      const s = Number(v) / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** The background a node is painted on: its own or the nearest ancestor's (across shadow roots) that is not transparent. */
function backgroundOf(node: Element): string {
  for (let n: Element | null = node; n; n = n.parentElement ?? ((n.getRootNode() as ShadowRoot).host ?? null)) {
    const bg = getComputedStyle(n).backgroundColor;
    if (!/^rgba\(.*,\s*0\)$|^transparent$/.test(bg)) return bg;
  }
  return 'rgb(255, 255, 255)';
}

/** Every text part and icon of the badge meets 4.5:1 (text) and 3:1 (icons) against what it sits on. */
function expectContrast(el: FjordClusterBadge, what: string) {
  const texts = el.shadowRoot!.querySelectorAll('[part~=name], [part~=level], [part~=status], [part~=nce], [part~=esca], [part~=description], [part~=facts], [part~=link]');
  expect(texts.length, what).to.be.greaterThan(0);
  for (const node of texts) {
    const ratio = contrast(getComputedStyle(node).color, backgroundOf(node));
    expect(ratio, `${what}: text of ${node.getAttribute('part')}`).to.be.at.least(4.5);
  }
  for (const icon of el.shadowRoot!.querySelectorAll('svg')) {
    const style = getComputedStyle(icon);
    const paint = style.fill === 'none' ? style.stroke : style.fill;
    expect(contrast(paint, backgroundOf(icon)), `${what}: icon`).to.be.at.least(3);
  }
}

/** A Swedish programme level, registered for the whole file. */
function registerVinnvaxt() {
  FjordClusterBadge.defineLevel('Vinnvaxt', {
    label: { nb: 'Vinnväxt', nn: 'Vinnväxt', en: 'Vinnväxt' },
    description: {
      nb: 'Svensk regional klynge med støtte i inntil ti år.',
      nn: 'Svensk regional klynge med støtte i inntil ti år.',
      en: 'A Swedish regional cluster funded for up to ten years.',
    },
    icon: 'M4 4h16v16H4z',
    programme: { nb: 'Vinnova', nn: 'Vinnova', en: 'Vinnova' },
  });
}

describe('fjord-cluster-badge', () => {
  before(() => {
    document.documentElement.setAttribute('lang', 'nb');
    registerVinnvaxt();
  });

  it('renders the canonical markup as a chip: short name and level, named as one phrase', async () => {
    const el = await canonical();
    expect(el.variant).to.equal('chip');
    expect(partText(el, 'badge')).to.equal('ACT Arena Pro');
    expect(partText(el, 'name')).to.equal('ACT');
    expect(root(el).getAttribute('role')).to.equal('img');
    expect(root(el).getAttribute('aria-label')).to.equal(PHRASE);
    expect(part(el, 'icon')!.getAttribute('aria-hidden')).to.equal('true');
    expect(el.shadowRoot!.querySelector('a, [tabindex]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('[part=description], [part=facts]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('renders the canonical markup as a card: level with its meaning, partners, year, region and link', async () => {
    const el = await canonical('card');
    expect(partText(el, 'name')).to.equal('Arctic Cluster Team');
    expect(partText(el, 'level')).to.equal('Arena Pro');
    expect(partText(el, 'description')).to.equal('Etablert klynge med støtte i 5 år.');
    expect(facts(el)).to.deep.equal(['83 partnere', 'Klynge siden 2017', 'Mo i Rana']);
    const link = part(el, 'link') as HTMLAnchorElement;
    expect(link.textContent!.trim()).to.equal('Les mer om Arctic Cluster Team');
    expect(link.getAttribute('href')).to.equal('https://example.org/act');
    expect(root(el).getAttribute('role')).to.equal('group');
    expect(root(el).getAttribute('aria-label')).to.equal(PHRASE);
    expect(getComputedStyle(el).display).to.equal('block');
    await expect(el).to.be.accessible();
  });

  it('reaches the card’s link with Tab, and the chip takes no focus', async () => {
    const wrapper = await fixture<HTMLElement>(html`
      <div>
        <button>før</button>
        <fjord-cluster-badge name="Arctic Cluster Team" short-name="ACT" level="arena-pro" href="https://example.org/act"></fjord-cluster-badge>
        <fjord-cluster-badge variant="card" name="Arctic Cluster Team" level="arena-pro" href="https://example.org/act"></fjord-cluster-badge>
      </div>
    `);
    const [, card] = wrapper.querySelectorAll('fjord-cluster-badge');
    await card.updateComplete;
    wrapper.querySelector('button')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement).to.equal(card);
    expect(card.shadowRoot!.activeElement).to.equal(part(card, 'link'));
  });

  describe('levels, NCE and ESCA', () => {
    const table = [
      ['arena', 'Arena', 'Arena-klynge i Norwegian Innovation Clusters', 'Ung klynge i oppbygging, med støtte i 3–5 år.'],
      ['arena-pro', 'Arena Pro', 'Arena Pro-klynge i Norwegian Innovation Clusters', 'Etablert klynge med støtte i 5 år.'],
      ['gce', 'GCE', 'GCE-klynge i Norwegian Innovation Clusters', 'Moden klynge med global posisjon og støtte i 10 år.'],
    ];
    for (const [level, label, phrase, description] of table) {
      it(`shows ${level} with its label, description and name in both variants`, async () => {
        const chip = await badge(`name="Arctic Cluster Team" short-name="ACT" level="${level}"`);
        expect(partText(chip, 'level')).to.equal(label);
        expect(root(chip).getAttribute('aria-label')).to.equal(`Arctic Cluster Team, ${phrase}`);
        await expect(chip).to.be.accessible();
        const card = await badge(`variant="card" name="Arctic Cluster Team" level="${level}"`);
        expect(partText(card, 'level')).to.equal(label);
        expect(partText(card, 'description')).to.equal(description);
        await expect(card).to.be.accessible();
      });
    }

    it('gives every level, NCE and ESCA an icon of its own shape', async () => {
      const shapes = new Set<string | null>();
      for (const level of ['arena', 'arena-pro', 'gce']) shapes.add(iconShape(await badge(`name="X" level="${level}"`), 'level'));
      const el = await badge('name="X" level="arena" nce esca="gold"');
      shapes.add(iconShape(el, 'nce'));
      shapes.add(iconShape(el, 'esca'));
      expect(shapes.size).to.equal(5);
      expect([...shapes].every(Boolean)).to.equal(true);
    });

    it('adds the NCE brand and the ESCA label in text, on the badge and in its name', async () => {
      const el = await badge('variant="card" name="Arctic Cluster Team" level="gce" nce esca="gold" partners="83" since="2017"');
      expect(partText(el, 'nce')).to.equal('NCE');
      expect(partText(el, 'esca')).to.equal('ESCA gullmerke');
      expect(root(el).getAttribute('aria-label')).to.equal(
        'Arctic Cluster Team, GCE-klynge i Norwegian Innovation Clusters, NCE, ESCA gullmerke, 83 partnere, siden 2017',
      );
      await expect(el).to.be.accessible();
      const chip = await badge('name="Arctic Cluster Team" short-name="ACT" level="gce" nce esca="gold"');
      expect(partText(chip, 'badge')).to.equal('ACT GCE NCE ESCA gullmerke');
      await expect(chip).to.be.accessible();
    });

    const metals: [string, string, string, string][] = [
      ['bronze', 'ESCA bronsemerke', 'ESCA bronsemerke', 'ESCA Bronze Label'],
      ['silver', 'ESCA sølvmerke', 'ESCA sølvmerke', 'ESCA Silver Label'],
      ['GOLD', 'ESCA gullmerke', 'ESCA gullmerke', 'ESCA Gold Label'],
    ];
    for (const [esca, nb, nn, en] of metals) {
      it(`names ESCA ${esca} in nb, nn and en`, async () => {
        for (const [lang, text] of [['nb', nb], ['nn', nn], ['en', en]]) {
          const el = await badge(`name="ACT" esca="${esca}"`, { lang });
          expect(partText(el, 'esca'), lang).to.equal(text);
          expect(root(el).getAttribute('aria-label'), lang).to.equal(`ACT, ${text}`);
        }
      });
    }

    it('shows NCE without a level', async () => {
      const el = await badge('name="Arctic Cluster Team" nce');
      expect(partText(el, 'badge')).to.equal('Arctic Cluster Team NCE');
      expect(part(el, 'level')).to.equal(null);
      await expect(el).to.be.accessible();
    });
  });

  describe('partners: plurals and number formatting', () => {
    const table: [string, string, string][] = [
      ['nb', '1', '1 partner'],
      ['nb', '83', '83 partnere'],
      ['nb', '1234', '1\u00a0234 partnere'],
      ['nb', '1 234', '1\u00a0234 partnere'],
      ['nn', '1', '1 partnar'],
      ['nn', '83', '83 partnarar'],
      ['nn', '1234', '1\u00a0234 partnarar'],
      ['en', '1', '1 partner'],
      ['en', '83', '83 partners'],
      ['en', '1234', '1,234 partners'],
      ['en', '0', '0 partners'],
    ];
    for (const [lang, partners, text] of table) {
      it(`${lang}: partners="${partners}" → "${text}"`, async () => {
        const el = await badge(`variant="card" name="ACT" partners="${partners}"`, { lang });
        expect(facts(el)).to.deep.equal([text]);
        expect(root(el).getAttribute('aria-label')).to.equal(`ACT, ${text}`);
      });
    }

    it('follows the page’s regional English', async () => {
      const el = await badge('variant="card" name="ACT" partners="1234"', { lang: 'en-GB' });
      expect(facts(el)).to.deep.equal(['1,234 partners']);
    });
  });

  describe('languages', () => {
    it('reads in nynorsk and English, and follows a change of lang', async () => {
      const el = await canonical('card', 'nn');
      expect(facts(el)).to.deep.equal(['83 partnarar', 'Klynge sidan 2017', 'Mo i Rana']);
      expect(partText(el, 'link')).to.equal('Les meir om Arctic Cluster Team');
      expect(partText(el, 'description')).to.equal('Etablert klynge med støtte i 5 år.');
      expect(root(el).getAttribute('aria-label')).to.equal('Arctic Cluster Team, Arena Pro-klynge i Norwegian Innovation Clusters, 83 partnarar, sidan 2017');

      el.parentElement!.setAttribute('lang', 'en');
      await until(() => partText(el, 'link') === 'Read more about Arctic Cluster Team', 1000, 'English');
      expect(facts(el)).to.deep.equal(['83 partners', 'Cluster since 2017', 'Mo i Rana']);
      expect(partText(el, 'description')).to.equal('An established cluster, funded for 5 years.');
      expect(root(el).getAttribute('aria-label')).to.equal('Arctic Cluster Team, Arena Pro cluster in Norwegian Innovation Clusters, 83 partners, since 2017');
      await expect(el).to.be.accessible();
    });
  });

  describe('expiry', () => {
    it('shows the status as valid through the year in until=, against the badge’s clock', async () => {
      const el = await badge('variant="card" name="Arctic Cluster Team" level="arena-pro" until="2026"');
      el.now = new Date(2026, 11, 31, 23, 59);
      await el.updateComplete;
      expect(part(el, 'status')).to.equal(null);
      expect(root(el).getAttribute('aria-label')).to.equal('Arctic Cluster Team, Arena Pro-klynge i Norwegian Innovation Clusters');
    });

    it('shows the status as expired, in text and style, after the year in until=', async () => {
      const el = await badge('variant="card" name="Arctic Cluster Team" level="arena-pro" until="2026" partners="83"');
      const fresh = getComputedStyle(root(el));
      const [freshColor, freshBorder] = [fresh.color, fresh.borderTopStyle];
      const freshFill = getComputedStyle(part(el, 'icon')!).fill;
      el.now = new Date(2027, 0, 1);
      await el.updateComplete;
      expect(partText(el, 'status')).to.equal('utløpt');
      expect(root(el).getAttribute('aria-label')).to.equal('Arctic Cluster Team, Arena Pro-klynge i Norwegian Innovation Clusters, utløpt, 83 partnere');
      const box = getComputedStyle(root(el));
      expect(getComputedStyle(part(el, 'level')!).color).to.equal(box.color);
      expect(box.color).not.to.equal(freshColor);
      expect([freshBorder, box.borderTopStyle]).to.deep.equal(['solid', 'dashed']);
      expect(freshFill).not.to.equal('none');
      expect(getComputedStyle(part(el, 'icon')!).fill).to.equal('none');
      await expect(el).to.be.accessible();
    });

    it('says "expired" in English and "utløpt" in nynorsk, on the chip too', async () => {
      for (const [lang, word] of [['en', 'expired'], ['nn', 'utløpt']]) {
        const el = await badge('name="Arctic Cluster Team" short-name="ACT" level="gce" until="2020"', { lang });
        el.now = new Date(2024, 5, 1);
        await el.updateComplete;
        expect(partText(el, 'badge')).to.equal(`ACT GCE ${word}`);
        expect(root(el).getAttribute('aria-label')).to.contain(`, ${word}`);
        await expect(el).to.be.accessible();
      }
    });
  });

  describe('bad input', () => {
    it('renders an unknown level as a neutral badge with the given text and warns, listing the valid levels', async () => {
      const warnings = watchWarnings();
      try {
        const el = await badge('variant="card" name="Arctic Cluster Team" level="arena-plus" partners="83" since="2017" region="Mo i Rana"');
        expect(part(el, 'level')).to.equal(null);
        expect(part(el, 'description')).to.equal(null);
        expect(partText(el, 'name')).to.equal('Arctic Cluster Team');
        expect(facts(el)).to.deep.equal(['83 partnere', 'Klynge siden 2017', 'Mo i Rana']);
        expect(root(el).getAttribute('aria-label')).to.equal('Arctic Cluster Team, 83 partnere, siden 2017');
        expect(warnings.messages.join('\n')).to.match(
          /<fjord-cluster-badge>: level="arena-plus" is not arena, arena-pro, gce(, [a-z-]+)* or a level from FjordClusterBadge\.defineLevel\(\)/,
        );
        await expect(el).to.be.accessible();
      } finally {
        warnings.restore();
      }
    });

    it('warns about non-numeric partners and since, and renders the rest', async () => {
      const warnings = watchWarnings();
      try {
        const el = await badge('variant="card" name="Arctic Cluster Team" level="arena" partners="mange" since="for lenge siden" until="snart" region="Mo i Rana"');
        expect(facts(el)).to.deep.equal(['Mo i Rana']);
        expect(partText(el, 'level')).to.equal('Arena');
        expect(root(el).getAttribute('aria-label')).to.equal('Arctic Cluster Team, Arena-klynge i Norwegian Innovation Clusters');
        const text = warnings.messages.join('\n');
        expect(text).to.contain('<fjord-cluster-badge>: partners="mange" is not a whole number such as 83.');
        expect(text).to.contain('<fjord-cluster-badge>: since="for lenge siden" is not a year such as 2017.');
        expect(text).to.contain('<fjord-cluster-badge>: until="snart" is not a year such as 2017.');
        await expect(el).to.be.accessible();
      } finally {
        warnings.restore();
      }
    });

    it('warns about an unknown esca, variant and a missing name', async () => {
      const warnings = watchWarnings();
      try {
        const el = await badge('variant="banner" level="arena" esca="platinum"');
        expect(part(el, 'esca')).to.equal(null);
        expect(partText(el, 'badge')).to.equal('Arena');
        const text = warnings.messages.join('\n');
        expect(text).to.contain('esca="platinum" is not bronze, silver or gold.');
        expect(text).to.contain('variant="banner" is not chip or card.');
        expect(text).to.contain('`name` is missing');
      } finally {
        warnings.restore();
      }
    });

    it('shows hostile attribute values as text and keeps unsafe URLs out of href', async () => {
      const warnings = watchWarnings();
      try {
        const hostile = '<img src=x onerror="window.pwned=1">';
        const el = await fixture<FjordClusterBadge>(html`
          <fjord-cluster-badge variant="card" name=${hostile} short-name=${hostile} level=${'"><script>window.pwned=1</script>'} esca=${'<b>gold</b>'}
            partners=${'83<script>'} since=${'2017"onmouseover="x'} region=${'<i>Mo</i>'} href=${'javascript:window.pwned=1'}></fjord-cluster-badge>
        `);
        expect(partText(el, 'name')).to.equal(hostile);
        expect(facts(el)).to.deep.equal(['<i>Mo</i>']);
        expect(el.shadowRoot!.querySelector('img, script, b, i, a')).to.equal(null);
        expect(root(el).getAttribute('aria-label')).to.equal(hostile);
        expect((window as unknown as { pwned?: number }).pwned).to.equal(undefined);
        const text = warnings.messages.join('\n');
        expect(text).to.contain('href="javascript:window.pwned=1" was not used');
        expect(text).to.contain('level=""><script>window.pwned=1</script>" is not arena');
        await expect(el).to.be.accessible();
      } finally {
        warnings.restore();
      }
    });
  });

  describe('registering a level', () => {
    it('renders a registered level with its label, description, icon and programme', async () => {
      const el = await badge('variant="card" name="Printed Electronics Arena" level="vinnvaxt" partners="40"', { lang: 'en' });
      expect(partText(el, 'level')).to.equal('Vinnväxt');
      expect(partText(el, 'description')).to.equal('A Swedish regional cluster funded for up to ten years.');
      expect(iconShape(el, 'level')).to.equal('M4 4h16v16H4z');
      expect(root(el).getAttribute('aria-label')).to.equal('Printed Electronics Arena, Vinnväxt cluster in Vinnova, 40 partners');
      await expect(el).to.be.accessible();
    });

    it('updates badges already on the page, and takes an svg template as icon and no programme', async () => {
      const warnings = watchWarnings();
      try {
        const el = await badge('name="Fjordklyngen" level="kystklynge"');
        expect(part(el, 'level')).to.equal(null);
        FjordClusterBadge.defineLevel('kystklynge', {
          label: { nb: 'Kystklynge', nn: 'Kystklynge', en: 'Coastal' },
          description: { nb: 'Regional klynge langs kysten.', nn: 'Regional klynge langs kysten.', en: 'A regional coastal cluster.' },
          icon: svg`<circle cx="12" cy="12" r="9"></circle>`,
        });
        await el.updateComplete;
        expect(partText(el, 'level')).to.equal('Kystklynge');
        expect(part(el, 'level')!.querySelector('svg circle')).not.to.equal(null);
        expect(root(el).getAttribute('aria-label')).to.equal('Fjordklyngen, Kystklynge-klynge');
        await expect(el).to.be.accessible();
      } finally {
        warnings.restore();
      }
    });

    it('lists registered levels among the valid values when a level is unknown', async () => {
      const warnings = watchWarnings();
      try {
        await badge('name="X" level="nope"');
        expect(warnings.messages.join('\n')).to.match(/level="nope" is not arena, arena-pro, gce, vinnvaxt\b/);
      } finally {
        warnings.restore();
      }
    });

    it('keeps a hostile icon path as an attribute value', async () => {
      FjordClusterBadge.defineLevel('hostile', {
        label: { nb: 'Fiendtlig', nn: 'Fiendtleg', en: 'Hostile' },
        description: { nb: 'x', nn: 'x', en: 'x' },
        icon: '"/><script>window.pwned=1</script><path d="M0 0',
      });
      const el = await badge('name="X" level="hostile"');
      expect(el.shadowRoot!.querySelectorAll('script').length).to.equal(0);
      expect(el.shadowRoot!.querySelectorAll('svg path').length).to.equal(1);
      expect((window as unknown as { pwned?: number }).pwned).to.equal(undefined);
    });
  });

  describe('logo', () => {
    it('shows an <img slot="logo"> in the chip and the card, sized by the badge', async () => {
      const el = await badge('variant="card" name="Arctic Cluster Team" level="arena-pro"', { children: `<img slot="logo" src="${LOGO}" alt="ACT" width="240" height="80">` });
      const img = el.querySelector('img')!;
      await until(() => img.complete, 1000, 'logo');
      expect(img.assignedSlot).to.equal(part(el, 'logo'));
      expect(Math.round(img.getBoundingClientRect().height)).to.equal(40);
      await expect(el).to.be.accessible();

      const chip = await badge('name="Arctic Cluster Team" short-name="ACT" level="arena-pro"', { children: `<img slot="logo" src="${LOGO}" alt="" width="120" height="40">` });
      await until(() => chip.querySelector('img')!.complete, 1000, 'chip logo');
      const fontSize = parseFloat(getComputedStyle(part(chip, 'badge')!).fontSize);
      expect(Math.round(chip.querySelector('img')!.getBoundingClientRect().height)).to.equal(Math.round(fontSize * 1.25));
      await expect(chip).to.be.accessible();
    });

    it('takes a <picture> with a dark-mode source and fits its image to the logo box', async () => {
      const el = await badge('variant="card" name="Arctic Cluster Team" level="arena-pro"', {
        children: `<picture slot="logo"><source srcset="${LOGO}&dark" media="(prefers-color-scheme: dark)"><img src="${LOGO}" alt="ACT" width="240" height="80"></picture>`,
      });
      const img = el.querySelector('img')!;
      await until(() => img.complete, 1000, 'logo');
      expect(Math.round(img.getBoundingClientRect().height)).to.equal(40);
      expect(Math.round(img.getBoundingClientRect().width)).to.equal(120);
      await expect(el).to.be.accessible();
    });

    it('takes no room when there is no logo', async () => {
      const el = await canonical();
      expect((part(el, 'logo') as HTMLSlotElement).assignedElements()).to.deep.equal([]);
      const box = root(el).getBoundingClientRect();
      const style = getComputedStyle(root(el));
      const inset = parseFloat(style.paddingLeft) + parseFloat(style.borderLeftWidth);
      expect(part(el, 'name')!.getBoundingClientRect().left - box.left).to.be.closeTo(inset, 0.5);
    });
  });

  describe('contrast of every level in light and dark', () => {
    const states = [
      ['arena', 'level="arena"'],
      ['arena-pro', 'level="arena-pro" nce esca="silver"'],
      ['gce', 'level="gce" nce esca="gold"'],
      ['neutral (unknown level)', 'level="x-unknown"'],
      ['registered level', 'level="vinnvaxt"'],
      ['expired', 'level="arena-pro" until="2000" nce'],
    ];
    for (const scheme of ['light', 'dark']) {
      for (const [what, attrs] of states) {
        it(`${what} in ${scheme}`, async () => {
          const warnings = watchWarnings();
          try {
            for (const variant of ['chip', 'card']) {
              const el = await badge(`variant="${variant}" name="Arctic Cluster Team" short-name="ACT" partners="83" since="2017" region="Mo i Rana" href="https://example.org/act" ${attrs}`, { scheme });
              expectContrast(el, `${what} ${variant} ${scheme}`);
              await expect(el).to.be.accessible();
            }
          } finally {
            warnings.restore();
          }
        });
      }
    }

    it('really changes colours between light and dark', async () => {
      const light = await badge('name="ACT" level="gce"');
      const dark = await badge('name="ACT" level="gce"', { scheme: 'dark' });
      expect(getComputedStyle(root(light)).color).not.to.equal(getComputedStyle(root(dark)).color);
      expect(getComputedStyle(root(light)).backgroundColor).not.to.equal(getComputedStyle(root(dark)).backgroundColor);
    });
  });
});
