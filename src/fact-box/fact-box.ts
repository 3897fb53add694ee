import { LitElement, html } from 'lit';
import { LocaleController, type Locale } from '../shared/locale.js';
import { NOT_A_DATE, formatDate, parseDate } from '../shared/format.js';
import { warn, warnValue } from '../shared/warn.js';
import { styles } from './fact-box.styles.js';
import { define } from '../shared/defer.js';

export { renderAll } from '../shared/defer.js';

const STRINGS: Record<Locale, [more: string, less: string, source: string, updated: string]> = {
  nb: ['Vis mer', 'Vis mindre', 'Kilde', 'Oppdatert'],
  nn: ['Vis meir', 'Vis mindre', 'Kjelde', 'Oppdatert'],
  en: ['Show more', 'Show less', 'Source', 'Updated'],
};

/** The detail of `fjord-fact-box-toggle`. */
export interface FjordFactBoxToggleDetail {
  /** Whether the box is now open (unfolded). */
  open: boolean;
}

/* One ResizeObserver for every fact box on the page: it watches each box's content and its fold ruler. */
const measures = new WeakMap<Element, () => void>();
let sizes: ResizeObserver | undefined;

/**
 * An editorial fact box: a complementary landmark named by its heading, that folds when its content is long.
 * @summary Fact box ("Fakta om …") beside or inside a story.
 * @slot - The facts: a list, paragraphs or a `<dl>` (laid out as rows of term and value).
 * @slot heading - Overrides the `heading` attribute. A heading element (`<h2>`–`<h6>`) as first child goes here by itself.
 * @csspart box - The `<aside>` landmark.
 * @csspart heading - The heading.
 * @csspart body - The content area that folds.
 * @csspart toggle - The "Vis mer" / "Vis mindre" button.
 * @csspart footer - The line with source and date.
 * @csspart source - "Kilde: …".
 * @csspart updated - "Oppdatert …".
 * @cssprop [--fjord-fact-box-accent=var(--fjord-accent)] - Rule and button colour when no `tone` is set.
 * @cssprop [--fjord-fact-box-background=var(--fjord-surface)] - Box background.
 * @cssprop [--fjord-fact-box-collapsed-height=12lh] - Fold height when the `collapsed-height` attribute is not set.
 * @fires fjord-fact-box-toggle - When the reader opens or folds the box (not when the page sets `open`). detail: { open }
 */
export class FjordFactBox extends LitElement {
  static override styles = styles;
  static override properties = {
    heading: {},
    headingLevel: { attribute: 'heading-level', type: Number },
    collapsedHeight: { attribute: 'collapsed-height' },
    open: { type: Boolean, reflect: true },
    source: {},
    updatedAt: { attribute: 'updated' },
    tone: { reflect: true },
    foldable: { state: true, attribute: false },
  };

  /** The heading text ("Fakta om …"), which also names the landmark; a heading child (or `slot="heading"`) overrides it. Without either, a warning is logged. */
  declare heading?: string;
  /** Level (1–6) of the heading made from the `heading` attribute, so the page outline stays right. A slotted heading keeps its own level; any other value logs a warning and 2 is used. */
  headingLevel = 2;
  /** Content taller than this CSS length (`20em`, `15rem`, `300px`; a bare number is px) folds. Default about 12 lines (`12lh`, or `--fjord-fact-box-collapsed-height`); an invalid value logs a warning and the default is used. */
  declare collapsedHeight?: string;
  /** Whether a folding box is open. Reflected: it follows the reader's choice, and the page may set or remove it. No effect on a short box. */
  open = false;
  /** Where the facts come from, shown as "Kilde: …" ("Kjelde", "Source"); shown as text, never parsed as HTML. */
  declare source?: string;
  /** When the facts were last checked: an ISO 8601 date (`2021-06-10`) or date-time, shown as "Oppdatert 10. juni 2021". A bare date is that calendar day in every time zone; anything else logs a warning and is left out. The property is `updatedAt`: one named `updated` would replace Lit's `updated()`. */
  declare updatedAt?: string;
  /** Accent of the rule and the button: `info`, `warning` or `neutral` (`--fjord-info`, `--fjord-warning`, `--fjord-muted`); without it, the accent colour. Reflected. Any other value logs a warning. */
  declare tone?: string;

  declare private foldable?: boolean;

  #content!: HTMLElement;
  #ruler!: HTMLElement;
  #locale = new LocaleController(this);
  /** The fold's height in px as last measured; unset until the first measurement. */
  #limit?: number;
  /** The frame the first measurement waits for. */
  #frame?: number;
  #hidden: Element[] = [];

  override connectedCallback(): void {
    super.connectedCallback();
    this.updateComplete.then(() => {
      if (!this.isConnected) return;
      sizes ??= new ResizeObserver((entries) => entries.forEach((e) => measures.get(e.target)?.()));
      for (const el of [this.#content, this.#ruler]) {
        measures.set(el, this.#measure);
        sizes.observe(el);
      }
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (!this.hasUpdated) return;
    for (const el of [this.#content, this.#ruler]) sizes?.unobserve(el);
    this.#fold(false);
  }

  protected override willUpdate(): void {
    if (this.tone && !['info', 'warning', 'neutral'].includes(this.tone)) warnValue(this, 'tone', this.tone, 'is not info, warning or neutral.');
    if (this.updatedAt && !parseDate(this.updatedAt)) warnValue(this, 'updated', this.updatedAt, NOT_A_DATE);
  }

  protected override firstUpdated(): void {
    [this.#content, this.#ruler] = this.renderRoot.querySelectorAll<HTMLElement>('.content, .ruler');
  }

  protected override updated(): void {
    let h = this.collapsedHeight?.trim() ?? '';
    if (/^\d+(\.\d+)?$/.test(h)) h += 'px';
    if (h && !CSS.supports('height', h)) {
      warnValue(this, 'collapsed-height', h, 'is not a CSS length like 20em.');
      h = '';
    }
    this.#ruler.parentElement!.style.setProperty('--_h', h);
    this.#fold(this.foldable && !this.open);
  }

  override render() {
    const { locale, intl } = this.#locale;
    const [more, less, source, updated] = STRINGS[locale];
    let level = this.headingLevel;
    if (!/^[1-6]$/.test(`${level}`)) {
      warnValue(this, 'heading-level', level, 'is not 1–6.');
      level = 2;
    }
    // A bare date is that day in every time zone.
    const date = parseDate(this.updatedAt);
    const folded = this.foldable && !this.open;
    return html`<aside part="box" aria-labelledby="h">
        <div part="heading" id="h">
          <slot name="heading"><div role="heading" aria-level=${level} ?hidden=${!this.heading}>${this.heading}</div></slot>
        </div>
        <div part="body" id="c" class=${folded ? 'folded' : ''}>
          <div class="content"><slot @slotchange=${this.#onContentChange}></slot></div>
          <div class="ruler"></div>
        </div>
        <button part="toggle" type="button" ?hidden=${!this.foldable} aria-expanded=${!folded} aria-controls="c" @click=${this.#toggle}>${folded ? more : less}</button>
        <p part="footer" ?hidden=${!this.source && !date}>
          <span part="source" ?hidden=${!this.source}>${source}: ${this.source}</span>
          <span part="updated" ?hidden=${!date}>${updated} ${date ? formatDate(intl, date, { dateStyle: 'long', timeZone: this.updatedAt!.trim().length > 10 ? undefined : 'UTC' }) : ''}</span>
        </p>
      </aside>`;
  }

  #measure = () => {
    this.#limit = this.#ruler.offsetHeight;
    this.foldable = this.#content.offsetHeight > this.#limit + 1;
    // Content moved under a fold that did not change: the update re-marks what it hides.
    this.requestUpdate();
  };

  /**
   * Makes what the fold hides inert (out of the Tab order and the accessibility tree), and only that:
   * slotted elements wholly below the fold, and the innermost ones that the fold cuts through.
   * Elements above the fold stay readable and clickable, so a screen reader gets what a sighted reader sees.
   */
  #fold(folded?: boolean): void {
    for (const el of this.#hidden.splice(0)) el.removeAttribute('inert');
    const slot = this.#content.firstElementChild as HTMLSlotElement;
    // Loose text cannot be made inert on its own, so it folds away with the whole content.
    this.#content.inert = !!folded && slot.assignedNodes({ flatten: true }).some((n) => n.nodeType == 3 && n.textContent!.trim());
    // Unfolded, nothing is measured: a box's first render must not make the browser lay out the page in the middle of
    // the task that renders every widget (and then again after it).
    if (!folded) return;
    const line = this.#content.getBoundingClientRect().top + this.#limit!;
    const walk = (els: Iterable<Element>) => {
      for (const el of els) {
        const { top, bottom } = el.getBoundingClientRect();
        if (bottom <= line + 0.5) continue;
        if (top < line && el.children.length) walk(el.children);
        else if (!el.hasAttribute('inert')) {
          this.#hidden.push(el);
          el.setAttribute('inert', '');
        }
      }
    };
    walk(slot.assignedElements({ flatten: true }));
  }

  #toggle() {
    this.open = !this.open;
    this.dispatchEvent(
      new CustomEvent<FjordFactBoxToggleDetail>('fjord-fact-box-toggle', { detail: { open: this.open }, bubbles: true, composed: true }),
    );
  }

  /** Moves a heading element that opens the content into the heading slot, so markup needs no `slot` attribute. */
  #onContentChange() {
    const first = this.firstElementChild;
    let named = this.querySelector(':scope>[slot=heading]');
    if (!named && first && /^H[1-6]$/.test(first.tagName)) (named = first).slot = 'heading';
    if (!named && !this.heading) warn(this, 'heading', 'needs heading="…" or a heading element first, to name its landmark.');
    // A story's headings (as high as the box's own; a lower one is a section of the box) or widgets inside the box: a
    // Markdown paragraph or list item took </fjord-fact-box> in.
    const own = +(named?.tagName.match(/^H([1-6])$/)?.[1] ?? this.headingLevel) || 2;
    const stray = this.querySelector(`:scope>:is(${'h1,h2,h3,h4,h5,h6'.slice(0, own * 3 - 1)},fjord-photo,fjord-fact-box,fjord-article-card,fjord-newsletter-signup):not([slot])`);
    // Two lines starting "- ", "* " or "1. " as text: a Markdown list written without a blank line before it.
    if (/^\s*([-*+]|\d\d?[.)]) .*\n\s*([-*+]|\d\d?[.)]) /m.test(this.textContent!))
      warn(this, 'list', 'shows a Markdown list as text: leave a blank line before the list.');
    if (stray)
      warn(this, 'stray', `holds a <${stray.localName}>: if that is the story after it, Markdown took </fjord-fact-box> in. Leave a blank line before </fjord-fact-box>.`);
    // The first slotchange comes from the first render. Measured here, the browser would lay the page out in the middle
    // of the task that renders every widget, and again after it; measured at the next frame, it is laid out once, with
    // every widget rendered, and the fold is still in place before that frame is painted.
    if (this.#limit == undefined) this.#frame ??= requestAnimationFrame(this.#measure);
    else this.#measure();
  }
}

define('fjord-fact-box', FjordFactBox);

declare global {
  interface HTMLElementTagNameMap {
    'fjord-fact-box': FjordFactBox;
  }
  interface HTMLElementEventMap {
    'fjord-fact-box-toggle': CustomEvent<FjordFactBoxToggleDetail>;
  }
}
