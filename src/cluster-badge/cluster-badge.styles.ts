import { css } from 'lit';
import { tokens } from '../shared/tokens.js';

/*
 * Each level has its own ink and tint, at least 6:1 in light and dark. The chip's box model matches
 * fjord-elements.css, so nothing moves at upgrade.
 */
export const styles = [
  tokens,
  css`
    :host {
      display: inline-block;
      vertical-align: middle;
      max-width: 100%;
    }
    :host([variant='card']) {
      display: block;
    }
    .badge {
      --_ink: var(--fjord-cluster-badge-color, light-dark(#2d3138, #e4e7ec));
      --_tint: var(--fjord-cluster-badge-background, var(--_surface));
      box-sizing: border-box;
      border: 1px solid;
      color: var(--_ink);
      background: var(--_tint);
    }
    .arena {
      --_ink: var(--fjord-cluster-badge-color, light-dark(#1a6634, #8fdaa8));
      --_tint: var(--fjord-cluster-badge-background, light-dark(#e3f3e8, #15291c));
    }
    .arena-pro {
      --_ink: var(--fjord-cluster-badge-color, light-dark(#0b4f96, #a3c8ff));
      --_tint: var(--fjord-cluster-badge-background, light-dark(#e6effa, #162438));
    }
    .gce {
      --_ink: var(--fjord-cluster-badge-color, light-dark(#6a2b86, #dcb8f2));
      --_tint: var(--fjord-cluster-badge-background, light-dark(#f3e8f8, #2b1d36));
    }
    .custom {
      --_ink: var(--fjord-cluster-badge-color, var(--_accent));
    }
    .expired {
      --_ink: var(--_muted);
      --_tint: var(--_surface);
    }
    .chip {
      display: inline-flex;
      align-items: center;
      gap: 0.4em;
      max-width: 100%;
      padding: 0.125em 0.625em;
      border-radius: 999px;
      font-size: 0.875em;
      font-weight: 600;
      line-height: 1.5;
    }
    .tags,
    .pill {
      display: inline-flex;
      align-items: center;
      flex-wrap: wrap;
      gap: 0.3em;
    }
    .chip .tags {
      display: contents;
    }
    .card {
      display: grid;
      justify-items: start;
      gap: 0.5rem;
      padding: var(--_space);
      border-inline-start-width: 0.25rem;
      border-radius: var(--_radius);
      line-height: 1.45;
    }
    .card .name {
      font-size: 1.125em;
      font-weight: 700;
    }
    .card .pill {
      padding: 0 0.5em;
      border: 1px solid;
      border-radius: 999px;
      font-size: 0.875em;
      font-weight: 600;
    }
    .expired,
    .expired .pill {
      border-style: dashed;
    }
    svg {
      flex: none;
      width: 1em;
      height: 1em;
      fill: currentColor;
    }
    .expired svg {
      fill: none;
      stroke: currentColor;
      stroke-width: 2;
    }
    .logo {
      display: inline-flex;
      height: var(--fjord-cluster-badge-logo-size, 1.25em);
    }
    .card .logo {
      height: var(--fjord-cluster-badge-logo-size, 2.5rem);
    }
    ::slotted(*) {
      display: block;
      height: 100%;
      width: auto;
    }
    p,
    ul {
      margin: 0;
    }
    ul {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1rem;
      padding: 0;
      list-style: none;
    }
    a {
      color: inherit;
      font-weight: 600;
    }
    a:focus-visible {
      outline-color: currentColor;
    }
  `,
];
