import { LitElement, html, nothing, svg } from 'lit';
import { property, state } from 'lit/decorators.js';
import { LocaleController, type Locale } from '../shared/locale.js';
import { formatNumber, parseCount, pluralCategory } from '../shared/format.js';
import { checkedUrl } from '../shared/safe-url.js';
import { warn } from '../shared/warn.js';
import { BUILT_IN, ESCA_ICON, NCE_ICON, levels, type ClusterLevel } from './levels.js';
import { styles } from './cluster-badge.styles.js';

export type { ClusterLevel } from './levels.js';

interface Strings {
  partners: [one: string, other: string];
  cluster: string;
  since: string;
  expired: string;
  more: string;
  metals: [bronze: string, silver: string, gold: string];
  kind: (label: string, programme?: string) => string;
  esca: (metal: string) => string;
}

const NB: Strings = {
  partners: ['partner', 'partnere'],
  cluster: 'Klynge',
  since: 'siden',
  expired: 'utløpt',
  more: 'Les mer om',
  metals: ['bronse', 'sølv', 'gull'],
  kind: (l, p) => `${l}-klynge${p ? ` i ${p}` : ''}`,
  esca: (m) => `ESCA ${m}merke`,
};

const STRINGS: Record<Locale, Strings> = {
  nb: NB,
  nn: { ...NB, partners: ['partnar', 'partnarar'], since: 'sidan', more: 'Les meir om' },
  en: {
    partners: ['partner', 'partners'],
    cluster: 'Cluster',
    since: 'since',
    expired: 'expired',
    more: 'Read more about',
    metals: ['Bronze', 'Silver', 'Gold'],
    kind: (l, p) => `${l} cluster${p ? ` in ${p}` : ''}`,
    esca: (m) => `ESCA ${m} Label`,
  },
};

const METALS = ['bronze', 'silver', 'gold'];
const live = new Set<FjordClusterBadge>();

/**
 * An innovation cluster's programme status at a glance: Arena, Arena Pro or GCE in Norwegian Innovation
 * Clusters, the NCE brand and ESCA's cluster-management label, as an inline chip or a card.
 * @summary Cluster programme badge ("Arena Pro-klynge", "83 partnere").
 * @slot logo - The cluster's logo: an `<img>`, or a `<picture>` with a dark-mode `<source>`.
 * @csspart badge - The badge: the pill of the chip, the box of the card.
 * @csspart logo - The box around the logo.
 * @csspart name - The cluster's name (the short name on the chip).
 * @csspart level - The level with its icon ("Arena Pro").
 * @csspart icon - The icons of the level, NCE and ESCA.
 * @csspart status - "utløpt" once the status has run out.
 * @csspart nce - The NCE brand.
 * @csspart esca - The ESCA label.
 * @csspart description - The card's sentence on what the level means.
 * @csspart facts - The card's list of partners, year and region.
 * @csspart link - The card's "Les mer om …" link.
 * @cssprop [--fjord-cluster-badge-color=the level's colour] - Text and icon colour of the level.
 * @cssprop [--fjord-cluster-badge-background=the level's tint] - Background behind the level.
 * @cssprop [--fjord-cluster-badge-logo-size=1.25em (chip), 2.5rem (card)] - Height of the logo.
 */
export class FjordClusterBadge extends LitElement {
  static override styles = styles;

  /**
   * Registers another programme level, so `level="<key>"` works on every badge, including those already
   * on the page. Registering a built-in key replaces it.
   */
  static defineLevel(key: string, level: ClusterLevel): void {
    levels.set(key.trim().toLowerCase(), level);
    for (const badge of live) badge.requestUpdate();
  }

  /** The keys `level` accepts: the built-in ones and those registered with `defineLevel()`. */
  static get levels(): string[] {
    return [...levels.keys()];
  }

  /** The cluster's full name. */
  @property() name?: string;
  /** Short name or acronym, shown on the chip instead of the name. */
  @property({ attribute: 'short-name' }) shortName?: string;
  /** Programme level: `arena`, `arena-pro`, `gce` or a key registered with `defineLevel()`. */
  @property() level?: string;
  /** Adds the NCE (Norwegian Centres of Expertise) brand. */
  @property({ type: Boolean }) nce = false;
  /** ESCA cluster-management label: `bronze`, `silver` or `gold`. */
  @property() esca?: string;
  /** Number of partners, e.g. `83`. */
  @property() partners?: string;
  /** Year the cluster was formed, e.g. `2017`. */
  @property() since?: string;
  /** Last year of the current status; after it the badge shows the status as expired. */
  @property() until?: string;
  /** Where the cluster is based. */
  @property() region?: string;
  /** The cluster's page; the card links to it ("Les mer om …"). */
  @property() href?: string;
  /** `chip` (an inline pill) or `card` (a box with description and facts). */
  @property({ reflect: true }) variant: 'chip' | 'card' = 'chip';
  /** The date `until` is judged against; the current date when not set (set it for archives and previews). */
  @property({ attribute: false }) now?: Date;

  @state() private hasLogo = false;

  #locale = new LocaleController(this);

  override connectedCallback(): void {
    super.connectedCallback();
    live.add(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    live.delete(this);
  }

  override render() {
    const locale = this.#locale.locale;
    // Chromium's ICU has no Nynorsk number data and falls back to English ("1,234"); nn counts like nb.
    const intl = locale === 'nn' ? 'nb' : this.#locale.intl;
    const s = STRINGS[locale];
    const card = this.variant === 'card';
    if (this.variant && !card && this.variant !== 'chip') warn(this, 'variant', `variant="${this.variant}" is not known: use chip or card.`);
    const name = this.name?.trim() ?? '';
    if (!name) warn(this, 'name', 'the badge has no name: give the cluster’s full name in `name`.');

    const key = this.level?.trim().toLowerCase() ?? '';
    const def = levels.get(key);
    if (key && !def) {
      warn(this, 'level', `level="${this.level}" is not known: use ${[...levels.keys()].join(', ')}, or register it with FjordClusterBadge.defineLevel().`);
    }
    const label = def?.label[locale];
    const metal = METALS.indexOf(this.esca?.trim().toLowerCase() ?? '');
    if (this.esca != null && metal < 0) warn(this, 'esca', `esca="${this.esca}" is not known: use bronze, silver or gold.`);
    const esca = metal < 0 ? '' : s.esca(s.metals[metal]);

    const count = this.#number('partners', this.partners, parseCount(this.partners));
    const partners = count === undefined ? '' : `${formatNumber(intl, count)} ${s.partners[pluralCategory(intl, count) === 'one' ? 0 : 1]}`;
    const since = this.#number('since', this.since, this.#year(this.since));
    const until = this.#number('until', this.until, this.#year(this.until));
    const expired = until !== undefined && (this.now ?? new Date()).getFullYear() > until;
    const href = card ? checkedUrl(this, 'href', this.href, 'link') : undefined;

    const phrase = [
      name,
      label && s.kind(label, def?.programme?.[locale]),
      expired && s.expired,
      this.nce && 'NCE',
      esca,
      partners,
      since && `${s.since} ${since}`,
    ]
      .filter(Boolean)
      .join(', ');
    const tone = def ? (BUILT_IN.includes(key) ? key : 'custom') : 'neutral';

    return html`
      <div part="badge" class="badge ${card ? 'card' : 'chip'} ${tone} ${expired ? 'expired' : ''}" role=${card ? 'group' : 'img'} aria-label=${phrase}>
        <span part="logo" class="logo" ?hidden=${!this.hasLogo}><slot name="logo" @slotchange=${this.#fitLogo}></slot></span>
        <span part="name" class="name">${card ? name : this.shortName?.trim() || name}</span>
        <span class="tags">
          ${def ? html`<span part="level" class="pill">${icon(def.icon)}${label}</span>` : nothing}
          ${expired ? html`<span part="status" class="pill">${s.expired}</span>` : nothing}
          ${this.nce ? html`<span part="nce" class="pill">${icon(NCE_ICON)}NCE</span>` : nothing}
          ${esca ? html`<span part="esca" class="pill">${icon(ESCA_ICON)}${esca}</span>` : nothing}
        </span>
        ${card
          ? html`
              ${def ? html`<p part="description">${def.description[locale]}</p>` : nothing}
              <ul part="facts" ?hidden=${!partners && !since && !this.region?.trim()}>
                ${partners ? html`<li>${partners}</li>` : nothing}
                ${since ? html`<li>${s.cluster} ${s.since} ${since}</li>` : nothing}
                ${this.region?.trim() ? html`<li>${this.region}</li>` : nothing}
              </ul>
              ${href ? html`<a part="link" href=${href}>${s.more} ${name}</a>` : nothing}
            `
          : nothing}
      </div>
    `;
  }

  #year(value: string | undefined): number | undefined {
    return /^\s*\d{4}\s*$/.test(value ?? '') ? Number(value) : undefined;
  }

  /** Warns when an attribute was given but is not a number it can use. */
  #number(attribute: string, given: string | undefined, parsed: number | undefined): number | undefined {
    if (given?.trim() && parsed === undefined) {
      warn(this, attribute, `${attribute}="${given}" is not ${attribute === 'partners' ? 'a whole number such as 83' : 'a four-digit year such as 2017'}, so it is left out.`);
    }
    return parsed;
  }

  /** Fits a `<picture>`'s image to the logo box (its `<img>` is out of reach of the shadow root's styles). */
  #fitLogo = (e: Event) => {
    const logos = (e.target as HTMLSlotElement).assignedElements();
    this.hasLogo = logos.length > 0;
    for (const img of logos.flatMap((el) => [...el.querySelectorAll('img')])) Object.assign(img.style, { height: '100%', width: 'auto' });
  };
}

function icon(shape: ClusterLevel['icon']) {
  return html`<svg part="icon" viewBox="0 0 24 24" aria-hidden="true">${typeof shape === 'string' ? svg`<path d=${shape}></path>` : shape}</svg>`;
}

if (!customElements.get('fjord-cluster-badge')) customElements.define('fjord-cluster-badge', FjordClusterBadge);

declare global {
  interface HTMLElementTagNameMap {
    'fjord-cluster-badge': FjordClusterBadge;
  }
}
