import { css } from 'lit';
import { tokens } from '../shared/tokens.js';

/*
 * The vertical layout keeps one gap (.5rem) between image, top line, headline, lead and meta, and the same sizes
 * as fjord-elements.css, so nothing moves at upgrade. Layouts follow the card's own width (container queries).
 * Values are written short (.5rem, no leading zero): this file is a large part of the card's bytes.
 */
export const styles = [
  tokens,
  css`
    :host {
      display: block;
    }
    /* Only the layouts that follow their width are size containers: containment on a thousand vertical cards costs
       the page real layout time. */
    :host(:is([layout=horizontal], [layout=hero])) {
      container-type: inline-size;
    }
    .card {
      position: relative;
      display: grid;
      gap: .5rem 1rem;
      align-items: start;
    }
    .media {
      overflow: hidden;
      border-radius: var(--_radius);
    }

    ::slotted(img),
    img {
      display: block;
      width: 100%;
      height: 100%;
      object-fit: cover;
    }
    ::slotted(picture) {
      display: contents;
    }
    .body {
      display: flex;
      flex-direction: column;
      gap: .5rem;
      min-width: 0;
    }
    p {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: .2rem .5rem;
      margin: 0;
      font-size: .8125rem;
      line-height: 1.125rem;
      color: var(--_muted);
    }
    .kicker,
    .live {
      font-weight: 700;
    }
    .kicker {
      color: var(--fjord-article-card-kicker-color, var(--_accent));
    }
    .live,
    [part=type] {
      display: inline-flex;
      align-items: center;
      gap: .3em;
    }
    .live {
      color: var(--fjord-article-card-live-color, light-dark(#b0001a, #ff9a9a));
    }
    i {
      width: .6em;
      height: .6em;
      border-radius: 50%;
      background: currentColor;
      animation: pulse 1.5s infinite;
    }
    @keyframes pulse {
      50% {
        opacity: .2;
      }
    }
    @media (prefers-reduced-motion: reduce) {
      i {
        animation: none;
      }
    }
    .sponsored {
      padding: 0 .4em;
      background: var(--fjord-article-card-sponsored-background, light-dark(#fbe9a6, #4d3f0b));
    }
    svg {
      width: 1.2em;
      fill: none;
      stroke: currentColor;
      stroke-width: 2;
    }
    .headline {
      font-size: var(--fjord-article-card-headline-size, 1.25rem);
      font-weight: 700;
      line-height: 1.25;
      overflow-wrap: anywhere;
    }
    .compact .headline {
      font-size: 1rem;
    }
    .hero .headline {
      font-size: clamp(1.5rem, 1rem + 3cqi, 2.5rem);
    }
    ::slotted(*) {
      margin: 0!important;
      font: inherit;
    }
    [part=link] {
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
    .meta > :not([hidden])~*::before {
      content: '·'/'';
      margin-inline-end: .5rem;
    }
    .clamp {
      display: -webkit-box;
      -webkit-box-orient: vertical;
      overflow: hidden;
    }
    @container (min-width: 30rem) {
      .horizontal {
        grid-template-columns: 2fr 3fr;
      }
      /* A horizontal card without an image gives its text the whole width. */
      .media[hidden] + .body {
        grid-column: 1/-1;
      }
    }
    .loading :is(.media, .body > *) {
      color: #0000;
      background: var(--_surface);
    }
    .loading .body > * *,
    .loading ::slotted(*),
    .loading img {
      visibility: hidden;
    }
    /* The skeleton's image, and an image of the attribute-only form without image-height: 3:2, as fjord-elements.css
       reserves. */
    .bare .media,
    .media:has(>img:not([height])) {
      aspect-ratio: 3/2;
    }
    .bare :is(.headline, .lead) {
      min-height: 2lh;
    }
  `,
];

/*
 * For the page's own markup, adopted once per document or shadow root: a link inside the page's headline looks like and
 * covers the card like the card's own link does, links in the lead stay clickable above it, and a <picture>'s image
 * fills the box. The headline link's colour has the specificity of a bare `a` and comes after the page's stylesheets,
 * so the page's general link colour does not turn one card's headline blue, while any rule the page writes for card
 * headlines (a class, `fjord-article-card a`) still wins; the rest has none at all (:where()).
 */
export const pageStyles = css`
  :where(fjord-article-card > [slot=headline]) a {
    color: inherit;
    text-decoration: none;
  }
  :where(fjord-article-card > [slot=headline] a[href]):hover {
    text-decoration: underline;
  }
  :where(fjord-article-card > [slot=headline] a[href])::after {
    content: '';
    position: absolute;
    inset: 0;
  }
  :where(fjord-article-card > :not([slot=headline])) a[href] {
    position: relative;
    z-index: 1;
  }
  :where(fjord-article-card > picture) img {
    display: block;
    width: 100%;
    height: 100%;
    object-fit: cover;
  }
`;
