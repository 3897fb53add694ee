// dist/cdn/autoloader.js (from `npm run build`): defines only the fjord- tags on the page, each from its own
// module in the same folder, including tags added later and tags in a shadow root handed to observe().
import { expect } from '@open-wc/testing';
import { until } from '../support/helpers.js';

const DIR = '/dist/cdn/';
const loaded = () =>
  performance
    .getEntriesByType('resource')
    .map((e) => e.name)
    .filter((name) => name.includes(DIR))
    .map((name) => new URL(name).pathname.slice(DIR.length))
    .filter((file) => !file.startsWith('shared-'))
    .sort();

describe('autoloader.js', () => {
  let autoloader: { observe(root: ShadowRoot): Promise<unknown> };
  const box = document.createElement('fjord-fact-box');

  before(async () => {
    box.setAttribute('heading', 'Fakta om ACT');
    box.innerHTML = '<p>Kort.</p>';
    document.body.append(box);
    const url = `${DIR}autoloader.js`;
    autoloader = await import(url);
  });

  it('defines the tags on the page, and only those, from their own modules', async () => {
    await customElements.whenDefined('fjord-fact-box');
    await (box as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(box.shadowRoot!.querySelector('[part~=heading]')!.textContent!.trim()).to.equal('Fakta om ACT');
    for (const tag of ['fjord-photo', 'fjord-article-card', 'fjord-cluster-badge', 'fjord-newsletter-signup']) {
      expect(customElements.get(tag), tag).to.equal(undefined);
    }
    expect(loaded()).to.deep.equal(['autoloader.js', 'fact-box.js']);
  });

  it('defines a tag added to the page later, also deep inside added markup', async () => {
    const section = document.createElement('section');
    section.innerHTML = '<div><fjord-photo src="/demo/assets/act-ledere-800.jpg" alt="Tre kvinner" credit="Kent Erik Sjursen"></fjord-photo></div>';
    document.body.append(section);
    await until(() => Boolean(customElements.get('fjord-photo')), 3000, 'fjord-photo defined');
    const photo = section.querySelector('fjord-photo') as HTMLElement & { updateComplete: Promise<unknown> };
    await photo.updateComplete;
    expect(photo.shadowRoot!.querySelector('[part~=credit]')!.textContent).to.contain('Kent Erik Sjursen');
    expect(customElements.get('fjord-article-card')).to.equal(undefined);
    section.remove();
  });

  it('covers a shadow root passed to observe(), now and later', async () => {
    const host = document.createElement('div');
    const root = host.attachShadow({ mode: 'open' });
    document.body.append(host);
    await autoloader.observe(root);
    root.innerHTML = '<fjord-cluster-badge name="Arctic Cluster Team" level="arena-pro"></fjord-cluster-badge>';
    await until(() => Boolean(customElements.get('fjord-cluster-badge')), 3000, 'fjord-cluster-badge defined');
    expect(customElements.get('fjord-newsletter-signup')).to.equal(undefined);
    expect(loaded()).to.deep.equal(['autoloader.js', 'cluster-badge.js', 'fact-box.js', 'photo.js']);
    host.remove();
  });
});
