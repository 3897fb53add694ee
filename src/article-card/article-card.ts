import { LitElement, html, isServer, nothing, type PropertyValues } from 'lit';
import { LocaleController, type Locale } from '../shared/locale.js';
import { NOT_A_DATE, fold, formatDate, formatRelative, parseDate } from '../shared/format.js';
import { describe } from '../shared/describe.js';
import { checkedSrcset, checkedUrl, safeUrl } from '../shared/safe-url.js';
import { warnValue } from '../shared/warn.js';
import { pageStyles, styles } from './article-card.styles.js';
import { define } from '../shared/defer.js';

export { renderAll } from '../shared/defer.js';

const STRINGS: Record<Locale, string[]> = {
  // sponsored, from, live, updated, then the words for TYPES
  nb: ['Annonsørinnhold', 'fra', 'Direkte', 'Oppdatert', 'Video', 'Podkast', 'Bildeserie'],
  nn: ['Annonsørinnhald', 'frå', 'Direkte', 'Oppdatert', 'Video', 'Podkast', 'Biletserie'],
  en: ['Sponsored', 'by', 'Live', 'Updated', 'Video', 'Podcast', 'Gallery'],
};
const TYPES = ['video', 'podcast', 'gallery'];
const ICONS = ['M8 5v14l11-7z', 'M9 4h6v10H9zm-3 6a6 6 0 0 0 12 0m-6 6v4', 'M3 6h13v11H3zm4 15h14V10'];
const LAYOUTS = ['vertical', 'horizontal', 'hero', 'compact'];
const DATE_STYLES = ['auto', 'absolute', 'relative'];
const DAY = 864e5;
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * DAY],
  ['month', 30 * DAY],
  ['week', 7 * DAY],
  ['day', DAY],
  ['hour', 36e5],
  ['minute', 6e4],
];

/** "for 3 timer siden", "om 2 dager", "nå": the largest whole unit of `ms` (negative = past). */
function relative(lang: string, ms: number): string {
  for (const [unit, size] of UNITS) if (Math.abs(ms) >= size) return formatRelative(lang, Math.trunc(ms / size), unit);
  return formatRelative(lang, 0, 'second');
}

/** The detail of `fjord-card-impression`. */
export interface FjordCardImpressionDetail {
  /** The card's link, as written. Empty for a card without a link. */
  href: string;
  /** The headline text. */
  headline: string;
}

/* Shared by every card on the page: the stylesheet for the page's own links, one IntersectionObserver, one ticker. */
const adopted = new WeakSet<Node>();
const hinted = new WeakSet<Element>();
let observer: IntersectionObserver | undefined;
let timer: ReturnType<typeof setInterval> | undefined;
const ticking = new Set<FjordArticleCard>();

/**
 * An article teaser: image, kicker, headline, lead and byline, the whole card clickable through one link on the
 * headline.
 * @summary Article card (teaser) for front pages, section pages and "Les også" lists.
 * @slot - The lead. Children that are not the image or the headline go here by themselves.
 * @slot image - The image: the first `<img>` or `<picture>` child goes here by itself.
 * @slot headline - The headline: the first `<h1>`–`<h6>` child goes here by itself. An `<a href>` inside it is used as the card's link.
 * @csspart card - The `<article>`; the whole of it is the link's click area.
 * @csspart media - The image box that keeps the aspect ratio.
 * @csspart image - The `<img>` of the attribute-only form.
 * @csspart body - Everything beside or below the image.
 * @csspart top - The line with the flags and the kicker.
 * @csspart sponsored - "Annonsørinnhold fra …".
 * @csspart live - The "Direkte" marker.
 * @csspart type - The video, podcast or gallery marker.
 * @csspart kicker - The section label.
 * @csspart headline - The headline box.
 * @csspart link - Around the headline: the card's own `<a href>` when it has `href`, else a `<span>` (the page's own headline link is used, or the card has no link).
 * @csspart lead - The lead.
 * @csspart meta - The line with byline and dates.
 * @csspart byline - The byline.
 * @csspart published - The `<time>` of publication.
 * @csspart updated - The `<time>` of the last update ("Oppdatert …").
 * @cssprop [--fjord-article-card-headline-size=1.25rem] - Headline font size.
 * @cssprop [--fjord-article-card-kicker-color=var(--fjord-accent)] - Kicker colour.
 * @cssprop [--fjord-article-card-live-color=light-dark(#b0001a, #ff9a9a)] - Colour of the live marker.
 * @cssprop [--fjord-article-card-sponsored-background=light-dark(#fbe9a6, #4d3f0b)] - Background of the sponsored label.
 * @fires fjord-card-impression - Once, the first time half the card has been on screen (with `track-impressions`). detail: { href, headline }
 */
export class FjordArticleCard extends LitElement {
  static override styles = styles;
  static override properties = {
    href: {},
    headline: {},
    headlineLevel: { attribute: 'headline-level', type: Number },
    lead: {},
    kicker: {},
    byline: {},
    published: {},
    updatedAt: { attribute: 'updated' },
    dateStyle: { attribute: 'date-style' },
    sponsored: { type: Boolean },
    sponsor: {},
    live: { type: Boolean },
    type: {},
    layout: { reflect: true },
    headlineLines: { attribute: 'headline-lines', type: Number },
    leadLines: { attribute: 'lead-lines', type: Number },
    ratio: {},
    priority: { type: Boolean },
    loading: { type: Boolean },
    trackImpressions: { attribute: 'track-impressions', type: Boolean },
    structuredData: { type: Boolean, attribute: 'structured-data' },
    imageSrc: { attribute: 'image-src' },
    imageAlt: { attribute: 'image-alt' },
    imageWidth: { attribute: 'image-width' },
    imageHeight: { attribute: 'image-height' },
    imageSrcset: { attribute: 'image-srcset' },
    imageSizes: { attribute: 'image-sizes' },
  };
  /** The clock the dates are measured against, in ms since 1970. Replace it for previews, archives and tests. */
  static now: () => number = () => Date.now();
  /** How often, in ms, relative times ("for 3 timer siden") on screen are brought up to date. */
  static refresh = 30_000;

  /** The article's URL. The whole card links there; unsafe URLs (`javascript:` …) are dropped with a warning. A link inside the page's headline is used instead; without either the card is plain. */
  declare href?: string;
  /** Headline text (attribute-only form); shown as text. A heading child (or `slot="headline"`) wins over it. */
  declare headline?: string;
  /** Level (1–6) of the heading made from the `headline` attribute. A slotted heading keeps its own level. */
  headlineLevel = 3;
  /** Lead text (attribute-only form); shown as text. */
  declare lead?: string;
  /** Section label above the headline ("Næringsliv"). */
  declare kicker?: string;
  /** Who wrote it. */
  declare byline?: string;
  /** Publication time, ISO 8601 (`2021-06-10T09:30:00+02:00` or `2021-06-10`), shown as `<time datetime>` in the page's language, or as relative time under 24 hours. Anything else shows no date and logs a warning. */
  declare published?: string;
  /** Last update, ISO 8601; adds "Oppdatert …" ("Updated …"). The property is `updatedAt`: one named `updated` would replace Lit's `updated()`. */
  declare updatedAt?: string;
  /** `auto` (default): relative time under 24 hours, else the date; `absolute` or `relative` to force one. Any other value logs a warning and acts as `auto`. */
  declare dateStyle?: string;
  /** Marks paid content ("Annonsørinnhold"). */
  sponsored = false;
  /** The advertiser, shown as "Annonsørinnhold fra …". */
  declare sponsor?: string;
  /** Shows the "Direkte" ("Live") marker with a pulsing dot; the pulse stops under `prefers-reduced-motion`. */
  live = false;
  /** `video`, `podcast` or `gallery`: an icon and the word ("Video", "Podkast", "Bildeserie"). Any other value logs a warning and shows no marker. */
  declare type?: string;
  /** `vertical` (default), `horizontal` (image beside the text from 30rem wide), `hero` or `compact` (no image, no lead). Reflected. Any other value logs a warning and `vertical` is used. */
  declare layout?: string;
  /** Clamps the headline to this many lines, with an ellipsis; the full text stays in the DOM for screen readers, search and copy. */
  declare headlineLines?: number;
  /** Clamps the lead to this many lines. */
  declare leadLines?: number;
  /** Crops the image to a ratio such as `16:9`; otherwise the image's own width/height keep its box. */
  declare ratio?: string;
  /** The top story: the image loads eagerly with high priority instead of lazily. */
  priority = false;
  /** Shows a skeleton of the same size, with `aria-busy`, while a script fills the card. */
  loading = false;
  /** Fires `fjord-card-impression` once, the first time half the card is on screen. */
  trackImpressions = false;
  /** Adds a schema.org `NewsArticle` as JSON-LD (headline, url, image, dates, author). */
  structuredData = false;
  /** Image URL (attribute-only form). Unsafe URLs are dropped with a warning. */
  declare imageSrc?: string;
  /** Image alternative text (attribute-only form); empty by default, as the headline says what the story is. */
  declare imageAlt?: string;
  /** Intrinsic image width in px; reserves the box with `image-height`. */
  declare imageWidth?: string;
  /** Intrinsic image height in px. */
  declare imageHeight?: string;
  /** Responsive image candidates. */
  declare imageSrcset?: string;
  /** Responsive image sizes. */
  declare imageSizes?: string;

  #locale = new LocaleController(this);
  #image?: Element;
  #headline?: Element;
  #link?: Element | null;
  #hasLead?: boolean;
  /** The card's link as written; set by every render. */
  #href!: string;
  #relative?: boolean;
  #observed = false;
  #visible?: boolean;
  #counted?: boolean;

  override connectedCallback(): void {
    super.connectedCallback();
    const root = this.getRootNode() as Document | ShadowRoot;
    // A constructed sheet can only be adopted in its own document: a card moved into another (a frame) goes without.
    if (!adopted.has(root) && (root.ownerDocument ?? root) == document) {
      adopted.add(root);
      root.adoptedStyleSheets.push(pageStyles.styleSheet!);
    }
    this.#sort();
    this.#sync();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#sync();
  }

  protected override firstUpdated(): void {
    // The first render's slotchange events (one per filled slot) would only tell #sort what it found on connect, at the
    // cost of three events per card: listen from after them, and look once then for anything they would have told.
    void this.updateComplete.then(() => {
      this.renderRoot.addEventListener('slotchange', this.#sort);
      this.#sort();
    });
  }

  protected override updated(changed: PropertyValues<this>): void {
    // Style writes only when their properties change: a thousand cards should cost no style invalidation here.
    if (changed.has('ratio')) {
      const media = this.renderRoot.querySelector<HTMLElement>('.media')!;
      media.style.aspectRatio = this.ratio?.replace(':', '/') ?? '';
      if (this.ratio && !media.style.aspectRatio) warnValue(this, 'ratio', this.ratio, 'is not a ratio such as 16:9.');
    }
    if (changed.has('headlineLines')) this.#clamp('.headline', this.headlineLines);
    if (changed.has('leadLines')) this.#clamp('.lead', this.leadLines);
    if (changed.has('priority')) this.#hint();
    this.#sync();
    describe(this, this.structuredData, () => {
      const img = this.#img();
      const date = (value?: string) => (parseDate(value) ? value!.trim() : undefined);
      return [
        'NewsArticle',
        this.#headlineText(),
        safeUrl(this.#href),
        img ? safeUrl(img.getAttribute('src'), 'image') : checkedUrl(this, 'image-src', this.imageSrc, 'image'),
        date(this.published),
        date(this.updatedAt),
        this.byline?.trim(),
      ];
    });
  }

  /**
   * Describes the article cards inside `list` (a front page, a "Les også" strip) as one schema.org
   * `ItemList` of their links, written as JSON-LD into `list`. Call it again when the list changes.
   */
  static describeList(list: HTMLElement): void {
    const cards = [...list.querySelectorAll('fjord-article-card')];
    describe(list, true, () => [
      'ItemList',
      cards.map((card) => safeUrl(card.querySelector('[slot=headline] a[href], a[slot=headline][href]')?.getAttribute('href') ?? card.getAttribute('href'))),
    ]);
  }

  #headlineText(): string {
    return fold(this.#headline?.textContent ?? this.headline);
  }

  override render() {
    const s = STRINGS[this.#locale.locale];
    const lang = this.#locale.intl;
    const layout = this.#pick('layout', this.layout, LAYOUTS) ?? 'vertical';
    const type = TYPES.indexOf(this.#pick('type', this.type, TYPES)!);
    const dateStyle = this.#pick('date-style', this.dateStyle, DATE_STYLES);
    const compact = layout == 'compact';
    const href = this.#link ? undefined : checkedUrl(this, 'href', this.href);
    const src = this.#image ? undefined : checkedUrl(this, 'image-src', this.imageSrc, 'image');
    const own = !this.#headline && this.headline;
    const lead = this.#hasLead || this.lead;
    const flags = this.sponsored || this.live || type >= 0;
    const loading = this.loading;
    this.#href = this.#link?.getAttribute('href') ?? href ?? '';
    this.#relative = false;
    // A relative time written on the server would be wrong in the page for as long as the page is served: the server
    // writes the date, and the browser's first render, which takes the server's markup over, keeps it (then renders again).
    const frozen = isServer || (!this.hasUpdated && !!this.shadowRoot?.querySelector('[part]'));
    /* A date attribute as [datetime, text]: relative under 24 hours (or when forced), else the date in the page's language. */
    const when = (name: string, value: string | undefined) => {
      if (!value) return [];
      const date = parseDate(value);
      if (!date) return warnValue(this, name, value, NOT_A_DATE) ?? [];
      const ms = date.getTime() - FjordArticleCard.now();
      const rel = dateStyle == 'relative' || (dateStyle != 'absolute' && Math.abs(ms) < DAY);
      this.#relative ||= rel;
      return [value.trim(), rel && !frozen ? relative(lang, ms) : formatDate(lang, date)];
    };
    const [published, publishedText] = when('published', this.published);
    const [updated, updatedText] = when('updated', this.updatedAt);
    if (frozen && this.#relative && !isServer) void this.updateComplete.then(() => this.requestUpdate());
    // While a script fills an empty card, it keeps the space of an image (3:2) and two lines each of headline and lead.
    const bones = loading ? ` loading${this.#headline || own ? '' : ' bare'}` : '';
    // No whitespace where it would only be a text node to clone (before the card, around the media's and the top line's
    // parts); hidden=${'…' || nothing} rather than ?hidden, which writes the attribute even when it is not there.
    return html`<article part="card" class=${`card ${layout}${bones}`} aria-busy=${loading || nothing}>
        <div part="media" class="media" hidden=${compact || !(this.#image || src || loading) || nothing}>
          <slot name="image"></slot>${src
            ? html`<img part="image" src=${src} alt=${this.imageAlt ?? ''} width=${this.imageWidth ?? nothing} height=${this.imageHeight ?? nothing} srcset=${checkedSrcset(this, 'image-srcset', this.imageSrcset) ?? nothing} sizes=${this.imageSizes ?? nothing} loading=${this.priority ? 'eager' : 'lazy'} fetchpriority=${this.priority ? 'high' : 'auto'} />`
            : nothing}</div>
        <div part="body" class="body">
          <p part="top" id="top" hidden=${(!this.kicker && !flags) || nothing}>${flags
            ? html`${this.sponsored ? html`<span part="sponsored" class="sponsored">${s[0]}${this.sponsor ? ` ${s[1]} ${this.sponsor}` : ''} </span>` : nothing}${this.live
                ? html`<span part="live" class="live"><i></i>${s[2]} </span>`
                : nothing}${type >= 0 ? html`<span part="type"><svg viewBox="0 0 24 24" aria-hidden="true"><path d=${ICONS[type]}></path></svg>${s[type + 4]} </span>` : nothing}`
            : nothing}<span part="kicker" class="kicker" hidden=${!this.kicker || nothing}>${this.kicker}</span>
          </p>
          <div part="headline" class="headline" role=${own ? 'heading' : nothing} aria-level=${own ? this.headlineLevel : nothing}>
            ${href
              ? html`<a part="link" href=${href} aria-describedby=${flags ? 'top' : nothing}><slot name="headline">${this.headline}</slot></a>`
              : html`<span part="link"><slot name="headline">${this.headline}</slot></span>`}
          </div>
          <div part="lead" class="lead" hidden=${compact || !(isServer || lead || loading) || nothing}><slot></slot>${this.lead}</div>
          <p part="meta" class="meta" hidden=${(!this.byline && !published && !updated) || nothing}>
            <span part="byline" hidden=${!this.byline || nothing}>${this.byline}</span> <time part="published" datetime=${published ?? nothing} hidden=${!published || nothing}>${publishedText}</time> ${updated
              ? html`<time part="updated" datetime=${updated}>${s[3]} ${updatedText}</time>`
              : nothing}</p>
        </div>
      </article>`;
  }

  #clamp(selector: string, lines: number | undefined): void {
    const box = this.renderRoot.querySelector<HTMLElement>(selector)!;
    box.classList.toggle('clamp', lines! > 0);
    box.style.webkitLineClamp = String(lines);
  }

  /** The value when it is one of `valid`; warns about anything else. */
  #pick(attribute: string, value: string | undefined, valid: string[]): string | undefined {
    if (!value || valid.includes(value)) return value;
    warnValue(this, attribute, value, `is not one of ${valid.join(', ')}.`);
  }

  /**
   * Recognises the children once per change, not on every render: the first `<img>`/`<picture>` is the image, the
   * first heading the headline, the rest the lead. Explicit `slot` attributes win. It runs on connect, once after the
   * first render, and for each `slotchange` after that.
   */
  #sort = () => {
    // One walk over the children: the explicit slots, the first unslotted image and heading, and whether anything else
    // (an element without a slot, or text) is left for the lead.
    let image: Element | undefined, headline: Element | undefined, img: Element | undefined, h: Element | undefined;
    let rest = 0;
    for (const n of this.childNodes) {
      if (n.nodeType == 3) rest += +!!n.textContent!.trim();
      else if (n.nodeType == 1) {
        const el = n as Element;
        const slot = el.getAttribute('slot');
        const tag = el.localName;
        if (slot == 'image') image ??= el;
        else if (slot == 'headline') headline ??= el;
        else if (!slot) {
          rest++;
          if (slot == null && !img && (tag == 'img' || tag == 'picture')) img = el;
          else if (slot == null && !h && /^h[1-6]$/.test(tag)) h = el;
        }
      }
    }
    if (!image && img) {
      rest--;
      (image = img).slot = 'image';
    }
    if (!headline && h) {
      rest--;
      (headline = h).slot = 'headline';
    }
    const lead = rest > 0;
    if (image !== this.#image || headline !== this.#headline || lead !== this.#hasLead) {
      this.#link = headline?.matches('a[href]') ? headline : headline?.querySelector('a[href]');
      [this.#image, this.#headline, this.#hasLead] = [image, headline, lead];
      this.#hint();
      this.requestUpdate();
    }
  };

  /** The page's own `<img>`: the image, or the one in its `<picture>`. */
  #img() {
    return (this.#image?.localName == 'picture' ? this.#image.querySelector('img') : this.#image) as HTMLImageElement | null | undefined;
  }

  /** Lazy loading for the page's own image, unless the page chose `loading` itself; eager and high priority with `priority`. */
  #hint(): void {
    const img = this.#img();
    if (!img || (img.hasAttribute('loading') && !hinted.has(img))) return;
    hinted.add(img);
    img.loading = this.priority ? 'eager' : 'lazy';
    img.fetchPriority = this.priority ? 'high' : 'auto';
  }

  /**
   * Watches the card with the page's one IntersectionObserver while it needs to (relative time shown, impression not yet
   * counted), and keeps it in the one ticker while it is connected, on screen and shows a relative time.
   */
  #sync(): void {
    const watch = this.isConnected && (this.#relative || (this.trackImpressions && !this.#counted));
    if (watch !== this.#observed) {
      observer ??= new IntersectionObserver((entries) => entries.forEach((e) => (e.target as FjordArticleCard).#seen(e)), { threshold: [0, 0.5] });
      observer[(this.#observed = watch) ? 'observe' : 'unobserve'](this);
      this.#visible = false;
    }
    ticking[this.#observed && this.#visible && this.#relative ? 'add' : 'delete'](this);
    if (!ticking.size) timer &&= clearInterval(timer) as undefined;
    else timer ??= setInterval(() => ticking.forEach((card) => card.requestUpdate()), FjordArticleCard.refresh);
  }

  /** The observer's news: counts the impression, and re-renders (a relative time back on screen is brought up to date). */
  #seen(entry: IntersectionObserverEntry): void {
    this.#visible = entry.isIntersecting;
    if (this.trackImpressions && !this.#counted && entry.intersectionRatio >= 0.5) {
      this.#counted = true;
      this.dispatchEvent(
        new CustomEvent<FjordCardImpressionDetail>('fjord-card-impression', { bubbles: true, composed: true, detail: { href: this.#href, headline: this.#headlineText() } }),
      );
    }
    this.requestUpdate();
  }
}

define('fjord-article-card', FjordArticleCard);

declare global {
  interface HTMLElementTagNameMap {
    'fjord-article-card': FjordArticleCard;
  }
  interface HTMLElementEventMap {
    'fjord-card-impression': CustomEvent<FjordCardImpressionDetail>;
  }
}
