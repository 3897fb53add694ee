// Server rendering in Node (src/ssr/ssr.ts): each widget's shadow root as Declarative Shadow DOM. The browser side
// (the demo article with scripts off and on, hydration) is test/ssr/ssr.test.ts.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { renderDocument, renderFragment } from '../../src/ssr/ssr.ts';

const shadowOf = (html, tag) => {
  const start = html.indexOf(`<${tag}`);
  const open = html.indexOf('<template', start);
  return start >= 0 && open >= 0 && open < html.indexOf(`</${tag}>`, start) ? html.slice(open, html.indexOf('</template>', open)) : undefined;
};

const WIDGETS = {
  'fjord-photo': ['<fjord-photo src="/a.jpg" alt="Tre kvinner" width="1600" height="1067" credit="Kent Erik Sjursen"></fjord-photo>', 'Foto'],
  'fjord-article-card': ['<fjord-article-card href="/sak" headline="Ny Arena Pro-klynge" kicker="Næringsliv" sponsored></fjord-article-card>', 'Annonsørinnhold'],
  'fjord-fact-box': ['<fjord-fact-box heading="Fakta om ACT" source="Innovasjon Norge"><p>Fakta</p></fjord-fact-box>', 'Kilde'],
  'fjord-cluster-badge': ['<fjord-cluster-badge variant="card" name="Arctic Cluster Team" level="arena-pro" partners="83"></fjord-cluster-badge>', '83 partnere'],
  'fjord-newsletter-signup': ['<fjord-newsletter-signup action="/api/newsletter" consent-required></fjord-newsletter-signup>', 'Meld meg på'],
};

describe('renderFragment', () => {
  for (const [tag, [markup, word]] of Object.entries(WIDGETS)) {
    it(`writes <${tag}>'s shadow root, styles and text in the page's language`, () => {
      const shadow = shadowOf(renderFragment(markup, { lang: 'nb' }), tag);
      assert.ok(shadow, 'a declarative shadow root');
      assert.match(shadow, /^<template [^>]*shadowrootmode="open"/);
      assert.match(shadow, /<style>[\s\S]*:host/);
      assert.ok(shadow.includes(word), `"${word}" in ${shadow.slice(-400)}`);
    });
  }

  it('takes the language from the page, a widget’s own lang winning; English when none is given', () => {
    const photo = (attrs) => shadowOf(renderFragment(`<fjord-photo src="/a.jpg" alt="" credit="Ola" ${attrs}></fjord-photo>`, { lang: 'nn' }), 'fjord-photo');
    assert.match(photo(''), />Foto: </);
    assert.match(photo('lang="en"'), />Photo: </);
    assert.match(shadowOf(renderFragment('<fjord-photo src="/a.jpg" alt="" credit="Ola"></fjord-photo>'), 'fjord-photo'), />Photo: </);
  });

  it('leaves a signup with the page’s own form to the browser, and the widgets after it hydratable', () => {
    const html = renderFragment(
      '<fjord-newsletter-signup list="a"><form action="/x" method="post"><input type="email" name="email"></form></fjord-newsletter-signup><fjord-photo src="/a.jpg" alt=""></fjord-photo>',
    );
    assert.match(html, /^<fjord-newsletter-signup list="a"><form action="\/x" method="post">/);
    assert.equal(shadowOf(html, 'fjord-newsletter-signup'), undefined);
    assert.ok(shadowOf(html, 'fjord-photo'));
    assert.doesNotMatch(html, /defer-hydration/);
  });

  it('keeps text and markup outside the widgets as written', () => {
    const markup = '<p class="lead">Før <a href="/x">lenke</a> &amp; etter</p>\n<ul><li>1</li></ul>';
    assert.equal(renderFragment(markup), markup);
  });
});

describe('renderDocument', () => {
  it('renders the body in the language of <html lang> and keeps the head', () => {
    const page = '<!doctype html>\n<html lang="nb"><head><title>T</title><link rel="stylesheet" href="a.css"></head><body><fjord-photo src="/a.jpg" alt="" credit="Ola"></fjord-photo></body></html>';
    const html = renderDocument(page);
    assert.ok(html.startsWith('<!doctype html>\n<html lang="nb"><head><title>T</title><link rel="stylesheet" href="a.css"></head><body><fjord-photo'));
    assert.ok(html.endsWith('</fjord-photo></body></html>'));
    assert.match(shadowOf(html, 'fjord-photo'), />Foto: </);
  });

  const page = (head, body = '<fjord-photo src="/a.jpg" alt="" credit="Ola"></fjord-photo>') => `<!doctype html><html lang="nb"><head>${head}</head><body>${body}</body></html>`;

  it('refuses a page that also loads fjord-elements.css, the drop-in file or the autoloader, naming the fix', () => {
    for (const head of [
      '<link rel="stylesheet" href="/fjord-elements/fjord-elements.css">',
      '<script type="module" src="/fjord-elements/fjord-elements.js"></script>',
      '<script type="module" src="https://cdn.jsdelivr.net/npm/fjord-elements@0.1.0/dist/cdn/autoloader.js"></script>',
    ]) {
      assert.throws(() => renderDocument(page(head)), /loads (fjord-elements\.css|fjord-elements\.js|autoloader\.js)[\s\S]*twice[\s\S]*fjord-elements\/hydrate\.js/, head);
    }
  });

  it('accepts the same page without them, with them commented out, or with no widget to render', () => {
    assert.ok(renderDocument(page('<script type="module" src="/js/hydrate.js"></script>')).includes('shadowrootmode'));
    assert.ok(renderDocument(page('<!-- <link rel="stylesheet" href="fjord-elements.css"> -->')).includes('shadowrootmode'));
    const plain = page('<link rel="stylesheet" href="fjord-elements.css">', '<p>Ingen widgets.</p>');
    assert.equal(renderDocument(plain), plain);
  });
});

describe('children the widgets would move into a named slot', () => {
  it('get their slot on the server: a photo’s image, a card’s image and headline, a fact box’s opening heading', () => {
    const html = renderFragment(
      '<fjord-photo credit="Ola">\n  <img src="/a.jpg" alt="">\n  Bildetekst <b>med</b> ord.\n</fjord-photo>' +
        '<fjord-article-card href="/sak"><p>Ingress <img src="/i.png" alt=""></p><picture><img src="/b.jpg" alt=""></picture><h3 class="t">Tittel</h3></fjord-article-card>' +
        '<fjord-fact-box><h3>Fakta</h3><p>x</p></fjord-fact-box>',
    );
    const light = html.replace(/<template[\s\S]*?<\/template>/g, '');
    assert.match(light, /<img slot="image" src="\/a\.jpg" alt="">/);
    assert.match(light, /<p>Ingress <img src="\/i\.png" alt=""><\/p><picture slot="image"><img src="\/b\.jpg" alt=""><\/picture><h3 slot="headline" class="t">/);
    assert.match(light, /<fjord-fact-box><h3 slot="heading">Fakta<\/h3>/);
  });

  it('keep what the page chose, and leave a heading that does not open the fact box in its content', () => {
    const light = renderFragment(
      '<fjord-photo><img src="/a.jpg" alt=""><picture slot="image"><img src="/b.jpg" alt=""></picture></fjord-photo><fjord-fact-box><p>x</p><h3>Ikke tittel</h3></fjord-fact-box>',
    ).replace(/<template[\s\S]*?<\/template>/g, '');
    assert.match(light, /<fjord-photo><img src="\/a\.jpg" alt=""><picture slot="image">/);
    assert.match(light, /<p>x<\/p><h3>Ikke tittel<\/h3>/);
  });

  it('read a child’s own slot attribute, not one written inside another attribute’s value', () => {
    const light = renderFragment(
      `<fjord-photo><img src="/a.jpg" alt="Kart med slot=image i teksten" title='slot="x"'>Bildetekst</fjord-photo>`,
    ).replace(/<template[\s\S]*?<\/template>/g, '');
    assert.match(light, /<img slot="image" src="\/a\.jpg" alt="Kart med slot=image i teksten"/);
  });
});

describe('article card dates on the server', () => {
  it('are written as dates, not as a relative time that would go stale', () => {
    const hoursAgo = new Date(Date.now() - 3 * 36e5).toISOString();
    for (const style of ['', 'date-style="relative"']) {
      const shadow = shadowOf(renderFragment(`<fjord-article-card headline="Sak" published="${hoursAgo}" ${style}></fjord-article-card>`, { lang: 'nb' }), 'fjord-article-card');
      assert.doesNotMatch(shadow, /siden/);
      assert.match(shadow, /<time part="published"[^>]*>(<!--[^>]*-->)*\d{1,2}\. \p{L}+ \d{4}/u);
    }
  });
});
