// The story the Eleventy and Hugo examples write with their shortcodes, in the Markdown that breaks raw tags (a blank
// line and indentation inside the photo, emphasis in its caption, a list ending at the fact box's end, Markdown in
// the signup), and what a reader must find on its page once the widgets have upgraded: every widget whole, holding
// what it should and nothing of the story after it.
import { cards, signup } from '../../demo/story.js';

/** What the page shows of each widget, read in the browser (puppeteer `page`). */
export function storyWidgets(page) {
  return page.evaluate(() => {
    const text = (node) => node?.textContent.replace(/\s+/g, ' ').trim();
    const slotted = (host, name) =>
      [...host.children].filter((el) => el.assignedSlot && el.assignedSlot.name == name).map((el) => `${el.localName}: ${text(el)}`);
    const photo = document.querySelector('fjord-photo');
    const box = document.querySelector('fjord-fact-box');
    const card = document.querySelector('fjord-article-card');
    const signup = document.querySelector('fjord-newsletter-signup');
    const badge = document.querySelector('fjord-cluster-badge');
    const widgets = 'fjord-photo, fjord-fact-box, fjord-article-card, fjord-newsletter-signup, fjord-cluster-badge';
    return {
      badge: { name: badge?.getAttribute('name'), shown: [...(badge?.shadowRoot.children ?? [])].filter((el) => el.localName != 'style').map(text).join(' '), inParagraph: badge?.parentElement.localName },
      photo: {
        image: photo?.querySelector('img')?.assignedSlot?.name,
        caption: text({ textContent: photo?.shadowRoot.querySelector('slot:not([name])')?.assignedNodes().map((n) => n.textContent).join(' ') }),
        emphasis: [...(photo?.querySelectorAll('em') ?? [])].map(text),
        credit: text(photo?.shadowRoot.querySelector('[part~=credit]')),
      },
      factBox: {
        heading: text(box?.shadowRoot.querySelector('[part~=heading]')),
        items: [...(box?.querySelectorAll(':scope > ul > li') ?? [])].map(text),
        strong: [...(box?.querySelectorAll('strong') ?? [])].map(text),
        children: [...(box?.children ?? [])].map((el) => el.localName),
      },
      card: {
        image: slotted(card, 'image').length,
        headline: slotted(card, 'headline'),
        link: card?.querySelector('h1 a, h2 a, h3 a, h4 a')?.getAttribute('href'),
        kicker: text(card?.shadowRoot.querySelector('[part~=kicker]')),
      },
      signup: {
        heading: slotted(signup, 'heading'),
        description: [...(signup?.children ?? [])].filter((el) => !el.slot).map(text),
        emphasis: [...(signup?.querySelectorAll('em') ?? [])].map(text),
        email: !!signup?.shadowRoot.querySelector('input[type=email]'),
      },
      // The story around the widgets stays outside them.
      outside: [...document.querySelectorAll('main h2, main p')].filter((el) => !el.closest(widgets)).map(text),
    };
  });
}

export const CAPTION = 'Monica Paulsen (t.v.) og Tone Jakobsen (t.h.) i ACT sammen med Ellen Myrvold i Alcoa Mosjøen.';

/** What `storyWidgets` must give, for a card with the given headline and link. */
export const expectedStory = ({ headline, link, kicker }) => ({
  badge: { name: 'Arctic Cluster Team', shown: 'ACT Arena Pro', inParagraph: 'p' },
  photo: { image: 'image', caption: CAPTION, emphasis: ['Tone Jakobsen'], credit: 'Foto: Kent Erik Sjursen' },
  factBox: {
    heading: 'Fakta om klyngeprogrammet',
    items: [
      'Siva, Norges forskningsråd og Innovasjon Norge driver programmet.',
      'For 2021 er det budsjettert med 217 millioner kroner.',
      'Fra årsskiftet er det 39 klynger med i programmet.',
    ],
    strong: ['217 millioner kroner'],
    children: ['ul'],
  },
  card: { image: 1, headline: [`h3: ${headline}`], link, kicker },
  signup: {
    heading: ['h2: Meld deg på vårt nyhetsbrev'],
    description: [signup.text],
    emphasis: ['én'],
    email: true,
  },
  outside: [
    cards.story.lead,
    'Klyngen samler industribedrifter, leverandører og kunnskapsmiljøer i Rana og på Helgeland.',
    'Grønn omstilling',
    'Klyngen skal arbeide enda tettere med grønn omstilling, kompetanse og nye markeder.',
    'Siste avsnitt av saken.',
  ],
});
