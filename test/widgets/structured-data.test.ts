import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { FjordPhoto } from '../../src/photo/photo.js';
import { until, watchWarnings } from '../support/helpers.js';

declare global {
  interface Window {
    fjordPwned?: number;
  }
}

const ldScripts = (root: ParentNode = document) => [...root.querySelectorAll<HTMLScriptElement>('script[type="application/ld+json"]')];
/** The JSON-LD a widget wrote, once it has (the code that writes it loads on demand), parsed. */
const ldOf = async (el: Element, previous?: string) => {
  await until(() => ldScripts(el).length > 0 && ldScripts(el)[0].textContent !== previous, 3000, 'JSON-LD');
  const scripts = ldScripts(el);
  expect(scripts, 'one JSON-LD block').to.have.length(1);
  return JSON.parse(scripts[0].textContent!);
};
const noLd = (el: Element) => until(() => ldScripts(el).length === 0, 3000, 'JSON-LD removed');
const IMG = '/test-api/image.svg?w=1600&h=1067';
const HOSTILE = '</script><script>window.fjordPwned=1</script><!-- "quoted" \\ \u2028';

describe('structured data (JSON-LD)', () => {
  before(() => document.documentElement.setAttribute('lang', 'nb'));

  describe('fjord-photo', () => {
    it('describes the image as an ImageObject with credit, creator, agency and licence', async () => {
      const el = await fixture<FjordPhoto>(html`
        <fjord-photo structured-data credit="Ole Berg-Rusten / NTB" copyright-notice="© NTB" license="/lisens" acquire-license-page="https://example.org/kjop">
          <img src=${IMG} alt="Næringsminister Iselin Nybø" width="1600" height="1067" />
          Næringsminister Iselin Nybø.
        </fjord-photo>
      `);
      await el.updateComplete;
      expect(await ldOf(el)).to.deep.equal({
        '@context': 'https://schema.org',
        '@type': 'ImageObject',
        contentUrl: new URL(IMG, location.href).href,
        caption: 'Næringsminister Iselin Nybø.',
        creditText: 'Ole Berg-Rusten / NTB',
        creator: { '@type': 'Person', name: 'Ole Berg-Rusten', sourceOrganization: { '@type': 'Organization', name: 'NTB' } },
        copyrightNotice: '© NTB',
        license: new URL('/lisens', location.href).href,
        acquireLicensePage: 'https://example.org/kjop',
      });
    });

    it('uses a credit glued onto the caption, and follows attribute changes', async () => {
      const el = await fixture<FjordPhoto>(html`
        <fjord-photo structured-data><img src="/test-api/image.svg" alt="Hall" width="16" height="9" />Smelteverket. FOTO: Kent Erik Sjursen</fjord-photo>
      `);
      // The JSON-LD follows the widget: once the credit is taken out of the caption, it is rewritten.
      await until(() => ldScripts(el)[0]?.textContent?.includes('"caption":"Smelteverket."') ?? false, 3000, 'caption without credit');
      let ld = await ldOf(el);
      expect(ld.caption).to.equal('Smelteverket.');
      expect(ld.creditText).to.equal('Kent Erik Sjursen');
      el.credit = 'Tone Jakobsen';
      el.copyrightNotice = '© ACT';
      await el.updateComplete;
      ld = await ldOf(el, JSON.stringify(ld).replace(/</g, '\\u003c'));
      expect(ld.creditText).to.equal('Tone Jakobsen');
      expect(ld.copyrightNotice).to.equal('© ACT');
    });

    it('keeps hostile text inside the JSON and drops unsafe licence URLs', async () => {
      const warnings = watchWarnings();
      const el = await fixture<FjordPhoto>(html`
        <fjord-photo structured-data src="/test-api/image.svg" alt="x" caption=${HOSTILE} credit=${HOSTILE} copyright-notice=${HOSTILE} license="javascript:alert(1)"></fjord-photo>
      `);
      await ldOf(el);
      const [script] = ldScripts(el);
      expect(script.textContent).not.to.contain('</script');
      expect(script.textContent).not.to.contain('<!--');
      const ld = JSON.parse(script.textContent!);
      expect(ld.caption).to.equal(HOSTILE.replace(/\s+/g, ' ').trim());
      expect(ld.copyrightNotice).to.equal(HOSTILE);
      expect(ld.license).to.equal(undefined);
      expect(ldScripts(document.body).filter((s) => !s.hasAttribute('data-fjord-ld'))).to.have.length(0);
      expect(el.querySelectorAll('script')).to.have.length(1);
      await new Promise((r) => setTimeout(r, 0));
      expect(window.fjordPwned).to.equal(undefined);
      warnings.restore();
      expect(warnings.messages.join()).to.contain('license="javascript:alert(1)" was not used');
    });

    it('writes nothing unless asked, and cleans up when turned off or removed', async () => {
      const el = await fixture<FjordPhoto>(html`<fjord-photo src="/test-api/image.svg" alt="x" caption="Tekst"></fjord-photo>`);
      await new Promise((r) => setTimeout(r, 100));
      expect(ldScripts(el)).to.have.length(0);
      el.structuredData = true;
      await ldOf(el);
      el.structuredData = false;
      await noLd(el);
      el.structuredData = true;
      await ldOf(el);
      el.remove();
      expect(ldScripts(document)).to.have.length(0);
    });
  });

  describe('fjord-cluster-badge', () => {
    it('describes the cluster as an Organization with its programme level as an award', async () => {
      const el = await fixture(html`
        <fjord-cluster-badge structured-data name="Arctic Cluster Team" short-name="ACT" level="arena-pro" partners="83" since="2017" region="Mo i Rana" href="https://example.org/act"></fjord-cluster-badge>
      `);
      expect(await ldOf(el)).to.deep.equal({
        '@context': 'https://schema.org',
        '@type': 'Organization',
        name: 'Arctic Cluster Team',
        alternateName: 'ACT',
        url: 'https://example.org/act',
        foundingDate: '2017',
        location: { '@type': 'Place', name: 'Mo i Rana' },
        award: 'Arena Pro — Norwegian Innovation Clusters',
      });
    });

    it('keeps hostile text inside the JSON, drops an unsafe URL and cleans up', async () => {
      const warnings = watchWarnings();
      const el = (await fixture(html`
        <fjord-cluster-badge structured-data name=${HOSTILE} short-name=${HOSTILE} region=${HOSTILE} level="gce" href="javascript:alert(1)"></fjord-cluster-badge>
      `)) as HTMLElement & { structuredData: boolean };
      const ld = await ldOf(el);
      expect(ldScripts(el)[0].textContent).not.to.contain('</script');
      expect(ld.name).to.equal(HOSTILE.trim());
      expect(ld.location.name).to.equal(HOSTILE.trim());
      expect(ld.url).to.equal(undefined);
      expect(ld.award).to.equal('GCE — Norwegian Innovation Clusters');
      el.structuredData = false;
      await noLd(el);
      warnings.restore();
      expect(window.fjordPwned).to.equal(undefined);
    });
  });

  describe('fjord-article-card', () => {
    it('describes the teaser as a NewsArticle', async () => {
      const el = await fixture(html`
        <fjord-article-card structured-data href="/nyheter/ny-arena-pro-klynge" kicker="Næringsliv" published="2021-06-10T09:30:00+02:00" updated="2021-06-11T08:00:00+02:00" byline="Redaksjonen">
          <img src="/test-api/image.svg" alt="" width="1600" height="1067" />
          <h3>Ny Arena Pro-klynge</h3>
          <p>Arctic Cluster Team er en av de fire nye Arena Pro-klyngene.</p>
        </fjord-article-card>
      `);
      expect(await ldOf(el)).to.deep.equal({
        '@context': 'https://schema.org',
        '@type': 'NewsArticle',
        headline: 'Ny Arena Pro-klynge',
        url: new URL('/nyheter/ny-arena-pro-klynge', location.href).href,
        image: new URL('/test-api/image.svg', location.href).href,
        datePublished: '2021-06-10T09:30:00+02:00',
        dateModified: '2021-06-11T08:00:00+02:00',
        author: { '@type': 'Person', name: 'Redaksjonen' },
      });
      // The JSON-LD is not part of the lead.
      expect(el.shadowRoot!.querySelector<HTMLSlotElement>('slot:not([name])')!.assignedElements().map((e) => e.localName)).to.deep.equal(['p']);
    });

    it('keeps hostile text inside the JSON and drops unsafe URLs', async () => {
      const warnings = watchWarnings();
      const el = await fixture(html`
        <fjord-article-card structured-data href="javascript:alert(1)" headline=${HOSTILE} byline=${HOSTILE} image-src="javascript:alert(2)" published="not a date"></fjord-article-card>
      `);
      const ld = await ldOf(el);
      warnings.restore();
      expect(ldScripts(el)[0].textContent).not.to.contain('</script');
      expect(ld.headline).to.equal(HOSTILE.replace(/\s+/g, ' ').trim());
      expect(ld.author.name).to.equal(HOSTILE.split('/')[0].trim());
      expect(ld.url).to.equal(undefined);
      expect(ld.image).to.equal(undefined);
      expect(ld.datePublished).to.equal(undefined);
      expect(window.fjordPwned).to.equal(undefined);
    });

    it('describes a list of cards as one ItemList', async () => {
      const FjordArticleCard = customElements.get('fjord-article-card') as unknown as { describeList(list: HTMLElement): void };
      const list = await fixture<HTMLElement>(html`
        <div>
          <fjord-article-card href="/a" headline="Første"></fjord-article-card>
          <fjord-article-card headline="Andre"><h3><a href="/b">Andre</a></h3></fjord-article-card>
          <fjord-article-card href="javascript:alert(1)" headline="Tredje"></fjord-article-card>
        </div>
      `);
      const warnings = watchWarnings();
      FjordArticleCard.describeList(list);
      const ld = await ldOf(list);
      warnings.restore();
      expect(ld).to.deep.equal({
        '@context': 'https://schema.org',
        '@type': 'ItemList',
        itemListElement: [
          { '@type': 'ListItem', position: 1, url: new URL('/a', location.href).href },
          { '@type': 'ListItem', position: 2, url: new URL('/b', location.href).href },
          { '@type': 'ListItem', position: 3 },
        ],
      });
    });
  });
});
