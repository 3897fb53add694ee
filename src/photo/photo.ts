import { LitElement, html, isServer, nothing } from 'lit';
import { LocaleController, type Locale } from '../shared/locale.js';
import { checkedSrcset, checkedUrl } from '../shared/safe-url.js';
import { describe } from '../shared/describe.js';
import { fold } from '../shared/format.js';
import { warn } from '../shared/warn.js';
import { styles } from './photo.styles.js';
import { define } from '../shared/defer.js';

export { renderAll } from '../shared/defer.js';

const STRINGS: Record<Locale, [credit: string, zoom: string, close: string]> = {
  nb: ['Foto', 'Vis bildet i full størrelse', 'Lukk'],
  nn: ['Foto', 'Vis biletet i full storleik', 'Lukk'],
  en: ['Photo', 'Show full-size image', 'Close'],
};

/**
 * A credit a CMS glued onto the end of a caption: "… i ACT. FOTO: Kent Erik Sjursen",
 * "(Foto: Ola Nordmann / NTB)", "Ill.: Kari Nordmann".
 */
const GLUED_CREDIT = /(?:^|\s)\(?(?:foto|photo|bilde|bilete|illustrasjon|illustration|ill\.)\s*:\s*([^\s)][^)]*?)\s*\)?\s*$/i;

/**
 * Splits a trailing credit off a caption. Returns the caption without it and the credit,
 * or `undefined` when the caption has no credit at its end.
 */
export function splitCredit(caption: string): { caption: string; credit: string } | undefined {
  const match = GLUED_CREDIT.exec(caption);
  return match ? { caption: caption.slice(0, match.index).trimEnd(), credit: match[1] } : undefined;
}

/** `3:2`, `16/9` or `4x3` as a CSS aspect ratio. */
function ratioOf(value: string | undefined): string | undefined {
  const m = /^\s*([\d.]+)\s*[:/x]\s*([\d.]+)\s*$/.exec(value ?? '');
  return m && +m[1] > 0 && +m[2] > 0 ? `${+m[1]} / ${+m[2]}` : undefined;
}

const normalise = (text: string) => fold(text).toLowerCase();

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
    zoomOpen: { state: true, attribute: false },
  };

  /** Image URL (attribute-only form): http(s) or relative; an unsafe URL is dropped with a warning. */
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
  /** Crops the image to a ratio such as `3:2` or `16/9`. Otherwise `width`/`height` give the box. */
  declare ratio?: string;
  /** A lead photo: loads eagerly with `fetchpriority="high"` instead of lazily. */
  priority = false;
  /** Adds a "Vis bildet i full størrelse" button that opens the image full size in a modal dialog. */
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

  declare private broken?: boolean;
  declare private gluedCredit?: string;
  declare private zoomOpen?: boolean;

  #locale = new LocaleController(this);
  /** Loading hints this widget set on each page image, so the page's own ones are never touched. */
  #hints = new WeakMap<HTMLImageElement, Set<string>>();
  /** `load` and `error` do not bubble: the frame hears them from the photo (slotted or not) while capturing. */
  #imageEvent = {
    handleEvent: (e: Event) => {
      if (e.target == this.image) this.broken = e.type == 'error';
    },
    capture: true,
  };

  /** Opens the full-size view. */
  showFullSize(): void {
    const dialog = this.#dialog;
    if (this.zoomable && dialog?.open === false) {
      dialog.showModal();
      this.zoomOpen = true;
    }
  }

  /** Closes the full-size view; focus goes back to the zoom button. */
  closeFullSize(): void {
    this.#dialog?.close();
  }

  /** The `<img>` that is the photo: the page's own, or the one the widget renders. */
  get image(): HTMLImageElement | null {
    return this.#slottedImage() ?? this.renderRoot?.querySelector('img[part=image]') ?? null;
  }

  protected override willUpdate(): void {
    if (!isServer) this.#assignImage();
    const img = this.image;
    // An image that failed before the widget was there fires no more events. Looked at before rendering, so the
    // broken state is part of this update rather than a second one.
    if (img?.complete && img.getAttribute('src') && !img.naturalWidth) this.broken = true;
    // Anything but an image (a caption, a <picture> without its <img>): the caption is shown, with nothing to caption.
    if (!img && !this.src)
      return void (this.innerHTML?.trim() && warn(this, 'img', 'has no image: add an <img alt="…"> or src="…".'));
    const alt = img ? img.getAttribute('alt') : this.alt;
    if (alt == null) warn(this, 'alt', 'the image has no alt text: write alt="…", or alt="" if it is decorative.');
    else if (alt.trim() && this.hasUpdated && normalise(alt) == normalise(this.#captionText()))
      warn(this, 'alt-caption', 'the alt text repeats the caption, so it is read twice: let alt describe the picture.');
  }

  protected override updated(): void {
    const img = this.image;
    this.#hintImage();
    const w = Number(img?.getAttribute('width') ?? this.width);
    const h = Number(img?.getAttribute('height') ?? this.height);
    this.renderRoot.querySelector<HTMLElement>('.frame')!.style.aspectRatio = ratioOf(this.ratio) ?? (this.broken && w > 0 && h > 0 ? `${w} / ${h}` : '');
    describe(this, this.structuredData, () => {
      const own = this.#slottedImage();
      return [
        'ImageObject',
        checkedUrl(this, 'src', own ? own.getAttribute('src') : this.src, 'image'),
        this.#captionText(),
        this.credit?.trim() || this.gluedCredit,
        this.copyrightNotice,
        checkedUrl(this, 'license', this.license),
        checkedUrl(this, 'acquire-license-page', this.acquireLicensePage),
      ];
    });
  }

  override render() {
    const [creditWord, zoom, close] = STRINGS[this.#locale.locale];
    const credit = this.credit?.trim() || this.gluedCredit;
    const label = `${this.creditLabel ?? creditWord}: `;
    const showCredit = !!credit || (!isServer && !!this.querySelector(':scope>[slot=credit]'));
    const captionNodes = this.#captionSlot()?.assignedNodes() ?? [];
    const src = checkedUrl(this, 'src', this.src, 'image');
    const img = this.image;
    const alt = img?.getAttribute('alt') ?? this.alt ?? '';
    const caption = this.#captionText();
    // The largest srcset candidate (by width or density), else the image itself.
    const largest = (img?.getAttribute('srcset') ?? this.srcset)
      ?.split(/,\s+/)
      .map((candidate) => candidate.trim().split(/\s+/))
      .sort((a, b) => (parseFloat(b[1] ?? '1') || 0) - (parseFloat(a[1] ?? '1') || 0))[0][0];
    const full = this.zoomable && checkedUrl(this, 'full-src', this.fullSrc || largest || img?.currentSrc || img?.getAttribute('src'), 'image');
    return html`<figure part="figure">
        <div part="frame" class="frame ${this.broken ? 'broken' : ''} ${this.ratio ? 'cropped' : ''}" @load=${this.#imageEvent} @error=${this.#imageEvent}>
          <slot
            name="image"
            @slotchange=${() => {
              this.broken = false;
              this.requestUpdate();
            }}
          ></slot>
          ${!this.#slottedImage() && src
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
          <div part="fallback" ?hidden=${!this.broken} role=${alt ? 'img' : nothing} aria-label=${alt || nothing}>${alt}</div>
          <button part="zoom" type="button" ?hidden=${!this.zoomable || this.broken} aria-label=${zoom} title=${zoom} @click=${this.showFullSize}>
            <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5" /></svg>
          </button>
        </div>
        <figcaption part="caption" ?hidden=${!isServer && !captionNodes.some((n) => n.textContent!.trim() || n instanceof Element) && !this.caption && !showCredit}>
          <slot @slotchange=${this.#onCaptionSlotChange}></slot>${this.caption ?? ''}
          <span part="credit" class="credit" ?hidden=${!showCredit}>${label}<slot name="credit" @slotchange=${() => this.requestUpdate()}>${credit}</slot></span>
        </figcaption>
      </figure>
      ${this.zoomable
        ? html`<dialog part="dialog" aria-label=${caption || alt || zoom} @click=${(e: Event) => e.target == e.currentTarget && this.closeFullSize()} @close=${() => {
            this.zoomOpen = false;
            this.renderRoot.querySelector<HTMLElement>('[part=zoom]')?.focus();
          }}>
            <button part="close" type="button" aria-label=${close} @click=${this.closeFullSize}>
              <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M6 6l12 12M18 6L6 18" /></svg>
            </button>
            ${this.zoomOpen && full ? html`<img src=${full} alt=${alt} />` : nothing}
            <p>${caption} <span class="credit" ?hidden=${!credit}>${label}${credit}</span></p>
          </dialog>`
        : nothing}`;
  }

  get #dialog() {
    return this.renderRoot?.querySelector('dialog');
  }

  /** Gives the first `<img>`/`<picture>` child the `image` slot, so markup needs no `slot` attribute. */
  #assignImage(): void {
    if (!this.querySelector(':scope>[slot=image]')) this.querySelector(':scope>:is(img,picture)')?.setAttribute('slot', 'image');
  }

  #slottedImage(): HTMLImageElement | null {
    if (isServer) return null;
    const el = this.querySelector(':scope>[slot=image]');
    return el instanceof HTMLImageElement ? el : (el?.querySelector('img') ?? null);
  }

  /** Applies loading hints the page did not set itself, and sizes the `<img>` of a `<picture>`. */
  #hintImage(): void {
    const own = this.#slottedImage();
    if (!own) return;
    // Shadow styles cannot reach an <img> inside a slotted <picture>; size it through CSSOM (CSP-safe).
    if (own.parentElement?.localName == 'picture' && (!own.style.width || this.#hints.has(own))) {
      Object.assign(own.style, { display: 'block', width: '100%', height: this.ratio ? '100%' : 'auto', objectFit: 'cover' });
    }
    const ours = this.#hints.get(own) ?? new Set();
    this.#hints.set(own, ours);
    const hints = { loading: this.priority ? 'eager' : 'lazy', fetchpriority: this.priority && 'high', decoding: 'async' };
    for (const [name, value] of Object.entries(hints)) {
      if (own.hasAttribute(name) && !ours.has(name)) continue;
      if (value) own.setAttribute(name, value);
      else own.removeAttribute(name);
      ours[value ? 'add' : 'delete'](name);
    }
  }

  #onCaptionSlotChange = (e: Event) => {
    this.#assignImage();
    const nodes = (e.target as HTMLSlotElement).assignedNodes();
    // A caption of two blocks or more is what a Markdown paragraph leaves that swallowed the closing tag.
    const stray = nodes.filter((n) => n instanceof Element && /^(p|h\d|[uod]l|div|table|blockquote|pre|figure|fjord-.*)$/.test(n.localName))[1];
    if (stray)
      warn(this, 'stray', `its caption holds a <${(stray as Element).localName}>: Markdown took </fjord-photo> in. Write the caption right after the <img>, with no blank line.`);
    // A credit glued onto the caption's last text moves out of the caption and into the credit line.
    const last = nodes.findLast((n) => n.textContent!.trim());
    const split = !this.credit && last instanceof Text && splitCredit(last.data);
    if (split) {
      last.data = split.caption && `${split.caption} `;
      this.gluedCredit = split.credit;
    }
    this.requestUpdate();
  };

  #captionSlot() {
    return this.renderRoot?.querySelector<HTMLSlotElement>('slot:not([name])');
  }

  #captionText(): string {
    return fold(`${this.#captionSlot()?.assignedNodes().map((n) => n.textContent).join('') ?? ''} ${this.caption ?? ''}`);
  }
}

define('fjord-photo', FjordPhoto);

declare global {
  interface HTMLElementTagNameMap {
    'fjord-photo': FjordPhoto;
  }
}
