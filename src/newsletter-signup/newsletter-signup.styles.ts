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
    }
    form,
    input,
    button {
      font: inherit;
      line-height: 1.5;
    }
    [part=label] {
      display: grid;
      gap: 0.25em;
      width: min(100%, 28em);
    }
    [part=input] {
      padding: 0.5em 0.75em;
      border: 1px solid var(--_muted);
      border-radius: var(--_radius);
    }
    [aria-invalid=true] {
      outline: 2px solid var(--_error);
    }
    [part=consent] {
      display: flex;
      gap: 0.5em;
      align-items: start;
    }
    [part=note],
    [part=error] {
      color: var(--_error);
    }
    button {
      padding: 0.5em 1.25em;
      border: 1px solid;
      border-radius: var(--_radius);
      background: var(--fjord-newsletter-signup-button, var(--_accent));
      color: var(--_on-accent);
      font-weight: 600;
    }
    [aria-busy=true]::after {
      content: ' …';
    }
    [part=error] {
      margin-top: 0.75em;
    }
    [part=retry] {
      background: none;
      color: inherit;
    }
    [part=success] {
      padding-inline-start: 1em;
      border-inline-start: 4px solid var(--_accent);
    }
  `,
];
