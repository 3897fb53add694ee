// All five widgets under the strict Content Security Policy and Trusted Types the README documents.
// The page is served with the policy in an iframe (the test runner's own page needs inline scripts).
import { expect } from '@open-wc/testing';
import { until } from '../support/helpers.js';

type FrameWindow = Window & { fjordViolations: string[]; fjordReady?: boolean };

async function strictPage(): Promise<{ win: FrameWindow; doc: Document; frame: HTMLIFrameElement }> {
  const frame = document.createElement('iframe');
  frame.style.width = '900px';
  frame.style.height = '700px';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = '/test-api/csp/page.html';
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as FrameWindow;
  await until(() => win.fjordReady === true, 8000, 'widgets on the strict page');
  return { win, doc: frame.contentDocument!, frame };
}

const shadow = (doc: Document, selector: string, inner: string) => doc.querySelector(selector)!.shadowRoot!.querySelector(inner) as HTMLElement;

describe('strict Content Security Policy and Trusted Types', () => {
  it('renders and operates all five widgets with no policy violation', async () => {
    const { win, doc, frame } = await strictPage();
    try {
      // Photo: open the full-size view and close it again.
      shadow(doc, 'fjord-photo', '[part=zoom]').click();
      await until(() => (shadow(doc, 'fjord-photo', 'dialog') as HTMLDialogElement).open, 2000, 'zoom');
      (shadow(doc, 'fjord-photo', 'dialog') as HTMLDialogElement).close();

      // Fact box: fold it open and shut.
      const toggle = shadow(doc, 'fjord-fact-box', '[part~=toggle]');
      toggle.click();
      await until(() => toggle.getAttribute('aria-expanded') === 'true', 2000, 'fact box open');
      toggle.click();
      await until(() => toggle.getAttribute('aria-expanded') === 'false', 2000, 'fact box folded');

      // Newsletter signup: an invalid try, then a real submission to the endpoint.
      const signup = doc.querySelector('fjord-newsletter-signup')!.shadowRoot!;
      const form = signup.querySelector('form')!;
      form.requestSubmit();
      const email = signup.querySelector('input[type=email]') as HTMLInputElement;
      await until(() => email.getAttribute('aria-invalid') === 'true', 2000, 'validation');
      email.value = 'kari@example.no';
      email.dispatchEvent(new Event('input', { bubbles: true }));
      const consent = signup.querySelector('input[type=checkbox]:not([tabindex="-1"])') as HTMLInputElement;
      consent.click();
      form.requestSubmit();
      const success = signup.querySelector('[part=success]') as HTMLElement;
      await until(() => !success.hidden, 4000, 'signup success');
      expect(success.textContent).to.contain('Takk');

      // Language switch re-renders every widget.
      doc.documentElement.lang = 'en';
      await new Promise((r) => setTimeout(r, 100));

      expect(win.fjordViolations).to.deep.equal([]);

      // The harness sees violations when there are some, so the empty list above means something.
      doc.body.setAttribute('style', 'color: red');
      await until(() => win.fjordViolations.length > 0, 2000, 'a violation from an inline style');
      expect(win.fjordViolations[0]).to.match(/^style-src/);
    } finally {
      frame.remove();
    }
  });
});
