import { expect, fixture, html } from '@open-wc/testing';
import '../src/index.js';
import type { FjordArticleCard } from '../src/article-card/article-card.js';

const card = (i: number) =>
  `<fjord-article-card href="/sak-${i}" kicker="Næringsliv" published="2021-06-10T09:30:00+02:00" byline="Redaksjonen">` +
  `<img src="/test-api/image.svg?w=800&h=534" alt="" width="800" height="534"><h3>Sak ${i}</h3><p>Ingress ${i}.</p></fjord-article-card>`;

/** Lets every microtask queued so far, and those they queue, run; all within the current task. */
async function drainMicrotasks() {
  for (let i = 0; i < 50; i++) await Promise.resolve();
}

describe('first render in slices', () => {
  it('renders a page of many widgets over several tasks, and every one of them', async () => {
    const box = await fixture<HTMLElement>(html`<div></div>`);
    let sameTask = true;
    setTimeout(() => (sameTask = false));
    box.innerHTML = Array.from({ length: 400 }, (_, i) => card(i)).join('');
    const cards = [...box.querySelectorAll<FjordArticleCard>('fjord-article-card')];
    await drainMicrotasks();
    expect(sameTask, 'still in the task that inserted them').to.equal(true);
    const early = cards.filter((c) => c.hasUpdated).length;
    // The first task renders widgets for about 10 ms; 400 cards take longer than that.
    expect(early, 'rendered in the first task').to.be.above(0).and.below(cards.length);
    await Promise.all(cards.map((c) => c.updateComplete));
    expect(cards.every((c) => c.hasUpdated && c.shadowRoot!.querySelector('article'))).to.equal(true);
    // In document order: the widgets at the top of the page come first.
    expect(cards.slice(0, early).every((c) => c.hasUpdated)).to.equal(true);
  });

  it('renders a widget added on its own in the task that added it', async () => {
    const box = await fixture<HTMLElement>(html`<div></div>`);
    await new Promise((resolve) => setTimeout(resolve, 20));
    let sameTask = true;
    setTimeout(() => (sameTask = false));
    box.innerHTML = card(1);
    await drainMicrotasks();
    expect(sameTask).to.equal(true);
    expect((box.firstElementChild as FjordArticleCard).hasUpdated).to.equal(true);
  });

  it('holds back no update after the first', async () => {
    const box = await fixture<HTMLElement>(html`<div></div>`);
    box.innerHTML = Array.from({ length: 200 }, (_, i) => card(i)).join('');
    const cards = [...box.querySelectorAll<FjordArticleCard>('fjord-article-card')];
    await Promise.all(cards.map((c) => c.updateComplete));
    let sameTask = true;
    setTimeout(() => (sameTask = false));
    for (const c of cards) c.kicker = 'Industri';
    await drainMicrotasks();
    expect(sameTask).to.equal(true);
    expect(cards.every((c) => !c.isUpdatePending && c.shadowRoot!.querySelector('[part=kicker]')!.textContent == 'Industri')).to.equal(true);
  });
});
