// Attaching and detaching each widget 1,000 times leaves no timers, observers or listeners behind.
import '../support/instrument.js';
import { expect } from '@open-wc/testing';
import '../../src/index.js';
import { liveResources } from '../support/instrument.js';
import { watchWarnings } from '../support/helpers.js';

const IMG = '/test-api/image.svg?w=160&h=107';
const recent = () => new Date(Date.now() - 2 * 3600_000).toISOString();

const markup: Record<string, () => string> = {
  'fjord-photo': () =>
    `<fjord-photo credit="Kent Erik Sjursen" zoomable><img src="${IMG}" alt="Hall" width="160" height="107">Bildetekst. FOTO: Kent Erik Sjursen</fjord-photo>`,
  'fjord-article-card': () =>
    `<fjord-article-card href="/a" kicker="Næringsliv" published="${recent()}" live track-impressions><img src="${IMG}" alt="" width="160" height="107"><h3>Ny Arena Pro-klynge</h3><p>Ingress.</p></fjord-article-card>`,
  'fjord-fact-box': () =>
    `<fjord-fact-box heading="Fakta" collapsed-height="40" updated="2021-06-10"><ul>${'<li>Et faktum som tar plass.</li>'.repeat(8)}</ul></fjord-fact-box>`,
  'fjord-cluster-badge': () =>
    `<fjord-cluster-badge name="Arctic Cluster Team" short-name="ACT" level="arena-pro" partners="83" since="2017" until="2026" variant="card" href="https://example.org/act"></fjord-cluster-badge>`,
  'fjord-newsletter-signup': () =>
    `<fjord-newsletter-signup action="/api/newsletter" list="klyngenytt" consent-required><h2>Nyhetsbrev</h2><p>Én gang i uka.</p></fjord-newsletter-signup>`,
};

const settle = async () => {
  for (let i = 0; i < 3; i++) await new Promise((r) => requestAnimationFrame(r));
  await new Promise((r) => setTimeout(r, 20));
};

describe('no leaks', () => {
  for (const [tag, html] of Object.entries(markup)) {
    it(`<${tag}> attached and detached 1,000 times leaves nothing behind`, async function () {
      this.timeout(60000);
      if (!customElements.get(tag)) throw new Error(`${tag} is not defined`);
      const warnings = watchWarnings();
      const host = document.createElement('div');
      document.body.append(host);
      const cycle = async () => {
        host.innerHTML = html();
        const el = host.firstElementChild as HTMLElement & { updateComplete: Promise<unknown> };
        await el.updateComplete;
        el.remove();
      };
      try {
        await settle();
        const before = liveResources();
        for (let i = 0; i < 1000; i++) await cycle();
        await settle();
        const after = liveResources();
        expect(after.detachedTargets, 'detached elements still observed').to.equal(0);
        expect(after.observedTargets, 'observed targets').to.be.at.most(before.observedTargets);
        expect(after.timers, 'pending timers').to.be.at.most(before.timers);
        expect(after.frames, 'pending animation frames').to.equal(0);
        expect(after.listeners, 'listeners on window and document').to.be.at.most(before.listeners);
      } finally {
        host.remove();
        warnings.restore();
      }
    });
  }
});
