import { LitElement, html, isServer, nothing } from 'lit';
import { LocaleController, type Locale } from '../shared/locale.js';
import { checkedSrcset, checkedUrl } from '../shared/safe-url.js';
import { absoluteUrl, creditPerson, setStructuredData } from '../shared/structured-data.js';
import { warn } from '../shared/warn.js';
import { styles } from './photo.styles.js';

const STRINGS: Record<Locale, { credit: string; zoom: string; close: string }> = {
  nb: { credit: 'Foto', zoom: 'Vis bildet i full størrelse', close: 'Lukk' },
  nn: { credit: 'Foto', zoom: 'Vis biletet i full storleik', close: 'Lukk' },
  en: { credit: 'Photo', zoom: 'Show full-size image', close: 'Close' },
};

/**
 * A credit a CMS glued onto the end of a caption: "… i ACT. FOTO: Kent Erik Sjursen",
 * "(Foto: Ola Nordmann / NTB)", "Ill.: Kari Nordmann".
 */
const GLUED_CREDIT =
  /(?:^|\s)\(?(?:foto|photo|bilde|bilete|illustrasjon|illustration|ill\.)\s*:\s*([^\s)][^)]*?)\s*\)?\s*$/i;

/**
 * Splits a trailing credit off a caption. Returns the caption without it and the credit,
 * or `undefined` when the caption has no credit at its end.
 */
export function splitCredit(caption: string): { caption: string; credit: string } | undefined {
  const match = GLUED_CREDIT.exec(caption);
  if (!match) return undefined;
  return { caption: caption.slice(0, match.index).trimEnd(), credit: match[1].trim() };
}

/** The largest candidate of a `srcset`, by width or density descriptor. */
function largestCandidate(srcset: string | null | undefined): string | undefined {
  let best: string | undefined;
  let bestSize = -1;
  for (const candidate of (srcset ?? '').split(/,\s+/)) {
    const [url, descriptor = '1x'] = candidate.trim().split(/\s+/);
    const size = parseFloat(descriptor) || 0;
    if (url && size > bestSize) [best, bestSize] = [url, size];
  }
  return best;
}

function ratioOf(value: string | null | undefined): string | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*[:/x]\s*(\d+(?:\.\d+)?)\s*$/.exec(value ?? '');
  return m && +m[1] > 0 && +m[2] > 0 ? `${m[1]} / ${m[2]}` : undefined;
}

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * A photo with caption and credit: an editorial `<figure>` that reserves its space, survives a broken
 * image and can open the picture full size.
 * @summary Photo with caption and credit ("Foto: …").
 * @slot - The caption. An `<img>` or `<picture>` child among it is taken as the photo.
 * @slot image - The photo: an `<img>` or `<picture>`.
 * @slot credit - Overrides the `credit` attribute, e.g. with a link to the photographer.
 * @csspart figure - The `<figure>`.
 * @csspart frame - The box that holds the image and keeps its aspect ratio.
 * @csspart image - The `<img>` rendered in the attribute-only form.
 * @csspart fallback - The neutral box with the alt text shown when the image fails.
 * @csspart caption - The `<figcaption>`.
 * @csspart credit - The credit line ("Foto: …").
 * @csspart zoom - The "show full-size image" button.
 * @csspart dialog - The full-size `<dialog>`.
 * @csspart close - The dialog's close button.
 * @cssprop [--fjord-photo-caption-size=0.875rem] - Caption font size.
 * @cssprop [--fjord-photo-credit-color=var(--fjord-muted)] - Credit colour.
 * @cssprop [--fjord-photo-fallback-background=var(--fjord-surface)] - Background of the broken-image box.
 * @cssprop [--fjord-photo-backdrop=#000e] - Backdrop behind the full-size image.
 * @cssprop [--fjord-photo-radius=0] - Corner radius of the image box.
 */
export class FjordPhoto extends LitElement {
  static override styles = styles;
  static override properties = {
    src: {},
    alt: {},
    width: {},
    height: {},
    srcset: {},
    sizes: {},
    caption: {},
    credit: {},
    creditLabel: { attribute: 'credit-label' },
    ratio: {},
    priority: { type: Boolean },
    zoomable: { type: Boolean, reflect: true },
    fullSrc: { attribute: 'full-src' },
    structuredData: { type: Boolean, attribute: 'structured-data' },
    copyrightNotice: { attribute: 'copyright-notice' },
    license: {},
    acquireLicensePage: { attribute: 'acquire-license-page' },
    broken: { state: true, attribute: false },
    gluedCredit: { state: true, attribute: false },
    hasCaption: { state: true, attribute: false },
    hasCreditSlot: { state: true, attribute: false },
    zoomOpen: { state: true, attribute: false },
  };

  /** Image URL (attribute-only form). */
  declare src?: string;
  /** Alternative text (attribute-only form). */
  declare alt?: string;
  /** Intrinsic width in px; reserves space with `height`. */
  declare width?: string;
  /** Intrinsic height in px. */
  declare height?: string;
  /** Responsive candidates (attribute-only form). */
  declare srcset?: string;
  /** Responsive sizes (attribute-only form). */
  declare sizes?: string;
  /** Caption text (attribute-only form); shown as text, never parsed as HTML. */
  declare caption?: string;
  /** Photographer or source, shown as "Foto: …". */
  declare credit?: string;
  /** Overrides the localised credit prefix ("Foto", "Photo"). */
  declare creditLabel?: string;
  /** Crops the image to a ratio such as `3:2` or `16/9`. */
  declare ratio?: string;
  /** A lead photo: loads eagerly with `fetchpriority="high"` instead of lazily. */
  priority = false;
  /** Adds a button that opens the image full size in a dialog. */
  zoomable = false;
  /** The file shown full size; defaults to the largest `srcset` candidate, then `src`. */
  declare fullSrc?: string;
  /** Adds a schema.org `ImageObject` as JSON-LD for search engines (credit, licence, caption). */
  structuredData = false;
  /** Copyright notice for the JSON-LD, e.g. "© Kent Erik Sjursen". */
  declare copyrightNotice?: string;
  /** URL of the licence that applies to the image (JSON-LD). */
  declare license?: string;
  /** URL of the page where the image can be licensed (JSON-LD). */
  declare acquireLicensePage?: string;

  private broken = false;
  declare private gluedCredit?: string;
  private hasCaption = false;
  private hasCreditSlot = false;
  private zoomOpen = false;

  #locale = new LocaleController(this);
  #q = <T extends Element>(selector: string) => this.renderRoot?.querySelector<T>(selector);
  get #dialog() {
    return this.#q<HTMLDialogElement>('dialog');
  }
  #ownAttributes = new WeakMap<HTMLImageElement, Set<string>>();
  #watched?: HTMLImageElement;
  #described = false;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#assignImage();
  }

  /** Opens the full-size view. */
  showFullSize(): void {
    if (!this.zoomable || !this.#dialog || this.#dialog.open) return;
    this.#dialog.showModal();
    this.zoomOpen = true;
  }

  /** Closes the full-size view; focus goes back to the zoom button. */
  closeFullSize(): void {
    this.#dialog?.close();
  }

  /** The `<img>` that is the photo: the page's own, or the one the widget renders. */
  get image(): HTMLImageElement | null {
    const own = this.#slottedImage();
    return own ?? this.renderRoot?.querySelector('img[part=image]') ?? null;
  }

  protected override willUpdate(): void {
    this.#checkInput();
  }

  protected override updated(): void {
    this.#syncImage();
    this.#q<HTMLElement>('.frame')!.style.aspectRatio = ratioOf(this.ratio) ?? (this.broken ? this.#intrinsicRatio() ?? '' : '');
    if (this.structuredData || this.#described) {
      setStructuredData(this, this.structuredData ? this.#imageObject() : undefined);
      this.#described = this.structuredData;
    }
  }

  override render() {
    const s = STRINGS[this.#locale.locale];
    const credit = this.credit?.trim() || this.gluedCredit;
    const showCredit = Boolean(credit) || this.hasCreditSlot;
    const src = checkedUrl(this, 'src', this.src, 'image');
    const ownImage = !this.#slottedImage() && src;
    const alt = this.image?.getAttribute('alt') ?? this.alt ?? '';
    return html`
      <figure part="figure">
        <div part="frame" class="frame ${this.broken ? 'broken' : ''} ${this.ratio ? 'cropped' : ''}">
          <slot name="image" @slotchange=${this.#onImageSlotChange}></slot>
          ${ownImage
            ? html`<img
                part="image"
                src=${src}
                alt=${this.alt ?? ''}
                width=${this.width ?? nothing}
                height=${this.height ?? nothing}
                srcset=${checkedSrcset(this, 'srcset', this.srcset) ?? nothing}
                sizes=${this.sizes ?? nothing}
                loading=${this.priority ? 'eager' : 'lazy'}
                fetchpriority=${this.priority ? 'high' : 'auto'}
                decoding="async"
              />`
            : nothing}
          <div part="fallback" class="fallback" ?hidden=${!this.broken} role=${alt ? 'img' : nothing} aria-label=${alt || nothing}>
            <span aria-hidden="true">${alt}</span>
          </div>
          <button part="zoom" type="button" ?hidden=${!this.zoomable || this.broken} aria-label=${s.zoom} title=${s.zoom} @click=${this.showFullSize}>
            <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5" /></svg>
          </button>
        </div>
        <figcaption part="caption" ?hidden=${!isServer && !this.hasCaption && !this.caption && !showCredit}>
          <slot @slotchange=${this.#onCaptionSlotChange}></slot>${this.caption ?? ''}
          <span part="credit" class="credit" ?hidden=${!showCredit}>${this.creditLabel ?? s.credit}: <slot name="credit" @slotchange=${this.#onCreditSlotChange}>${credit}</slot></span>
        </figcaption>
      </figure>
      ${this.zoomable ? this.#renderDialog(s, credit, alt) : nothing}
    `;
  }

  #renderDialog(s: (typeof STRINGS)[Locale], credit: string | undefined, alt: string) {
    const img = this.image;
    const full = checkedUrl(
      this,
      'full-src',
      this.fullSrc || largestCandidate(img?.getAttribute('srcset') ?? this.srcset) || img?.currentSrc || img?.getAttribute('src'),
      'image',
    );
    const caption = this.#captionText();
    return html`
      <dialog part="dialog" aria-label=${caption || alt || s.zoom} @click=${this.#closeOnBackdrop} @close=${this.#returnFocus}>
        <button part="close" type="button" aria-label=${s.close} @click=${this.closeFullSize}>
          <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M6 6l12 12M18 6L6 18" /></svg>
        </button>
        ${this.zoomOpen && full ? html`<img src=${full} alt=${alt} />` : nothing}
        <p>${caption} <span class="credit" ?hidden=${!credit}>${this.creditLabel ?? s.credit}: ${credit}</span></p>
      </dialog>
    `;
  }

  /** Gives the first `<img>`/`<picture>` child the `image` slot, so markup needs no `slot` attribute. */
  #assignImage(): void {
    if (this.querySelector(':scope > [slot=image]')) return;
    const first = this.querySelector(':scope > img, :scope > picture');
    first?.setAttribute('slot', 'image');
  }

  #slottedImage(): HTMLImageElement | null {
    if (isServer) return null;
    const el = this.querySelector(':scope > [slot=image]');
    if (!el) return null;
    return el instanceof HTMLImageElement ? el : el.querySelector('img');
  }

  #intrinsicRatio(): string | undefined {
    const w = Number(this.image?.getAttribute('width') ?? this.width);
    const h = Number(this.image?.getAttribute('height') ?? this.height);
    return w > 0 && h > 0 ? `${w} / ${h}` : undefined;
  }

  /** Applies loading hints the page did not set itself, and watches the image for failure. */
  #syncImage(): void {
    const img = this.image;
    if (img && img !== this.#watched) {
      this.#watched?.removeEventListener('error', this.#markBroken);
      this.#watched?.removeEventListener('load', this.#markLoaded);
      img.addEventListener('error', this.#markBroken);
      img.addEventListener('load', this.#markLoaded);
      this.#watched = img;
      if (img.complete && img.getAttribute('src') && img.naturalWidth === 0) this.broken = true;
    }
    const own = this.#slottedImage();
    if (!own) return;
    // Shadow styles cannot reach an <img> inside a slotted <picture>; size it through CSSOM (CSP-safe).
    if (own.parentElement?.localName === 'picture' && (!own.style.width || this.#ownAttributes.has(own))) {
      Object.assign(own.style, { display: 'block', width: '100%', height: this.ratio ? '100%' : 'auto', objectFit: 'cover' });
    }
    let ours = this.#ownAttributes.get(own);
    if (!ours) this.#ownAttributes.set(own, (ours = new Set()));
    const hints: [string, string | null][] = [
      ['loading', this.priority ? 'eager' : 'lazy'],
      ['fetchpriority', this.priority ? 'high' : null],
      ['decoding', 'async'],
    ];
    for (const [name, value] of hints) {
      if (own.hasAttribute(name) && !ours.has(name)) continue;
      if (value === null) {
        own.removeAttribute(name);
        ours.delete(name);
      } else {
        own.setAttribute(name, value);
        ours.add(name);
      }
    }
  }

  #markBroken = () => {
    this.broken = true;
  };

  #markLoaded = () => {
    this.broken = false;
  };

  #onImageSlotChange = () => {
    this.#watched = undefined;
    this.broken = false;
    this.requestUpdate();
  };

  #onCaptionSlotChange = (e: Event) => {
    this.#assignImage();
    const nodes = (e.target as HTMLSlotElement).assignedNodes();
    this.hasCaption = nodes.some((n) => (n.textContent ?? '').trim() !== '' || n.nodeType === Node.ELEMENT_NODE);
    if (!this.credit) this.#takeGluedCredit(nodes);
  };

  #onCreditSlotChange = (e: Event) => {
    this.hasCreditSlot = (e.target as HTMLSlotElement).assignedNodes().length > 0;
  };

  /** Moves a credit glued onto the caption's last text out of the caption and into the credit line. */
  #takeGluedCredit(nodes: Node[]): void {
    const last = nodes.findLast((n) => (n.textContent ?? '').trim() !== '');
    if (!(last instanceof Text)) return;
    const split = splitCredit(last.data);
    if (!split) return;
    last.data = split.caption ? `${split.caption} ` : '';
    this.gluedCredit = split.credit;
    this.hasCaption = nodes.some((n) => (n.textContent ?? '').trim() !== '');
  }

  #imageObject(): Record<string, unknown> {
    const credit = this.credit?.trim() || this.gluedCredit;
    const own = this.#slottedImage();
    return {
      '@type': 'ImageObject',
      contentUrl: absoluteUrl(own ? checkedUrl(this, 'src', own.getAttribute('src'), 'image') : checkedUrl(this, 'src', this.src, 'image')),
      caption: this.#captionText() || undefined,
      creditText: credit,
      creator: creditPerson(credit),
      copyrightNotice: this.copyrightNotice,
      license: absoluteUrl(checkedUrl(this, 'license', this.license)),
      acquireLicensePage: absoluteUrl(checkedUrl(this, 'acquire-license-page', this.acquireLicensePage)),
    };
  }

  #captionText(): string {
    const slot = this.renderRoot?.querySelector<HTMLSlotElement>('figcaption slot:not([name])');
    const text = slot ? slot.assignedNodes().map((n) => n.textContent).join('') : '';
    return `${text} ${this.caption ?? ''}`.replace(/\s+/g, ' ').trim();
  }

  #checkInput(): void {
    const img = this.image;
    const hasImage = img || this.src;
    if (!hasImage) return;
    const alt = img ? img.getAttribute('alt') : this.alt;
    if (alt === null || alt === undefined) {
      warn(this, 'alt', 'the image has no alt text. Describe the picture in `alt`, or write alt="" if it is purely decorative.');
    } else if (alt.trim() && this.hasUpdated && normalise(alt) === normalise(this.#captionText())) {
      warn(this, 'alt-caption', 'the alt text repeats the caption, so screen readers read it twice. Let `alt` describe what the picture shows and the caption say what it means.');
    }
  }

  #closeOnBackdrop = (e: MouseEvent) => {
    if (e.target === this.#dialog) this.closeFullSize();
  };

  #returnFocus = () => {
    this.zoomOpen = false;
    this.#q<HTMLButtonElement>('[part=zoom]')?.focus();
  };
}

if (!customElements.get('fjord-photo')) customElements.define('fjord-photo', FjordPhoto);

declare global {
  interface HTMLElementTagNameMap {
    'fjord-photo': FjordPhoto;
  }
}
