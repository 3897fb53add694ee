import { css } from 'lit';
import { tokens } from '../shared/tokens.js';

/* Keep the box model in step with fjord-elements.css, so nothing moves at upgrade. */
export const styles = [
  tokens,
  css`
    :host {
      display: block;
    }
    figure {
      margin: 0;
    }
    .frame {
      position: relative;
      margin-bottom: .5rem;
      overflow: hidden;
      border-radius: var(--fjord-photo-radius, 0);
    }
    ::slotted(img),
    [part=image] {
      display: block;
      width: 100%;
      height: auto;
    }
    ::slotted(picture) {
      display: contents;
    }
    .cropped ::slotted(img),
    .cropped [part=image] {
      height: 100%;
      object-fit: cover;
    }
    .broken {
      min-height: 8rem;
      background: var(--fjord-photo-fallback-background, var(--_surface));
    }
    .broken ::slotted(*),
    .broken [part=image] {
      display: none !important;
    }
    [part=fallback] {
      position: absolute;
      inset: 0;
      display: grid;
      place-items: center;
      padding: 1rem;
      text-align: center;
      color: var(--_muted);
    }
    figcaption {
      font-size: var(--fjord-photo-caption-size, .875rem);
      line-height: 1.45;
    }
    .credit {
      color: var(--fjord-photo-credit-color, var(--_muted));
    }
    button {
      position: absolute;
      top: .5rem;
      right: .5rem;
      display: grid;
      place-items: center;
      width: 2.75rem;
      height: 2.75rem;
      padding: 0;
      border: 0;
      border-radius: 50%;
      background: #000a;
      color: #fff;
      cursor: pointer;
    }
    button:focus-visible {
      outline: 3px solid #fff;
      box-shadow: 0 0 0 5px #000;
    }
    svg {
      width: 1.4rem;
      fill: none;
      stroke: currentColor;
      stroke-width: 2;
    }
    dialog {
      box-sizing: border-box;
      width: 100%;
      height: 100%;
      max-width: none;
      max-height: none;
      padding: 4rem 1rem 1rem;
      border: 0;
      background: none;
      color: #eee;
      text-align: center;
    }
    dialog::backdrop {
      background: var(--fjord-photo-backdrop, #000e);
    }
    dialog img {
      max-width: 100%;
      max-height: calc(100% - 6rem);
    }
    dialog .credit {
      color: #ccc;
    }
    @media print {
      button {
        display: none;
      }
    }
  `,
];
