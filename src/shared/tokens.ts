import { css } from 'lit';

/**
 * The private side of the global tokens, shared by every widget (one CSSStyleSheet for all of them).
 * Public `--fjord-*` properties are read with fallbacks and never declared on `:host`, so a page can
 * set them on any ancestor. `light-dark()` follows the page's `color-scheme`.
 */
export const tokens = css`
  :host {
    --_accent: var(--fjord-accent, light-dark(#0b55a3, #8cbcff));
    --_on-accent: var(--fjord-on-accent, light-dark(#fff, #0d1117));
    --_surface: var(--fjord-surface, light-dark(#f4f1ea, #22262c));
    --_muted: var(--fjord-muted, light-dark(#565c66, #b4bac4));
    --_radius: var(--fjord-radius, 4px);
    --_space: var(--fjord-space, 1rem);
  }
  :host([hidden]),
  [hidden] {
    display: none !important;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  :focus-visible {
    outline: 2px solid var(--fjord-focus, light-dark(#0b55a3, #8cbcff));
    outline-offset: 2px;
  }
`;
