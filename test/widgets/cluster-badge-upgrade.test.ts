// Layout stability of <fjord-cluster-badge variant="chip"> with fjord-elements.css linked: chips sit in running text,
// so a chip that grows at upgrade pushes the rest of its line. The page is laid out first, without the script, and
// then the script upgrades the chips.
import { expect } from '@open-wc/testing';
import { stylesheetFrame, upgradeFrame } from '../support/helpers.js';

/** What a reader sees of a chip before upgrade (its generated content), spaces of any width folded to one. */
const seen = (el: Element) =>
  ['::before', '::after']
    .map((pseudo) => getComputedStyle(el, pseudo).content.replace(/^(none|normal)$/, ''))
    // Chromium and WebKit give the content as one string; Firefox as its parts, attr() unresolved.
    .join(' ')
    .replace(/attr\(([\w-]+)\)/g, (_, name: string) => el.getAttribute(name) ?? '')
    .replace(/"/g, '')
    .replace(/[\s\u2000-\u200a]+/g, ' ')
    .trim();

/** Chips in the attribute combinations a page writes, each followed by a mark that must not move. */
const CHIPS = [
  'name="Arctic Cluster Team"',
  'name="Arctic Cluster Team" short-name="ACT" level="arena-pro"',
  'name="Eyde-klyngen" level="arena" nce',
  'name="Eyde-klyngen" level="gce" nce esca="gold"',
  'name="Eyde-klyngen" level="arena-pro" esca="Silver"',
  'name="Eyde-klyngen" nce',
  'name="Eyde-klyngen" esca="bronze"',
  'name="Eyde-klyngen" nce esca="silver"',
  // A status that ran out years ago, and one that runs for years yet.
  'name="Arctic Cluster Team" short-name="ACT" level="arena" until="2020"',
  'name="Arctic Cluster Team" short-name="ACT" level="arena" until="2019" nce esca="gold"',
  'name="Arctic Cluster Team" short-name="ACT" level="arena-pro" until="2099"',
];

const page = (lang: string) =>
  CHIPS.map((attrs, i) => `<p lang="${lang}">Før <fjord-cluster-badge ${attrs}></fjord-cluster-badge><span class="mark">${i}</span> etter.</p>`).join('');

/** Left edge, top and width of every chip and of every mark, in the frame. */
const boxes = (doc: Document) =>
  [...doc.querySelectorAll('fjord-cluster-badge, .mark')].map((el) => {
    const r = el.getBoundingClientRect();
    return { what: el.localName == 'span' ? `mark ${el.textContent}` : `chip ${el.outerHTML.split('>')[0]}>`, left: r.left, width: r.width, top: r.top };
  });

describe('fjord-cluster-badge chip before and after upgrade', () => {
  for (const lang of ['nb', 'nn', 'en']) {
    it(`moves nothing in the line at upgrade, with a level, NCE and ESCA (lang=${lang})`, async () => {
      const frame = await stylesheetFrame(page(lang), { width: 900, bodyStyle: 'margin: 0; font: 16px/1.5 sans-serif' });
      try {
        const doc = frame.contentDocument!;
        const before = boxes(doc);
        await upgradeFrame(frame, '/src/cluster-badge/cluster-badge.ts', 'fjord-cluster-badge');
        const after = boxes(doc);
        after.forEach((box, i) => {
          expect(box.left, `left of ${box.what}`).to.be.closeTo(before[i].left, 1.5);
          expect(box.width, `width of ${box.what}`).to.be.closeTo(before[i].width, 1.5);
          expect(box.top, `top of ${box.what}`).to.be.closeTo(before[i].top, 1);
        });
      } finally {
        frame.remove();
      }
    });
  }
});

describe('fjord-cluster-badge chip without its script', () => {
  it('reads as the name followed by the level, status, NCE and ESCA label', async () => {
    const frame = await stylesheetFrame(page('nb') + page('en'), { scripting: false });
    try {
      const chips = [...frame.contentDocument!.querySelectorAll('fjord-cluster-badge')];
      const nb = chips.slice(0, CHIPS.length).map(seen);
      expect(nb).to.deep.equal([
        'Arctic Cluster Team',
        'ACT Arena Pro',
        'Eyde-klyngen Arena NCE',
        'Eyde-klyngen GCE NCE ESCA gullmerke',
        'Eyde-klyngen Arena Pro ESCA sølvmerke',
        'Eyde-klyngen NCE',
        'Eyde-klyngen ESCA bronsemerke',
        'Eyde-klyngen NCE ESCA sølvmerke',
        'ACT Arena utløpt',
        'ACT Arena utløpt NCE ESCA gullmerke',
        'ACT Arena Pro',
      ]);
      expect(seen(chips[CHIPS.length + 3])).to.equal('Eyde-klyngen GCE NCE ESCA Gold Label');
      expect(seen(chips[CHIPS.length + 8])).to.equal('ACT Arena expired');
    } finally {
      frame.remove();
    }
  });
});
