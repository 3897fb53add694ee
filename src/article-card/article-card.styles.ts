import { css } from 'lit';
import { tokens } from '../shared/tokens.js';

/*
 * The vertical layout keeps one gap (0.5rem) between image, top line, headline, lead and meta, and the same sizes
 * as fjord-elements.css, so nothing moves at upgrade. Layouts follow the card's own width (container queries).
 */
export const styles = [
  tokens,
  css`
    :host {
      display: block;
      container-type: inline-size;
    }
    .card {
      position: relative;
      display: grid;
      gap: 0.5rem 1rem;
      align-items: start;
    }
    .media {
      overflow: hidden;
      border-radius: var(--fjord-article-card-radius, var(--_radius));
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
    .flags {
      display: contents;
    }
    .kicker {
      font-weight: 700;
      color: var(--fjord-article-card-kicker-color, var(--_accent));
    }
    .live,
    .type {
      display: inline-flex;
      align-items: center;
      gap: 0.3em;
    }
    .live {
      font-weight: 700;
      color: var(--fjord-article-card-live-color, light-dark(#b0001a, #ff9a9a));
    }
    .live i {
      width: 0.6em;
      height: 0.6em;
      border-radius: 50%;
      background: currentColor;
      animation: pulse 1.5s ease-in-out infinite;
    }
    @keyframes pulse {
      50% {
        opacity: 0.2;
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .live i {
        animation: none;
      }
    }
    [part='sponsored'] {
      padding: 0 0.4em;
      border-radius: 2px;
      background: var(--fjord-article-card-sponsored-background, light-dark(#fbe9a6, #4d3f0b));
    }
    .type,
    .meta {
      color: var(--_muted);
    }
    svg {
      width: 1.2em;
      height: 1.2em;
      fill: none;
      stroke: currentColor;
      stroke-width: 2;
      stroke-linejoin: round;
    }
    .headline {
      font-size: var(--fjord-article-card-headline-size, 1.25rem);
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
    a:focus-visible {
      outline: 0;
    }
    a:focus-visible::after {
      outline: 2px solid var(--_focus);
      outline-offset: 2px;
    }
    .lead {
      line-height: 1.45;
    }
    .lead ::slotted(*) {
      margin: 0 0 0.5em;
    }
    .lead ::slotted(:last-child) {
      margin: 0;
    }
    .meta > * + *::before {
      content: '·' / '';
      margin-inline-end: 0.5rem;
    }
    .clamp {
      display: -webkit-box;
      -webkit-box-orient: vertical;
      -webkit-line-clamp: var(--_n);
      overflow: hidden;
    }
    .compact .headline {
      font-size: var(--fjord-article-card-compact-size, 1rem);
    }
    .hero .headline {
      font-size: var(--fjord-article-card-hero-size, clamp(1.5rem, 1rem + 3cqi, 2.5rem));
    }
    @container (min-width: 30rem) {
      .horizontal {
        grid-template-columns: 2fr 3fr;
      }
    }
    @container (min-width: 48rem) {
      .hero {
        grid-template-columns: 3fr 2fr;
        align-items: center;
      }
    }
    .loading .media {
      background: var(--_surface);
    }
    .loading .body > * {
      color: transparent;
      background: linear-gradient(var(--_surface) 70%, #0000 0) 0 0 / 100% 1lh;
    }
    .loading .body > * *,
    .loading ::slotted(*),
    .loading img {
      visibility: hidden;
    }
    .bone {
      min-height: 2lh;
    }
    .media.bone {
      aspect-ratio: 3 / 2;
    }
  `,
];

/*
 * For the page's own markup, adopted once per document or shadow root: a link inside the page's headline covers the
 * card like the card's own link does, and links in the lead stay clickable above it.
 */
export const pageStyles = css`
  :where(fjord-article-card > [slot='headline']) a[href]::after {
    content: '';
    position: absolute;
    inset: 0;
  }
  :where(fjord-article-card > :not([slot='headline'])) a[href] {
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
