import { css } from 'lit';
import { tokens } from '../shared/tokens.js';

/*
 * Each built-in level (class l-<key>) has its own ink (--_i) and tint (--_t), 6:1 or more in light and dark; an expired status is
 * grey whatever the page's colours. The chip's box model matches fjord-elements.css, so nothing moves at upgrade: a tag
 * takes 1.5em before its text (.25em gap, 1em icon, .25em margin), which the stylesheet writes as an em and an en space.
 */
export const styles = [
  tokens,
  css`
    :host {
      display: inline-block;
      vertical-align: middle;
    }
    :host([variant=card]) {
      display: block;
    }
    div {
      --_i: light-dark(#333, #eee);
      --_t: var(--_surface);
      display: inline-flex;
      flex-wrap: wrap;
      align-items: center;
      gap: .25em;
      padding: .125em .625em;
      border: 1px solid;
      border-radius: 1em;
      color: var(--fjord-cluster-badge-color, var(--_i));
      background: var(--fjord-cluster-badge-background, var(--_t));
      font-size: .875em;
      font-weight: 600;
      line-height: 1.5;
    }
    .custom {
      --_i: var(--_accent);
    }
    .l-arena {
      --_i: light-dark(#163, #8d9);
      --_t: light-dark(#efe, #132);
    }
    .l-arena-pro {
      --_i: light-dark(#05a, #9cf);
      --_t: light-dark(#def, #123);
    }
    .l-gce {
      --_i: light-dark(#629, #dbf);
      --_t: light-dark(#fef, #213);
    }
    .expired {
      border-style: dashed;
      color: var(--_muted);
      background: var(--_surface);
    }
    .tags {
      display: contents;
    }
    .card {
      display: grid;
      justify-items: start;
      gap: .5em;
      padding: var(--_space);
      border-inline-start-width: .25rem;
      border-radius: var(--_radius);
      font-size: 1em;
      font-weight: 400;
    }
    .card .tags {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1em;
      font-weight: 600;
    }
    .card [part=name] {
      font-size: 1.2em;
      font-weight: 700;
    }
    svg {
      width: 1em;
      margin-inline-end: .25em;
      vertical-align: -.125em;
      fill: currentColor;
    }
    .expired svg {
      fill: none;
      stroke: currentColor;
      stroke-width: 2;
    }
    ::slotted(*) {
      height: var(--fjord-cluster-badge-logo-size, 1.25em);
      width: auto;
    }
    .card ::slotted(*) {
      height: var(--fjord-cluster-badge-logo-size, 2.5em);
    }
    p,
    ul {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    a {
      color: inherit;
    }
  `,
];
