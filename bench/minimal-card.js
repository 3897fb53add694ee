/**
 * The floor for this architecture: a Lit element with the same light DOM as <fjord-article-card>, the same shadow
 * markup and slots for its vertical layout, and nothing else — no layouts (so no container queries), flags, locale
 * tracking, URL checks, warnings, observers or timers. Built with Vite (production Lit) by bench/cold.mjs.
 */
import { LitElement, css, html } from 'lit';

// One formatter for the page, as a hand-written element would have it.
const dateFormat = new Intl.DateTimeFormat('nb', { dateStyle: 'long' });

export class BenchMinimalCard extends LitElement {
  static properties = {
    href: {},
    kicker: {},
    published: {},
    byline: {},
  };

  static styles = css`
    :host {
      display: block;
    }
    .card {
      position: relative;
      display: grid;
      gap: 0.5rem 1rem;
      align-items: start;
    }
    .media {
      overflow: hidden;
      border-radius: var(--fjord-radius, 4px);
    }
    ::slotted(img) {
      display: block;
      width: 100%;
      height: 100%;
      object-fit: cover;
    }
    .body {
      display: flex;
      flex-direction: column;
      gap: 0.5rem;
      min-width: 0;
    }
    .top,
    .meta {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25rem 0.5rem;
      margin: 0;
      font-size: 0.8125rem;
      line-height: 1.4;
    }
    .kicker {
      font-weight: 700;
      color: var(--fjord-accent, light-dark(#0b55a3, #8cbcff));
    }
    .meta {
      color: var(--fjord-muted, light-dark(#565c66, #b4bac4));
    }
    .headline {
      font-size: 1.25rem;
      font-weight: 700;
      line-height: 1.25;
    }
    ::slotted([slot='headline']) {
      margin: 0;
      font: inherit;
    }
    a {
      display: block;
      color: inherit;
      text-decoration: none;
    }
    a[href]::after {
      content: '';
      position: absolute;
      inset: 0;
    }
    a[href]:hover {
      text-decoration: underline;
    }
    .lead {
      line-height: 1.45;
    }
    .lead ::slotted(*) {
      margin: 0;
    }
    .meta > * + *::before {
      content: '·' / '';
      margin-inline-end: 0.5rem;
    }
  `;

  connectedCallback() {
    super.connectedCallback();
    // Children are recognised by element, as in the card: the first image and the first heading get their slots.
    const image = this.querySelector(':scope > img');
    image?.setAttribute('slot', 'image');
    image?.setAttribute('loading', 'lazy');
    this.querySelector(':scope > :is(h1, h2, h3, h4, h5, h6)')?.setAttribute('slot', 'headline');
  }

  render() {
    return html`
      <article part="card" class="card">
        <div part="media" class="media"><slot name="image"></slot></div>
        <div part="body" class="body">
          <p part="top" class="top"><span part="kicker" class="kicker">${this.kicker}</span></p>
          <div part="headline" class="headline">
            <a part="link" href=${this.href}><slot name="headline"></slot></a>
          </div>
          <div part="lead" class="lead"><slot></slot></div>
          <p part="meta" class="meta">
            <span part="byline">${this.byline}</span><time part="published" datetime=${this.published}>${dateFormat.format(new Date(this.published))}</time>
          </p>
        </div>
      </article>
    `;
  }
}

customElements.define('bench-minimal-card', BenchMinimalCard);
