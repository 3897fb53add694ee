import { css } from 'lit';
import { tokens } from '../shared/tokens.js';

/* Keep the figure's box model in step with fjord-elements.css, so nothing moves at upgrade. */
export const styles = [
  tokens,
  css`
    :host {
      display: block;
      margin: 0;
    }
    figure {
      margin: 0;
    }
    .frame {
      position: relative;
      margin: 0 0 0.5rem;
      overflow: hidden;
      border-radius: var(--fjord-photo-radius, 0);
    }
    ::slotted(img),
    ::slotted(picture),
    img[part='image'] {
      display: block;
      width: 100%;
      height: auto;
    }
    ::slotted(picture) {
      display: contents;
    }
    .cropped ::slotted(img),
    .cropped img[part='image'] {
      height: 100%;
      object-fit: cover;
    }
    .broken {
      min-height: 8rem;
      background: var(--fjord-photo-fallback-background, var(--_surface));
    }
    .broken ::slotted(*),
    .broken img[part='image'] {
      display: none !important;
    }
    .fallback {
      position: absolute;
      inset: 0;
      display: grid;
      place-items: center;
      padding: var(--_space);
      text-align: center;
      color: var(--_muted);
      font-size: 0.875rem;
    }
    figcaption {
      font-size: var(--fjord-photo-caption-size, 0.875rem);
      line-height: 1.45;
    }
    .credit {
      color: var(--fjord-photo-credit-color, var(--_muted));
    }
    .zoom,
    .close {
      position: absolute;
      inset-block-start: 0.5rem;
      inset-inline-end: 0.5rem;
      display: grid;
      place-items: center;
      width: 2.75rem;
      height: 2.75rem;
      padding: 0;
      border: 0;
      border-radius: 50%;
      background: rgb(0 0 0 / 0.6);
      color: #fff;
      cursor: zoom-in;
    }
    .zoom:hover,
    .close:hover {
      background: rgb(0 0 0 / 0.8);
    }
    .zoom:focus-visible,
    .close:focus-visible {
      outline: 3px solid #fff;
      box-shadow: 0 0 0 5px #000;
      outline-offset: 0;
    }
    svg {
      width: 1.4rem;
      height: 1.4rem;
      fill: none;
      stroke: currentColor;
      stroke-width: 2;
      stroke-linecap: round;
    }
    dialog {
      width: 100vw;
      max-width: 100vw;
      height: 100vh;
      max-height: 100vh;
      margin: 0;
      padding: 0;
      border: 0;
      background: transparent;
      color: #f3f3f3;
    }
    dialog::backdrop {
      background: var(--fjord-photo-backdrop, rgb(0 0 0 / 0.88));
    }
    .sheet {
      display: flex;
      flex-direction: column;
      align-items: center;
      justify-content: center;
      gap: 0.75rem;
      box-sizing: border-box;
      min-height: 100%;
      margin: auto;
      padding: 4rem 1rem 1.5rem;
      pointer-events: none;
    }
    .sheet > * {
      pointer-events: auto;
    }
    .close {
      position: fixed;
      inset-block-start: 1rem;
      inset-inline-end: 1rem;
      cursor: pointer;
      background: rgb(255 255 255 / 0.15);
    }
    .full {
      max-width: min(100%, 1600px);
      max-height: calc(100vh - 10rem);
      object-fit: contain;
    }
    .dialog-caption {
      max-width: 60rem;
      margin: 0;
      font-size: 0.9375rem;
      line-height: 1.45;
    }
    .dialog-caption .credit {
      color: #c9c9c9;
    }
    @media print {
      .zoom {
        display: none;
      }
    }
  `,
];
