// What every widget pays for before its own code: Lit, with reactive properties declared as widgets declare them
// (static properties, no decorators). Used only by `npm run size` as the baseline; not part of the package.
import { LitElement, html, css } from 'lit';

export class FjordBaseline extends LitElement {
  static override styles = css`:host{display:block}`;
  static override properties = { label: {}, count: { state: true, attribute: false } };
  label = '';
  private count = 0;
  get #paragraph() {
    return this.renderRoot?.querySelector('p');
  }
  override render() {
    return html`<p @click=${() => this.count++}>${this.label}${this.count}${this.#paragraph ? '' : '.'}</p>`;
  }
}
customElements.define('fjord-baseline', FjordBaseline);
