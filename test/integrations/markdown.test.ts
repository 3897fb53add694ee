// The widgets written inside Markdown, as editors write them, through markdown-it with `html: true` (the renderer
// Eleventy, and many other tools, use): what renders right as it is, and what the widgets warn about.
import { expect, fixture, html } from '@open-wc/testing';
import MarkdownIt from 'markdown-it';
import '../../src/index.js';
import { until, watchWarnings } from '../support/helpers.js';
import { factBox } from '../../demo/story.js';

const md = new MarkdownIt({ html: true });
type Widget = HTMLElement & { updateComplete: Promise<unknown> };

/** Renders Markdown into the page as a site would, and waits for the widgets in it. */
async function story(markdown: string) {
  const article = await fixture<HTMLElement>(html`<article lang="nb" style="width: 600px"></article>`);
  article.innerHTML = md.render(markdown);
  const widgets = [...article.querySelectorAll<Widget>('fjord-photo, fjord-fact-box, fjord-cluster-badge, fjord-article-card')];
  await Promise.all(widgets.map((el) => el.updateComplete));
  await new Promise((r) => setTimeout(r, 50));
  return article;
}

const text = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('widgets in Markdown (markdown-it, html: true)', () => {
  let warnings: ReturnType<typeof watchWarnings>;
  beforeEach(() => (warnings = watchWarnings()));
  afterEach(() => warnings.restore());

  it('a fact box with a Markdown list and blank lines inside keeps the list and nothing else', async () => {
    const article = await story(`Ingress.

<fjord-fact-box heading="Fakta om klyngeprogrammet" source="Innovasjon Norge">

- ${factBox.facts[1]}
- For 2021 er det budsjettert med **217 millioner kroner**.

</fjord-fact-box>

Resten av saken.
`);
    const box = article.querySelector('fjord-fact-box')!;
    expect(box.querySelectorAll('li').length).to.equal(2);
    expect(box.querySelector('strong')).to.not.equal(null);
    expect(article.lastElementChild!.localName).to.equal('p');
    expect(text(article.lastElementChild)).to.equal('Resten av saken.');
    expect(warnings.messages).to.deep.equal([]);
  });

  it('a badge inline in a sentence stays in its paragraph', async () => {
    const article = await story(
      'Klyngen <fjord-cluster-badge name="Arctic Cluster Team" short-name="ACT" level="arena-pro"></fjord-cluster-badge> har 83 partnere.\n\nNeste avsnitt.\n',
    );
    const badge = article.querySelector('fjord-cluster-badge')!;
    expect(badge.parentElement!.localName).to.equal('p');
    expect(text(badge.parentElement)).to.equal('Klyngen har 83 partnere.');
    expect(badge.shadowRoot!.querySelector('[part~=badge]')!.getAttribute('aria-label') ?? text(badge.shadowRoot!.querySelector('[part~=badge]'))).to.include('Arctic Cluster Team');
    expect(warnings.messages).to.deep.equal([]);
  });

  it('a photo with its caption on the lines right after the <img> keeps the story outside it', async () => {
    const article = await story(`<fjord-photo credit="Kent Erik Sjursen">
  <img src="/test-api/image.svg?w=1600&h=1067" alt="Tre kvinner foran en industrihall" width="1600" height="1067">
  Monica Paulsen og Tone Jakobsen i ACT.
</fjord-photo>

Neste avsnitt.
`);
    const photo = article.querySelector('fjord-photo')!;
    expect(text(photo)).to.equal('Monica Paulsen og Tone Jakobsen i ACT.');
    expect(photo.querySelector('img')!.slot).to.equal('image');
    expect(text(article.lastElementChild)).to.equal('Neste avsnitt.');
    expect(warnings.messages).to.deep.equal([]);
  });

  it('a blank line between the <img> and its caption: the photo swallows the story, and says so', async () => {
    const article = await story(`<fjord-photo credit="Kent Erik Sjursen">
  <img src="/test-api/image.svg?w=1600&h=1067" alt="Tre kvinner foran en industrihall" width="1600" height="1067">

  Monica Paulsen og Tone Jakobsen i ACT.
</fjord-photo>

Neste avsnitt.

<fjord-fact-box heading="Fakta">

- 83 partnere

</fjord-fact-box>
`);
    const photo = article.querySelector('fjord-photo')!;
    // What the browser made of markdown-it's output: the closing tag inside the <p> is dropped.
    expect(photo.querySelector('fjord-fact-box')).to.not.equal(null);
    await until(() => warnings.messages.some((m) => m.startsWith('<fjord-photo>')), 2000, 'a warning');
    expect(warnings.messages.find((m) => m.startsWith('<fjord-photo>'))).to.include('no blank line');
  });

  it('no blank line before </fjord-fact-box>: the box swallows the rest of the story, and says so', async () => {
    const article = await story(`<fjord-fact-box heading="Fakta">

- 83 partnere
- Klynge siden 2017
</fjord-fact-box>

## Mellomtittel

Resten av saken.
`);
    const box = article.querySelector('fjord-fact-box')!;
    expect(box.querySelector('h2')).to.not.equal(null);
    await until(() => warnings.messages.some((m) => m.startsWith('<fjord-fact-box>')), 2000, 'a warning');
    expect(warnings.messages.find((m) => m.startsWith('<fjord-fact-box>'))).to.include('Leave a blank line before </fjord-fact-box>');
  });

  it('a lower heading inside the box is a section of it, not the story: no warning', async () => {
    const article = await story(`<fjord-fact-box heading="Fakta om ACT">

- 83 partnere

### Om klyngeprogrammet

- Arena Pro siden 2021

</fjord-fact-box>
`);
    const box = article.querySelector('fjord-fact-box')!;
    expect(box.querySelector('h3')).to.not.equal(null);
    await box.updateComplete;
    await new Promise((r) => setTimeout(r, 100));
    expect(warnings.messages).to.deep.equal([]);
  });

  it('a closing tag after a blank line, following a paragraph, closes the widget', async () => {
    const article = await story(`<fjord-fact-box heading="Fakta">

Klyngen har 83 partnere.

</fjord-fact-box>

## Mellomtittel
`);
    const box = article.querySelector('fjord-fact-box')!;
    expect(text(box)).to.equal('Klyngen har 83 partnere.');
    expect(article.querySelector('h2')!.parentElement).to.equal(article);
    expect(warnings.messages).to.deep.equal([]);
  });

  it('an indented block: up to three spaces is markup, four spaces after a blank line is a code block', async () => {
    const indented = (spaces: string) => `<fjord-fact-box heading="Fakta">

${spaces}<ul>
${spaces}  <li>83 partnere</li>
${spaces}</ul>

</fjord-fact-box>
`;
    const three = await story(indented('   '));
    expect(three.querySelectorAll('fjord-fact-box li').length).to.equal(1);
    const four = await story(indented('    '));
    expect(four.querySelector('fjord-fact-box li')).to.equal(null);
    expect(text(four.querySelector('fjord-fact-box pre'))).to.include('<li>83 partnere</li>');
  });
});
