// The demo page's own script: a language switch (every widget follows <html lang>), and the outcome
// of a signup posted without JavaScript (the reference server redirects back with ?signup=ok|error).
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
