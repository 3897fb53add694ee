import { LitElement, html, isServer, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { LocaleController, type Locale } from '../shared/locale.js';
import { formatDate, formatRelative, parseDate } from '../shared/format.js';
import { checkedUrl } from '../shared/safe-url.js';
import { warn } from '../shared/warn.js';
import { pageStyles, styles } from './article-card.styles.js';

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

/* Engines without Nynorsk relative-time data (Chromium) would answer in English; Bokmål is the closer fallback. */
const NYNORSK = Intl.RelativeTimeFormat.supportedLocalesOf('nn').length ? 'nn' : 'nb';

/** "for 3 timer siden", "om 2 dager", "nå": the largest whole unit of `ms` (negative = past). */
function relative(lang: string, ms: number): string {
  if (lang === 'nn') lang = NYNORSK;
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
 * @csspart link - The headline link (when the card's link is not the page's own).
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
  /** The clock the dates are measured against, in ms since 1970. Replace it to show a fixed moment. */
  static now = () => Date.now();
  /** How often, in ms, relative times ("for 3 timer siden") on screen are brought up to date. */
  static refresh = 30_000;

  /** The article's URL. The whole card links there; unsafe URLs are dropped. */
  @property() href?: string;
  /** Headline text (attribute-only form); shown as text. */
  @property() headline?: string;
  /** Level (1–6) of the heading made from the `headline` attribute. */
  @property({ attribute: 'headline-level', type: Number }) headlineLevel = 3;
  /** Lead text (attribute-only form); shown as text. */
  @property() lead?: string;
  /** Section label above the headline ("Næringsliv"). */
  @property() kicker?: string;
  /** Who wrote it. */
  @property() byline?: string;
  /** Publication time, ISO 8601. */
  @property() published?: string;
  /** Last update, ISO 8601; adds "Oppdatert …". */
  @property({ attribute: 'updated' }) updatedAt?: string;
  /** `auto`: relative under 24 hours, else the date; `absolute` or `relative` to force one. */
  @property({ attribute: 'date-style' }) dateStyle?: string;
  /** Marks paid content ("Annonsørinnhold"). */
  @property({ type: Boolean }) sponsored = false;
  /** The advertiser, shown as "Annonsørinnhold fra …". */
  @property() sponsor?: string;
  /** Shows the "Direkte" marker. */
  @property({ type: Boolean }) live = false;
  /** `video`, `podcast` or `gallery`: an icon and the word. */
  @property() type?: string;
  /** `vertical` (default), `horizontal`, `hero` or `compact` (no image, no lead). */
  @property() layout?: string;
  /** Clamps the headline to this many lines. */
  @property({ attribute: 'headline-lines', type: Number }) headlineLines?: number;
  /** Clamps the lead to this many lines. */
  @property({ attribute: 'lead-lines', type: Number }) leadLines?: number;
  /** Crops the image to a ratio such as `16:9`; otherwise the image's own width/height keep its box. */
  @property() ratio?: string;
  /** The top story: the image loads eagerly with high priority instead of lazily. */
  @property({ type: Boolean }) priority = false;
  /** Shows a skeleton of the same size, with `aria-busy`, while a script fills the card. */
  @property({ type: Boolean }) loading = false;
  /** Fires `fjord-card-impression` once, the first time half the card is on screen. */
  @property({ attribute: 'track-impressions', type: Boolean }) trackImpressions = false;
  /** Image URL (attribute-only form). */
  @property({ attribute: 'image-src' }) imageSrc?: string;
  /** Image alternative text (attribute-only form); empty by default, as the headline says what the story is. */
  @property({ attribute: 'image-alt' }) imageAlt?: string;
  /** Intrinsic image width in px; reserves the box with `image-height`. */
  @property({ attribute: 'image-width' }) imageWidth?: string;
  /** Intrinsic image height in px. */
  @property({ attribute: 'image-height' }) imageHeight?: string;
  /** Responsive image candidates. */
  @property({ attribute: 'image-srcset' }) imageSrcset?: string;
  /** Responsive image sizes. */
  @property({ attribute: 'image-sizes' }) imageSizes?: string;

  #locale = new LocaleController(this);
  #image?: Element;
  #headline?: Element;
  #link?: Element | null;
  #hasLead = false;
  #href = '';
  #relative = false;
  #observed = false;
  #visible = false;
  #counted = false;

  override connectedCallback(): void {
    super.connectedCallback();
    const root = this.getRootNode() as Document | ShadowRoot;
    if (!adopted.has(root) && root.adoptedStyleSheets) {
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

  protected override updated(changed: PropertyValues<this>): void {
    const [media, headline, lead] = this.renderRoot.querySelectorAll<HTMLElement>('.media,.headline,.lead');
    media.style.aspectRatio = this.ratio?.replace(':', '/') ?? '';
    if (this.ratio && !media.style.aspectRatio) warn(this, 'ratio', `ratio="${this.ratio}" is not a ratio such as 16:9.`);
    for (const [box, lines] of [[headline, this.headlineLines], [lead, this.leadLines]] as const) {
      box.classList.toggle('clamp', lines! > 0);
      box.style.webkitLineClamp = String(lines);
    }
    if (changed.has('priority')) this.#hint();
    this.#sync();
  }

  override render() {
    const s = STRINGS[this.#locale.locale];
    const lang = this.#locale.intl;
    const layout = this.#pick('layout', this.layout, LAYOUTS) ?? 'vertical';
    const type = TYPES.indexOf(this.#pick('type', this.type, TYPES)!);
    const dateStyle = this.#pick('date-style', this.dateStyle, DATE_STYLES);
    const compact = layout === 'compact';
    const href = this.#link ? undefined : checkedUrl(this, 'href', this.href);
    const src = this.#image ? undefined : checkedUrl(this, 'image-src', this.imageSrc, 'image');
    const own = !this.#headline && this.headline;
    const flags = this.sponsored || this.live || type >= 0;
    const loading = this.loading;
    const bone = (empty: unknown) => (loading && empty ? 'bone' : '');
    /* A <time> for a date attribute: relative under 24 hours (or when forced), else the date in the page's language. */
    const time = (name: string, value: string | undefined, label = '') => {
      if (!value) return;
      const date = parseDate(value);
      if (!date) return warn(this, name, `${name}="${value}" is not an ISO 8601 date such as 2021-06-10T09:30:00+02:00.`);
      const ms = date.getTime() - FjordArticleCard.now();
      const rel = dateStyle === 'relative' || (dateStyle !== 'absolute' && Math.abs(ms) < DAY);
      this.#relative ||= rel;
      return html`<time part=${name} datetime=${value.trim()}>${label}${rel ? relative(lang, ms) : formatDate(lang, date)}</time>`;
    };
    this.#href = this.#link?.getAttribute('href') ?? href ?? '';
    this.#relative = false;
    const published = time('published', this.published);
    const updated = time('updated', this.updatedAt, `${s[3]} `);
    return html`
      <article part="card" class="card ${layout} ${loading ? 'loading' : ''}" aria-busy=${loading || nothing} @slotchange=${this.#sort}>
        <div part="media" class="media ${bone(!src && !this.#image)}" ?hidden=${compact || !(this.#image || src || loading)}>
          <slot name="image"></slot>${src
            ? html`<img part="image" src=${src} alt=${this.imageAlt ?? ''} width=${this.imageWidth ?? nothing} height=${this.imageHeight ?? nothing} srcset=${this.imageSrcset ?? nothing} sizes=${this.imageSizes ?? nothing} loading=${this.priority ? 'eager' : 'lazy'} fetchpriority=${this.priority ? 'high' : 'auto'} />`
            : nothing}
        </div>
        <div part="body" class="body">
          <p part="top" id="top" ?hidden=${!this.kicker && !flags}>
            ${this.sponsored ? html`<span part="sponsored" class="sponsored">${s[0]}${this.sponsor ? ` ${s[1]} ${this.sponsor}` : ''} </span>` : nothing}${this.live
              ? html`<span part="live" class="live"><i></i>${s[2]} </span>`
              : nothing}${type >= 0 ? html`<span part="type"><svg viewBox="0 0 24 24" aria-hidden="true"><path d=${ICONS[type]}></path></svg>${s[type + 4]} </span>` : nothing}
            <span part="kicker" class="kicker" ?hidden=${!this.kicker}>${this.kicker}</span>
          </p>
          <div part="headline" class="headline ${bone(!this.#headline && !own)}" role=${own ? 'heading' : nothing} aria-level=${own ? this.headlineLevel : nothing}>
            <a part="link" href=${href ?? nothing} aria-describedby=${flags && href ? 'top' : nothing}><slot name="headline">${this.headline}</slot></a>
          </div>
          <div part="lead" class="lead ${bone(!this.#hasLead && !this.lead)}" ?hidden=${compact || !(isServer || this.#hasLead || this.lead || loading)}><slot></slot>${this.lead}</div>
          <p part="meta" class="meta" ?hidden=${!this.byline && !published && !updated}>
            ${this.byline ? html`<span part="byline">${this.byline}</span>` : nothing} ${published || nothing} ${updated || nothing}
          </p>
        </div>
      </article>
    `;
  }

  /** The value when it is one of `valid`; warns about anything else. */
  #pick(attribute: string, value: string | undefined, valid: string[]): string | undefined {
    if (!value || valid.includes(value)) return value;
    warn(this, attribute, `${attribute}="${value}" is not one of ${valid.join(', ')}.`);
  }

  /**
   * Recognises the children once per change, not on every render: the first `<img>`/`<picture>` is the image, the
   * first heading the headline, the rest the lead. Explicit `slot` attributes win.
   */
  #sort = () => {
    const children = [...this.children];
    const take = (slot: string, tags: RegExp) => {
      const el = children.find((c) => c.slot === slot) ?? children.find((c) => !c.slot && tags.test(c.localName));
      el?.setAttribute('slot', slot);
      return el;
    };
    const image = take('image', /^(img|picture)$/);
    const headline = take('headline', /^h[1-6]$/);
    const link = headline?.matches('a[href]') ? headline : headline?.querySelector('a[href]');
    const lead = [...this.childNodes].some((n) => (n instanceof Element ? !n.slot : n.nodeType === Node.TEXT_NODE && n.textContent!.trim()));
    if (image !== this.#image || headline !== this.#headline || link !== this.#link || lead !== this.#hasLead) {
      [this.#image, this.#headline, this.#link, this.#hasLead] = [image, headline, link, lead];
      this.#hint();
      this.requestUpdate();
    }
  };

  /** Lazy loading for the page's own image, unless the page chose `loading` itself; eager and high priority with `priority`. */
  #hint(): void {
    const img = (this.#image?.localName === 'picture' ? this.#image.querySelector('img') : this.#image) as HTMLImageElement | null | undefined;
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
    if (!ticking.size) timer = clearInterval(timer) as undefined;
    else timer ??= setInterval(() => ticking.forEach((card) => card.requestUpdate()), FjordArticleCard.refresh);
  }

  /** The observer's news: counts the impression, and re-renders (a relative time back on screen is brought up to date). */
  #seen(entry: IntersectionObserverEntry): void {
    this.#visible = entry.isIntersecting;
    if (this.trackImpressions && !this.#counted && entry.intersectionRatio >= 0.5) {
      this.#counted = true;
      const headline = (this.#headline?.textContent ?? this.headline ?? '').replace(/\s+/g, ' ').trim();
      this.dispatchEvent(
        new CustomEvent<FjordCardImpressionDetail>('fjord-card-impression', { bubbles: true, composed: true, detail: { href: this.#href, headline } }),
      );
    }
    this.requestUpdate();
  }
}

if (!customElements.get('fjord-article-card')) customElements.define('fjord-article-card', FjordArticleCard);

declare global {
  interface HTMLElementTagNameMap {
    'fjord-article-card': FjordArticleCard;
  }
  interface HTMLElementEventMap {
    'fjord-card-impression': CustomEvent<FjordCardImpressionDetail>;
  }
}
