import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { claimServerRoot } from './server-root.js';

/** The interface languages: Norwegian Bokmål, Nynorsk and English. */
export type Locale = 'nb' | 'nn' | 'en';

/** Maps a BCP 47 tag to an interface language: `nn*` → nn, `nb*`/`no*` → nb, anything else → en. */
export function toLocale(tag: string | null | undefined): Locale {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return primary == 'nn' ? primary : primary == 'nb' || primary == 'no' ? 'nb' : 'en';
}

let serverLang = '';

/** Server rendering sees no ancestors: the language of the page being rendered stands in for them. */
export function setServerLang(tag: string): void {
  serverLang = tag;
}

let nynorsk: string | undefined;
const hosts = new Set<LocaleController>();
let observer: MutationObserver | undefined;
const WATCH = { attributes: true, attributeFilter: ['lang'], subtree: true };

/**
 * The nearest `lang` attribute: the element's, an ancestor's (across shadow roots), or `<html>`'s. Each shadow root
 * it looks in is watched from then on, as the page's one observation does not see into shadow roots.
 */
export function langOf(el: Element): string {
  if (isServer) return el.getAttribute('lang') ?? serverLang;
  for (let node: Element | null = el; node; ) {
    const root = node.getRootNode();
    const host: Element | null = root instanceof ShadowRoot ? root.host : null;
    if (host) observer?.observe(root, WATCH);
    const owner = node.closest('[lang]');
    if (owner) return owner.getAttribute('lang')!;
    node = host;
  }
  return '';
}

/**
 * Keeps a widget's interface language in step with the nearest `lang`: when one changes on the page, in a shadow root
 * the widget is in, or on the widget itself, and when the widget moves.
 * One MutationObserver for the whole page serves every widget.
 */
export class LocaleController implements ReactiveController {
  #host: ReactiveControllerHost & HTMLElement & { hasUpdated: boolean };
  #lang?: string;

  constructor(host: ReactiveControllerHost & HTMLElement & { hasUpdated: boolean }) {
    (this.#host = host).addController(this);
  }

  /** The resolved BCP 47 tag, as written on the page (`nb`, `nn-NO`, `en-GB`, …); `en` when none. */
  get lang(): string {
    return (this.#lang ??= langOf(this.#host) || 'en');
  }

  /** The interface language. */
  get locale(): Locale {
    return toLocale(this.lang);
  }

  /**
   * The tag for `Intl`: the interface language, keeping an English page's region (`en-GB`). Nynorsk
   * falls back to Bokmål where the engine has no Nynorsk data (Chromium), rather than to English.
   */
  get intl(): string {
    const locale = this.locale;
    if (locale == 'nn') return (nynorsk ??= Intl.NumberFormat.supportedLocalesOf('nn')[0] ?? 'nb');
    return locale == 'en' && /^en-[a-z]{2}$/i.test(this.lang) ? this.lang : locale;
  }

  hostConnected(): void {
    // Every widget connects through here, after its render root exists and before its first render.
    claimServerRoot(this.#host);
    // A widget that moved may be under another lang now; one that just arrived looks when it first renders.
    if (this.#lang) this.#recheck();
    hosts.add(this);
    // Observe once, when the first widget arrives: a page of a thousand cards registers one observation.
    if (hosts.size == 1) {
      observer ??= new MutationObserver(() => hosts.forEach((c) => c.#recheck()));
      observer.observe(document.documentElement, WATCH);
    }
  }

  hostDisconnected(): void {
    hosts.delete(this);
    if (!hosts.size) observer?.disconnect();
  }

  /** Looks again, and renders again when the language changed. */
  #recheck(): void {
    if (this.#lang != ((this.#lang = undefined), this.lang)) this.#host.requestUpdate();
  }
}
