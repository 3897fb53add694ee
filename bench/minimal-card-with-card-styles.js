/**
 * A diagnostic, not a variant: the minimal element's JavaScript with <fjord-article-card>'s own stylesheets (its
 * shadow styles, and the page styles it adopts into the document). Between the minimal element and the card, it
 * splits the card's extra time into what its CSS costs and what its JavaScript costs. Built by bench/cold.mjs.
 */
import { pageStyles, styles } from '../src/article-card/article-card.styles.ts';
import { BenchMinimalCard } from './minimal-card.js';

let adopted = false;

class BenchMinimalCardWithCardStyles extends BenchMinimalCard {
  static styles = styles;

  connectedCallback() {
    super.connectedCallback();
    if (!adopted) {
      adopted = true;
      document.adoptedStyleSheets.push(pageStyles.styleSheet);
    }
  }
}

customElements.define('bench-minimal-card-with-card-styles', BenchMinimalCardWithCardStyles);
