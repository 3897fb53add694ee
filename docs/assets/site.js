// The site's own behaviour: the language and colour switches, copy buttons, the JSON-LD the examples write, and the
// signup examples answered in place of an endpoint. No inline handlers and no HTML parsing, so it runs under the same
// strict Content Security Policy and Trusted Types as the widgets.
const root = document.documentElement;
const store = {
  get: (key) => {
    try {
      return localStorage.getItem(key);
    } catch {
      return null;
    }
  },
  set: (key, value) => {
    try {
      localStorage.setItem(key, value);
    } catch {
      // Storage blocked: the choice lasts for this page only.
    }
  },
};
const status = document.querySelector('.live-status');
const say = (text) => {
  if (!status) return;
  status.textContent = '';
  setTimeout(() => (status.textContent = text), 50);
};

// Widget language: every live example (and the overview's gallery) follows it; the docs' own text stays English.
const LANGS = ['nb', 'nn', 'en'];
const langTargets = () => document.querySelectorAll('.example-live, .gallery');
function setLang(lang) {
  for (const el of langTargets()) el.lang = lang;
}
const savedLang = store.get('fjord-docs-lang');
if (LANGS.includes(savedLang)) setLang(savedLang);

function setScheme(scheme) {
  root.classList.toggle('scheme-light', scheme === 'light');
  root.classList.toggle('scheme-dark', scheme === 'dark');
}

const prefs = document.querySelector('.prefs');
const langSelect = document.querySelector('#pref-lang');
const schemeSelect = document.querySelector('#pref-scheme');
if (prefs && langSelect && schemeSelect) {
  langSelect.value = LANGS.includes(savedLang) ? savedLang : 'nb';
  schemeSelect.value = store.get('fjord-docs-scheme') ?? 'auto';
  langSelect.addEventListener('change', () => {
    setLang(langSelect.value);
    store.set('fjord-docs-lang', langSelect.value);
  });
  schemeSelect.addEventListener('change', () => {
    setScheme(schemeSelect.value);
    store.set('fjord-docs-scheme', schemeSelect.value);
  });
  prefs.hidden = false;
}

// Copy buttons: the exact HTML shown beside each example.
async function copy(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard API (a page served over plain http): copy the selection the old way.
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'offscreen';
    document.body.append(area);
    area.select();
    const done = document.execCommand('copy');
    area.remove();
    return done;
  }
}
for (const button of document.querySelectorAll('button.copy[data-copy]')) {
  const source = document.getElementById(button.dataset.copy);
  if (!source) continue;
  button.hidden = false;
  button.addEventListener('click', async () => {
    const ok = await copy(source.textContent);
    button.textContent = ok ? 'Copied' : 'Copy failed';
    say(ok ? 'HTML copied' : 'Could not copy: select the code and copy it yourself');
    setTimeout(() => (button.textContent = 'Copy HTML'), 2000);
  });
}

// The JSON-LD an example writes, shown under it as the widget keeps it up to date.
for (const live of document.querySelectorAll('.example-live')) {
  if (!live.querySelector('[structured-data]')) continue;
  const out = document.createElement('pre');
  out.className = 'jsonld';
  out.tabIndex = 0;
  out.setAttribute('aria-label', 'JSON-LD written by the widget');
  const label = document.createElement('p');
  label.className = 'jsonld-label';
  label.textContent = 'JSON-LD written by the widget:';
  live.after(label, out);
  const show = () => {
    const scripts = [...live.querySelectorAll('script[type="application/ld+json"]')];
    out.textContent = scripts.length ? scripts.map((s) => JSON.stringify(JSON.parse(s.textContent), null, 2)).join('\n') : '(not written yet)';
  };
  show();
  new MutationObserver(show).observe(live, { subtree: true, childList: true, characterData: true });
}

// Signup examples send nothing: the page takes over (cancels fjord-signup-submit) and answers itself.
document.addEventListener('fjord-signup-submit', (event) => {
  const widget = event.target;
  if (!widget.closest?.('.example-live, .gallery')) return;
  event.preventDefault();
  setTimeout(() => (widget.dataset.docsState === 'error' ? widget.fail() : widget.succeed()), 800);
});
customElements.whenDefined('fjord-newsletter-signup').then(async () => {
  for (const widget of document.querySelectorAll('fjord-newsletter-signup[data-docs-state="error"]')) {
    await widget.updateComplete;
    widget.fail();
  }
});
