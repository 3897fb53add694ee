import { css } from 'lit';
import { tokens } from '../shared/tokens.js';

/* Keep the host's box model in step with fjord-elements.css, so nothing moves at upgrade. */
export const styles = [
  tokens,
  css`
    :host {
      --_a: var(--fjord-fact-box-accent, var(--_accent));
      display: block;
      padding: var(--_space);
      border-inline-start: 4px solid var(--_a);
      background: var(--fjord-fact-box-background, var(--_surface));
      line-height: 1.5;
    }
    :host([tone=info]) {
      --_a: var(--fjord-info, light-dark(#0b55a3, #8cbcff));
    }
    :host([tone=warning]) {
      --_a: var(--fjord-warning, light-dark(#9a4a00, #f0b35a));
    }
    :host([tone=neutral]) {
      --_a: var(--_muted);
    }
    #h {
      font-size: 1.125rem;
      font-weight: 700;
      line-height: 1.3;
    }
    [role=heading],
    [name=heading]::slotted(*) {
      margin: 0 0 .5rem;
      font: inherit;
    }
    #c {
      --_h: var(--fjord-fact-box-collapsed-height, 12lh);
      position: relative;
      overflow: clip;
      overflow-clip-margin: .5rem;
      interpolate-size: allow-keywords;
    }
    .folded {
      height: var(--_h);
      mask: linear-gradient(#000 calc(100% - 3lh), #0000);
    }
    .ruler {
      position: absolute;
      height: var(--_h);
    }
    ::slotted(*) {
      margin-top: 0;
    }
    ::slotted(:last-child) {
      margin-bottom: 0;
    }
    ::slotted(dl) {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, max(9em, 34%)), 1fr));
      gap: .25em 1em;
    }
    button {
      min-height: 2.75rem;
      margin-top: .5rem;
      padding: .25rem 1rem;
      border: 2px solid;
      border-radius: var(--_radius);
      background: none;
      color: var(--_a);
      font: inherit;
      font-weight: 600;
    }
    [part=source] {
      margin-inline-end: 1rem;
    }
    p {
      margin: .75rem 0 0;
      color: var(--_muted);
      font-size: .875rem;
    }
    /* Opening slides; folding, and folds that come from measuring, snap. */
    @media (prefers-reduced-motion: no-preference) {
      :host([open]) #c {
        transition: height .3s;
      }
    }
    @media print {
      .folded {
        height: auto;
        mask: none;
      }
      button {
        display: none;
      }
    }
  `,
];
