// What every widget pays for before its own code: Lit, its decorators and the shared helpers' imports.
// Used only by `npm run size` as the baseline; not part of the package.
import { LitElement, html, css } from 'lit';
import { property, state, query } from 'lit/decorators.js';

export class FjordBaseline extends LitElement {
  static override styles = css`:host{display:block}`;
  @property() label = '';
  @state() private count = 0;
  @query('p') private paragraph?: HTMLElement;
  override render() {
    return html`<p @click=${() => this.count++}>${this.label}${this.count}${this.paragraph ? '' : '.'}</p>`;
  }
}
customElements.define('fjord-baseline', FjordBaseline);
