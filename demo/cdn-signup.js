// The drop-in page's own script: this signup box is sent by the page itself (here: nowhere), to show the
// cancelable fjord-signup-submit event and succeed(). An external module, so a strict CSP allows it.
const box = document.querySelector('#signup-demo');
box?.addEventListener('fjord-signup-submit', (event) => {
  event.preventDefault();
  setTimeout(() => box.succeed(), 600);
});
