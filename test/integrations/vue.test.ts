// Vue 3 with the widgets, in a template as an app would write them. Vue sets a bound value as a property when the
// element has one (else an attribute), and `@event-name` listens to a custom event of that name.
import { expect } from '@open-wc/testing';
import { createApp, nextTick, type App } from 'vue';
import '../../src/photo/photo.js';
import '../../src/fact-box/fact-box.js';
import '../../src/cluster-badge/cluster-badge.js';
import type { FjordPhoto } from '../../src/photo/photo.js';
import type { FjordFactBox, FjordFactBoxToggleDetail } from '../../src/fact-box/fact-box.js';
import type { FjordClusterBadge } from '../../src/cluster-badge/cluster-badge.js';
import { partText } from '../support/helpers.js';

let app: App | undefined;
let host: HTMLElement | undefined;

/** Mounts a template with the given data; `fjord-` tags are custom elements, not Vue components. */
function mount<D extends object>(template: string, data: D): D {
  host = document.createElement('div');
  host.lang = 'nb';
  document.body.append(host);
  app = createApp({ template, data: () => data });
  app.config.compilerOptions.isCustomElement = (tag) => tag.startsWith('fjord-');
  return app.mount(host) as unknown as D;
}

const el = <T extends Element>(tag: string) => host!.querySelector(tag) as unknown as T;
const part = (e: Element, name: string) => e.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`)!;
const longFacts = Array.from({ length: 12 }, (_, i) => `<li>Fakta ${i + 1}</li>`).join('');

describe('Vue 3', () => {
  afterEach(() => {
    app?.unmount();
    host?.remove();
    app = host = undefined;
  });

  it('binds values the element has as properties (a Date reaches `now`) and static attributes as attributes', async () => {
    const vm = mount(
      `<fjord-cluster-badge variant="card" name="Arctic Cluster Team" level="arena-pro" until="2026" short-name="ACT" :now="now"></fjord-cluster-badge>`,
      { now: new Date(2026, 5, 1) },
    );
    const badge = el<FjordClusterBadge>('fjord-cluster-badge');
    await badge.updateComplete;
    expect(badge.now).to.be.instanceOf(Date);
    expect(badge.hasAttribute('now')).to.equal(false);
    expect(badge.shortName).to.equal('ACT');
    expect(part(badge, 'status')).to.equal(null);
    vm.now = new Date(2027, 0, 1);
    await nextTick();
    await badge.updateComplete;
    expect(partText(badge, 'status')).to.equal('utløpt');
  });

  it('updates bound strings and booleans, and slots the children', async () => {
    const vm = mount(
      `<fjord-photo :credit="credit" credit-label="Bilde" :zoomable="zoomable"><img src="/demo/assets/act-ledere-800.jpg" alt="Tre kvinner">{{ caption }}</fjord-photo>`,
      { credit: 'Kent Erik Sjursen', zoomable: true, caption: 'Monica Paulsen i ACT.' },
    );
    const photo = el<FjordPhoto>('fjord-photo');
    await photo.updateComplete;
    expect(photo.creditLabel).to.equal('Bilde');
    expect(partText(photo, 'caption')).to.equal('Monica Paulsen i ACT. Bilde: Kent Erik Sjursen');
    expect(part(photo, 'zoom').hidden).to.equal(false);
    vm.credit = 'NTB';
    vm.zoomable = false;
    await nextTick();
    await photo.updateComplete;
    expect(partText(photo, 'credit')).to.equal('Bilde: NTB');
    expect(photo.zoomable).to.equal(false);
    expect(part(photo, 'zoom').hidden).to.equal(true);
  });

  it('listens with @fjord-fact-box-toggle, and keeps a bound `open` in step with the reader', async () => {
    const vm = mount(
      `<fjord-fact-box heading="Fakta om ACT" collapsed-height="40" :open="open" @fjord-fact-box-toggle="seen.push($event.detail); open = $event.detail.open"><ul>${longFacts}</ul></fjord-fact-box>`,
      { open: false, seen: [] as FjordFactBoxToggleDetail[] },
    );
    const box = el<FjordFactBox>('fjord-fact-box');
    await box.updateComplete;
    part(box, 'toggle').click();
    await box.updateComplete;
    await nextTick();
    expect(vm.seen).to.deep.equal([{ open: true }]);
    expect(vm.open).to.equal(true);
    vm.open = false;
    await nextTick();
    await box.updateComplete;
    expect(box.open).to.equal(false);
    expect(vm.seen).to.have.length(1); // set by the page: no event
  });
});
