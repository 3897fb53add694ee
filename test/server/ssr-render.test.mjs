// Server rendering in Node (src/ssr/ssr.ts): each widget's shadow root as Declarative Shadow DOM. The browser side
// (the demo article with scripts off and on, hydration) is test/ssr.test.ts.
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
});
