import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';

/** The interface languages: Norwegian Bokmål, Nynorsk and English. */
export type Locale = 'nb' | 'nn' | 'en';

/** Maps a BCP 47 tag to an interface language: `nn*` → nn, `nb*`/`no*` → nb, anything else → en. */
export function toLocale(tag: string | null | undefined): Locale {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return primary == 'nn' ? 'nn' : primary == 'nb' || primary == 'no' ? 'nb' : 'en';
}

let serverLang = '';

/** Server rendering sees no ancestors: the language of the page being rendered stands in for them. */
export function setServerLang(tag: string): void {
  serverLang = tag;
}

/** The nearest `lang` attribute: the element's, an ancestor's (across shadow roots), or `<html>`'s. */
export function langOf(el: Element): string {
  if (isServer) return el.getAttribute('lang') ?? serverLang;
  for (let node: Element | null = el; node; ) {
    const owner = node.closest('[lang]');
    if (owner) return owner.getAttribute('lang')!;
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return '';
}

let nynorsk: string | undefined;
const hosts = new Set<LocaleController>();
let observer: MutationObserver | undefined;
const WATCH = { attributes: true, attributeFilter: ['lang'], subtree: true };
/**
 * The nearest `lang` above each parent of a widget, looked up once for all its children (a page of a thousand cards
 * in one list does one lookup, not a thousand). Forgotten whenever a widget connects (it may have moved, and its
 * parent with it) and whenever a `lang` changes.
 */
let near: WeakMap<Node, string> | undefined;

/** `langOf`, shared by the children of one parent. */
function nearest(el: Element): string {
  const parent = el.parentNode;
  if (!parent || el.hasAttribute('lang')) return langOf(el);
  let lang = (near ??= new WeakMap()).get(parent);
  if (lang == null) near.set(parent, (lang = langOf(el)));
  return lang;
}

/**
 * Keeps a widget's interface language in step with the nearest `lang`: when one changes on the page, in a shadow
 * root the widget is in, or on the widget itself, and when the widget moves.
 * One MutationObserver for the whole page serves every widget.
 */
export class LocaleController implements ReactiveController {
  #host: ReactiveControllerHost & HTMLElement;
  /** The lang, the locale and the tag for `Intl`, found when first asked for. */
  #tags?: [string, Locale, string];

  constructor(host: ReactiveControllerHost & HTMLElement) {
    (this.#host = host).addController(this);
  }

  /** The resolved BCP 47 tag, as written on the page (`nb`, `nn-NO`, `en-GB`, …); `en` when none. */
  get lang(): string {
    return this.#find()[0];
  }

  /** The interface language. */
  get locale(): Locale {
    return this.#find()[1];
  }

  /**
   * The tag for `Intl`: the interface language, keeping an English page's region (`en-GB`). Nynorsk
   * falls back to Bokmål where the engine has no Nynorsk data (Chromium), rather than to English.
   */
  get intl(): string {
    return this.#find()[2];
  }

  #find(): [string, Locale, string] {
    if (!this.#tags) {
      const lang = nearest(this.#host) || 'en';
      const locale = toLocale(lang);
      this.#tags = [lang, locale, locale == 'nn' ? (nynorsk ??= Intl.NumberFormat.supportedLocalesOf('nn')[0] ?? 'nb') : locale == 'en' && /^en-[a-z]{2}$/i.test(lang) ? lang : locale];
    }
    return this.#tags;
  }

  hostConnected(): void {
    near = undefined;
    hosts.add(this);
    observer ??= new MutationObserver(() => {
      near = undefined;
      hosts.forEach((c) => c.#recheck());
    });
    // Observe the page once, when the first widget arrives: a page of a thousand cards registers one observation.
    if (hosts.size == 1) observer.observe(document.documentElement, WATCH);
    // And each shadow root the widget is in, which the page's observation does not see into.
    for (let root = this.#host.getRootNode(); root instanceof ShadowRoot; root = root.host.getRootNode()) observer.observe(root, WATCH);
    // A widget that moved may be under another lang now; one that just arrived looks when it first renders.
    if (this.#tags) this.#recheck();
  }

  hostDisconnected(): void {
    hosts.delete(this);
    if (!hosts.size) observer?.disconnect();
  }

  #recheck(): void {
    const before = this.#tags?.[0];
    this.#tags = undefined;
    if (this.lang != before) this.#host.requestUpdate();
  }
}
