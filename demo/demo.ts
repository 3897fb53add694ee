// The demo page's own script: a language switch (every widget follows <html lang>), the outcome of a
// signup posted without JavaScript (the reference server redirects back with ?signup=ok|error), and JSON-LD
// for the "Les også" strip.
const select = document.querySelector<HTMLSelectElement>('#lang');
if (select) {
  select.value = document.documentElement.lang;
  select.addEventListener('change', () => {
    document.documentElement.lang = select.value;
  });
}

const outcome = new URLSearchParams(location.search).get('signup');
const notice = document.querySelector<HTMLElement>('#signup-outcome');
if (notice && (outcome === 'ok' || outcome === 'error')) {
  notice.textContent =
    outcome === 'ok'
      ? 'Takk! Sjekk e-posten din for å bekrefte påmeldingen.'
      : 'Påmeldingen gikk ikke gjennom. Sjekk adressen og prøv igjen.';
  notice.classList.toggle('error', outcome === 'error');
  notice.hidden = false;
}

// Search engines read the "Les også" strip as one ItemList of articles.
const strip = document.querySelector<HTMLElement>('#les-ogsa-cards');
if (strip) {
  void customElements.whenDefined('fjord-article-card').then((card) => (card as unknown as { describeList(list: HTMLElement): void }).describeList(strip));
}
