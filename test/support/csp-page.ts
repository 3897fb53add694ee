// The script of /test-api/csp/page.html: records every CSP violation, then loads the library.
declare global {
  interface Window {
    fjordViolations: string[];
    fjordReady?: boolean;
  }
}

window.fjordViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.fjordViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'}: ${e.sample}`);
});

// Loaded after the listener is in place, so a violation during registration or first render is seen.
await import('../../src/index.js');
const tags = ['fjord-photo', 'fjord-article-card', 'fjord-fact-box', 'fjord-cluster-badge', 'fjord-newsletter-signup'];
await Promise.all(tags.map((tag) => customElements.whenDefined(tag)));
await Promise.all(
  [...document.querySelectorAll(tags.join(','))].map((el) => (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete),
);
window.fjordReady = true;

export {};
