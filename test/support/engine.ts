import { emulateMedia } from '@web/test-runner-commands';
import { expect } from '@open-wc/testing';
import { nextFrame } from './helpers.js';

// What the runner can drive differs by engine: Chromium (CDP) emulates media; WebKit runs through WebDriver.
export const chromium = navigator.userAgent.includes('Chrome/');
export const webdriver = !chromium && !navigator.userAgent.includes('Firefox/');

type Media = Parameters<typeof emulateMedia>[0];

/**
 * Runs `check` under a media condition: emulated by the browser where the runner can (Chromium), else by
 * switching the widget's own `@media <rule>` blocks to `switchTo` for the duration (Firefox, WebKit).
 */
export async function underMedia(
  el: Element,
  { emulate, reset, rule, switchTo }: { emulate: Media; reset: Media; rule: string; switchTo: string },
  check: () => void | Promise<void>,
): Promise<void> {
  let switched: [MediaList, string][] = [];
  if (chromium) await emulateMedia(emulate);
  else {
    const rules = el
      .shadowRoot!.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules])
      .filter((r): r is CSSMediaRule => r instanceof CSSMediaRule && r.media.mediaText === rule);
    expect(rules.length, `@media ${rule} in the widget's styles`).to.be.greaterThan(0);
    switched = rules.map((r) => [r.media, r.media.mediaText]);
    for (const [list] of switched) list.mediaText = switchTo;
  }
  try {
    await nextFrame();
    await check();
  } finally {
    if (chromium) await emulateMedia(reset);
    for (const [list, text] of switched) list.mediaText = text;
  }
}

/** Waits for a Lit element's render, two frames (observers measure), and any render that caused. */
export async function settle(el: HTMLElement & { updateComplete: Promise<unknown> }): Promise<void> {
  await el.updateComplete;
  await nextFrame();
  await nextFrame();
  await el.updateComplete;
}
