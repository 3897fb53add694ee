import { css } from 'lit';
import { tokens } from '../shared/tokens.js';

/* Heights in em, in step with the space fjord-elements.css reserves before upgrade. */
export const styles = [
  tokens,
  css`
    :host {
      display: block;
      --_error: var(--fjord-newsletter-signup-error, light-dark(#b3261e, #ffb4ab));
    }
    form {
      display: grid;
      gap: 0.75em;
      justify-items: start;
      line-height: 1.5;
    }
    [part='label'] {
      display: grid;
      gap: 0.25em;
      width: min(100%, 28em);
    }
    input,
    button {
      font: inherit;
      line-height: 1.5;
      border-radius: var(--_radius);
    }
    [part='input'] {
      box-sizing: border-box;
      padding: 0.5em 0.75em;
      border: 1px solid var(--_muted);
      background: Field;
      color: FieldText;
    }
    [aria-invalid='true'] {
      border-color: var(--_error);
      outline: 1px solid var(--_error);
    }
    [part='consent'] {
      display: flex;
      gap: 0.5em;
      align-items: start;
    }
    [type='checkbox'] {
      flex: none;
      width: 1.25em;
      height: 1.25em;
      margin: 0.125em 0 0;
      accent-color: var(--_accent);
    }
    a {
      color: inherit;
    }
    [part='note'],
    [part='error'] {
      color: var(--_error);
    }
    [part='note'] {
      margin-top: -0.5em;
      font-size: 0.875em;
    }
    button {
      padding: 0.5em 1.25em;
      border: 1px solid var(--_accent);
      background: var(--fjord-newsletter-signup-button, var(--_accent));
      color: var(--_on-accent);
      font-weight: 600;
      cursor: pointer;
    }
    [aria-busy='true'] {
      cursor: progress;
    }
    [aria-busy='true']::after {
      content: '';
      display: inline-block;
      width: 0.75em;
      height: 0.75em;
      margin-inline-start: 0.5em;
      border: 2px solid;
      border-inline-end-color: transparent;
      border-radius: 50%;
      animation: spin 0.8s linear infinite;
    }
    @keyframes spin {
      to {
        transform: rotate(1turn);
      }
    }
    @media (prefers-reduced-motion: reduce) {
      [aria-busy='true']::after {
        animation-duration: 3s;
      }
    }
    [part='error'] {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5em 1em;
      align-items: center;
      margin-top: 0.75em;
    }
    [part='error'] p {
      margin: 0;
    }
    [part='retry'] {
      border-color: currentColor;
      background: none;
      color: inherit;
    }
    [part='success'] {
      padding: 0.75em 1em;
      border-inline-start: 4px solid var(--_accent);
      border-radius: var(--_radius);
      background: var(--fjord-newsletter-signup-success-background, var(--_surface));
    }
  `,
];
