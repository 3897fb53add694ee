// The reader's colour choice, applied before the page paints (a classic script in <head>: no flash of the other scheme).
// The widget language is applied by site.js before the widgets load.
try {
  const scheme = localStorage.getItem('fjord-docs-scheme');
  if (scheme === 'light' || scheme === 'dark') document.documentElement.classList.add(`scheme-${scheme}`);
} catch {
  // Storage blocked: the system's scheme applies.
}
