import { LitElement, html, nothing, svg } from 'lit';
import { LocaleController, type Locale } from '../shared/locale.js';
import { intl } from '../shared/format.js';
import { describe } from '../shared/describe.js';
import { checkedUrl } from '../shared/safe-url.js';
import { warn, warnValue } from '../shared/warn.js';
import { ESCA_ICON, NCE_ICON, levels, type ClusterLevel } from './levels.js';
import { styles } from './cluster-badge.styles.js';
import { define } from '../shared/defer.js';

export { renderAll } from '../shared/defer.js';

export type { ClusterLevel } from './levels.js';

interface Strings {
  partners: [one: string, other: string];
  cluster: string;
  since: string;
  expired: string;
  more: string;
  /** ESCA's labels: bronze, silver, gold. */
  esca: string[];
  /** "<level>-klynge", " i <programme>". */
  kind: [string, string];
}

const NB: Strings = {
  partners: ['partner', 'partnere'],
  cluster: 'Klynge',
  since: 'siden',
  expired: 'utløpt',
  more: 'Les mer om',
  esca: ['bronsemerke', 'sølvmerke', 'gullmerke'],
  kind: ['-klynge', ' i '],
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
    esca: ['Bronze Label', 'Silver Label', 'Gold Label'],
    kind: [' cluster', ' in '],
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
 * @csspart logo - The logo's slot (`display: contents`); style the logo itself with `--fjord-cluster-badge-logo-size`.
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
 * @cssprop [--fjord-cluster-badge-logo-size=1.25em (chip), 2.5em (card)] - Height of the logo.
 */
export class FjordClusterBadge extends LitElement {
  static override styles = styles;
  static override properties = {
    name: {},
    shortName: { attribute: 'short-name' },
    level: {},
    nce: { type: Boolean },
    esca: {},
    partners: {},
    since: {},
    until: {},
    region: {},
    href: {},
    variant: { reflect: true },
    structuredData: { type: Boolean, attribute: 'structured-data' },
    now: { attribute: false },
  };

  /**
   * Registers another programme level, so `level="<key>"` works on every badge, including those already
   * on the page. Registering a built-in key replaces it.
   */
  static defineLevel(key: string, level: ClusterLevel): void {
    levels.set(key.trim().toLowerCase(), level);
    for (const badge of live) badge.requestUpdate();
  }

  /** The cluster's full name. A warning is logged if it is missing. */
  declare name?: string;
  /** Short name or acronym, shown on the chip instead of the name. */
  declare shortName?: string;
  /** Programme level: `arena`, `arena-pro`, `gce` or a key registered with `defineLevel()`; not case-sensitive. An unknown level gives a neutral badge and a warning that lists the valid values. */
  declare level?: string;
  /** Adds the NCE (Norwegian Centres of Expertise) brand. */
  nce = false;
  /** ESCA cluster-management label: `bronze`, `silver` or `gold` ("ESCA gullmerke", "ESCA Gold Label"). Any other value logs a warning. */
  declare esca?: string;
  /** Number of partners: `83`, `1234` or `1 234`, shown with the locale's plural and grouping. Anything that is not a whole number is left out, with a warning. */
  declare partners?: string;
  /** Year the cluster was formed, e.g. `2017`. Anything other than a four-digit year is left out, with a warning. */
  declare since?: string;
  /** Last year of the current status; after it the badge says "utløpt"/"expired" and turns grey, with a dashed border and an outlined icon. */
  declare until?: string;
  /** Where the cluster is based (shown on the card). */
  declare region?: string;
  /** The cluster's page; the card links to it ("Les mer om …"). Only http(s), mailto, tel, relative and fragment URLs are used; others are dropped with a warning. The chip is never a link. */
  declare href?: string;
  /** `chip` (an inline pill) or `card` (a box with description and facts). Reflected. */
  variant: 'chip' | 'card' = 'chip';
  /** Adds a schema.org `Organization` as JSON-LD, with the programme level as its `award`. */
  structuredData = false;
  /** The date `until` is judged against; the current date when not set (set it for archives and previews). */
  declare now?: Date;

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
    const { locale, intl: tag } = this.#locale;
    const s = STRINGS[locale];
    const card = this.variant == 'card';
    if (!/^(chip|card)?$/.test(this.variant ?? '')) this.#bad('variant', 'chip or card');
    const name = this.name?.trim() ?? '';
    if (!name) warn(this, 'name', '`name` is missing: give the cluster’s full name.');

    const key = this.level?.trim().toLowerCase() ?? '';
    const def = levels.get(key);
    if (key && !def) this.#bad('level', `${[...levels.keys()].join(', ')} or a level from FjordClusterBadge.defineLevel()`);
    const label = def?.label[locale];
    const metal = METALS.indexOf(this.esca?.toLowerCase() ?? '');
    if (this.esca && metal < 0) this.#bad('esca', 'bronze, silver or gold');
    const esca = metal < 0 ? '' : `ESCA ${s.esca[metal]}`;

    // A whole number as a page would write it: "83", "1 234", "1234".
    const digits = this.partners?.replace(/[\s\u00a0\u202f]/g, '') ?? '';
    const count = /^\d{1,15}$/.test(digits) ? +digits : undefined;
    if (this.partners && count === undefined) this.#bad('partners', 'a whole number such as 83');
    const partners =
      count === undefined ? '' : `${intl(Intl.NumberFormat, tag).format(count)} ${s.partners[intl(Intl.PluralRules, tag).select(count) == 'one' ? 0 : 1]}`;
    const since = this.#year('since');
    const until = this.#year('until');
    const expired = until !== undefined && (this.now ?? new Date()).getFullYear() > until;
    const href = card ? checkedUrl(this, 'href', this.href, 'link') : undefined;
    const sinceText = since && `${s.since} ${since}`;
    const phrase = [name, label && label + s.kind[0] + (def?.programme ? s.kind[1] + def.programme[locale] : ''), expired && s.expired, this.nce && 'NCE', esca, partners, sinceText];
    const facts = [partners, sinceText && `${s.cluster} ${sinceText}`, this.region].filter(Boolean);

    return html`<div part="badge" class="${card ? 'card' : ''} ${def ? `custom l-${key}` : ''} ${expired ? 'expired' : ''}" role=${card ? 'group' : 'img'} aria-label=${phrase.filter(Boolean).join(', ')}>
        <slot name="logo" part="logo" @slotchange=${this.#fitLogo}></slot>
        <span part="name">${card ? name : this.shortName || name}</span>
        <span class="tags">
          ${def ? pill('level', label!, def.icon) : nothing}
          ${expired ? pill('status', s.expired) : nothing}
          ${this.nce ? pill('nce', 'NCE', NCE_ICON) : nothing}
          ${esca ? pill('esca', esca, ESCA_ICON) : nothing}
        </span>
        ${card
          ? html`
              ${def ? html`<p part="description">${def.description[locale]}</p>` : nothing}
              <ul part="facts" ?hidden=${!facts.length}>
                ${facts.map((fact) => html`<li>${fact}</li>`)}
              </ul>
              ${href ? html`<a part="link" href=${href}>${s.more} ${name}</a>` : nothing}
            `
          : nothing}
      </div>`;
  }

  protected override updated(): void {
    describe(this, this.structuredData, () => {
      const def = levels.get(this.level?.trim().toLowerCase() ?? '');
      return [
        'Organization',
        this.name?.trim(),
        this.shortName?.trim(),
        checkedUrl(this, 'href', this.href),
        this.#year('since'),
        this.region?.trim(),
        def,
      ];
    });
  }

  /** Warns that an attribute's value is left out, and says what it should be. */
  #bad(attribute: 'variant' | 'level' | 'esca' | 'partners' | 'since' | 'until', valid: string): void {
    warnValue(this, attribute, this[attribute], `is not ${valid}.`);
  }

  /** A four-digit year from the `since` or `until` attribute. */
  #year(attribute: 'since' | 'until'): number | undefined {
    const value = this[attribute];
    if (!value) return undefined;
    if (/^\s*\d{4}\s*$/.test(value)) return Number(value);
    this.#bad(attribute, 'a year such as 2017');
  }

  /** Fits the `<img>` of a `<picture>` logo to the logo's height (it is out of reach of the shadow root's styles). */
  #fitLogo(e: Event) {
    for (const el of (e.target as HTMLSlotElement).assignedElements()) {
      for (const img of el.querySelectorAll('img')) Object.assign(img.style, { height: '100%', width: 'auto' });
    }
  }
}

function pill(part: string, text: string, shape?: ClusterLevel['icon']) {
  const icon = typeof shape === 'string' ? svg`<path d=${shape}></path>` : shape;
  return html`<span part=${part}>${shape ? html`<svg part="icon" viewBox="0 0 24 24" aria-hidden="true">${icon}</svg>` : nothing}${text}</span>`;
}

define('fjord-cluster-badge', FjordClusterBadge);

declare global {
  interface HTMLElementTagNameMap {
    'fjord-cluster-badge': FjordClusterBadge;
  }
}
