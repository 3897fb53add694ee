/**
 * Sanitizer presets: what `fjord-elements/sanitize.js` exports, made from the allowlist that the build writes from the
 * Custom Elements Manifest. Plain data and functions: neither DOMPurify nor sanitize-html is imported; the site passes
 * the configuration to its own copy.
 */

/** Every tag the widgets read, with the attributes each reads, and which of them hold URLs. */
export interface Allowlist {
  /** The fjord tags, then the tags the widgets' children need (`img`, `picture`, `source`, the signup's form …). */
  tags: string[];
  /** The attributes allowed on each tag. */
  attributes: Record<string, string[]>;
  /** Per tag, the attributes whose value is a URL: a sanitizer must apply its URL-scheme rules to each. */
  urlAttributes: Record<string, string[]>;
  /** Per tag, the URL attributes that hold a `srcset`-style list of candidates (`url 800w, url 1600w`). */
  srcsetAttributes: Record<string, string[]>;
  /** Per tag, attributes whose value must be one of a list, lower case (`input`: `type` is `email`, `text` …). */
  attributeValues: Record<string, Record<string, string[]>>;
  /** The URL schemes the widgets use (relative and fragment URLs besides). Anything else they drop. */
  urlSchemes: string[];
}

/** The DOMPurify options the preset reads or sets (the rest of the page's configuration is passed through as is). */
export interface DOMPurifyConfig {
  ADD_TAGS?: string[] | ((tagName: string) => boolean);
  ADD_ATTR?: string[] | ((attributeName: string, tagName: string) => boolean);
  ADD_URI_SAFE_ATTR?: string[];
}

/** What DOMPurify passes to an `uponSanitizeAttribute` hook (the fields the fjord hook reads and sets). */
export interface DOMPurifyAttributeHookEvent {
  attrName: string;
  attrValue: string;
  keepAttr: boolean;
}

/** A DOMPurify instance: the default export of `dompurify`, or `DOMPurify(window)`. */
export interface DOMPurifyLike {
  addHook(entryPoint: 'uponSanitizeAttribute', hook: (node: Element, data: DOMPurifyAttributeHookEvent) => void): void;
}

/** What `forDOMPurify()` returns: the page's configuration with the fjord tags and attributes added. */
export type FjordDOMPurifyConfig<C> = Omit<C, keyof DOMPurifyConfig> & {
  ADD_TAGS: string[] | ((tagName: string) => boolean);
  ADD_ATTR: string[] | ((attributeName: string, tagName: string) => boolean);
  ADD_URI_SAFE_ATTR: string[];
};

type SanitizeHtmlAttribute = string | { name: string; multiple?: boolean; values: string[] };
type SanitizeHtmlTag = { tagName: string; attribs: Record<string, string>; text?: string };
type SanitizeHtmlTransform = string | ((tagName: string, attribs: Record<string, string>) => SanitizeHtmlTag);

/** The sanitize-html options the preset reads or sets (the rest is passed through as is). */
export interface SanitizeHtmlOptions {
  allowedTags?: string[] | false;
  allowedAttributes?: Record<string, SanitizeHtmlAttribute[]> | false;
  allowedSchemes?: string[];
  allowedSchemesByTag?: Record<string, string[]>;
  allowedSchemesAppliedToAttributes?: string[];
  selfClosing?: string[];
  transformTags?: Record<string, SanitizeHtmlTransform>;
}

/** What `forSanitizeHtml()` returns: the page's options with the fjord tags, attributes and URL rules added. */
export type FjordSanitizeHtmlOptions<O> = Omit<O, keyof SanitizeHtmlOptions> & {
  allowedTags: string[] | false;
  allowedAttributes: Record<string, SanitizeHtmlAttribute[]> | false;
  allowedSchemes: string[];
  allowedSchemesByTag: Record<string, string[]>;
  allowedSchemesAppliedToAttributes: string[];
  selfClosing: string[];
  transformTags: Record<string, SanitizeHtmlTransform>;
};

const unique = <T>(list: T[]) => [...new Set(list)];
/** The DOMPurify instances `addDOMPurifyHooks()` has hooked, so that a second call adds no second hook. */
const hooked = new WeakSet<DOMPurifyLike>();

/**
 * sanitize-html 2.x's documented defaults (`sanitizeHtml.defaults`) for the options the preset extends. sanitize-html
 * is not imported (the site passes options to its own copy), and it replaces rather than merges an option that is set,
 * so extending "what sanitize-html allows anyway" needs the list itself: `forSanitizeHtml()` then allows what
 * `sanitizeHtml(dirty)` allows plus the widgets, the same as `forSanitizeHtml({}, sanitizeHtml.defaults)`. A test
 * compares this copy with the installed sanitize-html's defaults; a site on another version passes its own.
 */
const SANITIZE_HTML_DEFAULTS = {
  allowedTags: [
    ...['address', 'article', 'aside', 'footer', 'header', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hgroup', 'main', 'nav', 'section'],
    ...['blockquote', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'hr', 'li', 'menu', 'ol', 'p', 'pre', 'ul'],
    ...['a', 'abbr', 'b', 'bdi', 'bdo', 'br', 'cite', 'code', 'data', 'dfn', 'em', 'i', 'kbd', 'mark', 'q', 'rb', 'rp', 'rt', 'rtc', 'ruby'],
    ...['s', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr'],
    ...['caption', 'col', 'colgroup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr'],
  ],
  allowedAttributes: { a: ['href', 'name', 'target'], img: ['src', 'srcset', 'alt', 'title', 'width', 'height', 'loading'] },
  allowedSchemes: ['http', 'https', 'ftp', 'mailto', 'tel'],
  allowedSchemesAppliedToAttributes: [
    ...['href', 'src', 'cite', 'action', 'formaction', 'data', 'xlink:href', 'poster', 'background', 'ping', 'longdesc'],
    ...['usemap', 'codebase', 'classid', 'archive', 'profile', 'manifest', 'itemid', 'dynsrc', 'lowsrc'],
  ],
  selfClosing: ['img', 'br', 'hr', 'area', 'base', 'basefont', 'input', 'link', 'meta', 'col'],
} satisfies SanitizeHtmlOptions;
const SCHEME = /^([a-z][a-z\d+.-]*):/i;

/** The presets for one allowlist (the generated `sanitize.js` calls this with the build's allowlist). */
export function presets(allowlist: Allowlist) {
  const tags = new Set(allowlist.tags);
  const allowed = new Map(Object.entries(allowlist.attributes).map(([tag, names]) => [tag, new Set(names)]));
  const names = unique(Object.values(allowlist.attributes).flat());
  const urls = new Set(Object.values(allowlist.urlAttributes).flat());
  // Text attributes of the fjord tags ("Foto: NTB" in a caption) are not URLs: DOMPurify must not read "Foto:" as a scheme.
  const text = unique(
    allowlist.tags
      .filter((tag) => tag.startsWith('fjord-'))
      .flatMap((tag) => allowlist.attributes[tag].filter((name) => !allowlist.urlAttributes[tag]?.includes(name) && !urls.has(name))),
  );

  /**
   * A DOMPurify configuration that adds the fjord tags and what their children need to the page's own `config`.
   * Tags and attributes the page adds stay added; `FORBID_TAGS` and `FORBID_ATTR` still win; DOMPurify's URL check
   * stays on every URL attribute (`href`, `src`, `image-src`, `full-src`, `action` …). Added as lists, as DOMPurify 3
   * takes them (its attribute list is one for all tags); a page that gives `ADD_TAGS` or `ADD_ATTR` as a function gets
   * one function that asks both, which needs DOMPurify 3.4 or later (earlier versions skipped checks for functions).
   */
  function forDOMPurify<C extends object = Record<never, never>>(config?: C & DOMPurifyConfig): FjordDOMPurifyConfig<C> {
    const own = (config ?? {}) as DOMPurifyConfig;
    const siteTags = own.ADD_TAGS;
    const siteAttrs = own.ADD_ATTR;
    return {
      ...(config as C),
      ADD_TAGS: typeof siteTags == 'function' ? (tagName: string) => tags.has(tagName) || siteTags(tagName) : unique([...(siteTags ?? []), ...tags]),
      ADD_ATTR:
        typeof siteAttrs == 'function'
          ? (attributeName: string, tagName: string) => Boolean(allowed.get(tagName)?.has(attributeName)) || siteAttrs(attributeName, tagName)
          : unique([...(siteAttrs ?? []), ...names]),
      ADD_URI_SAFE_ATTR: unique([...(own.ADD_URI_SAFE_ATTR ?? []), ...text]),
    };
  }

  /**
   * sanitize-html options that add the fjord tags, their attributes and URL rules to the page's own `options`.
   * sanitize-html replaces (does not merge) each option a page sets, so the preset starts from the page's value or,
   * where the page set none, from `defaults` (`sanitizeHtml.defaults` of the site's copy) or, without `defaults`, from
   * sanitize-html 2's documented defaults. URL schemes are checked on every URL
   * attribute, each candidate of `srcset` and `image-srcset` included, and the fjord tags accept only the schemes the
   * widgets use. An attribute with a list of values (`<input type>`) gets sanitize-html's `{ name, values }` rule, unless
   * the page has its own rule for it.
   */
  function forSanitizeHtml<O extends object = Record<never, never>>(
    options?: O & SanitizeHtmlOptions,
    defaults?: SanitizeHtmlOptions,
  ): FjordSanitizeHtmlOptions<O> {
    const own = (options ?? {}) as SanitizeHtmlOptions;
    // The site's value, else `defaults`, else sanitize-html's own default: what `sanitizeHtml(dirty)` allows.
    const base = <K extends keyof typeof SANITIZE_HTML_DEFAULTS>(key: K): NonNullable<SanitizeHtmlOptions[K]> =>
      (key in own ? own[key] : (defaults?.[key] ?? SANITIZE_HTML_DEFAULTS[key])) as NonNullable<SanitizeHtmlOptions[K]>;
    const allowedTags = base('allowedTags');
    const allowedAttributes = base('allowedAttributes');
    const allowedSchemes = base('allowedSchemes');
    const byTag = own.allowedSchemesByTag ?? defaults?.allowedSchemesByTag ?? {};
    const transforms = own.transformTags ?? {};
    const schemesByTag = { ...byTag };
    for (const tag of allowlist.tags.filter((t) => allowlist.urlAttributes[t] && t.startsWith('fjord-'))) {
      schemesByTag[tag] = (byTag[tag] ?? allowedSchemes).filter((scheme) => allowlist.urlSchemes.includes(scheme.toLowerCase()));
    }
    const transformTags = { ...transforms };
    for (const [tag, names] of Object.entries(allowlist.srcsetAttributes)) {
      // sanitize-html checks each candidate of `srcset` itself; other candidate lists get the same check here.
      const extra = names.filter((name) => name != 'srcset');
      if (!extra.length) continue;
      const next = transforms[tag] ?? transforms['*'];
      transformTags[tag] = (tagName, attribs) => {
        const schemes = schemesByTag[tagName] ?? allowedSchemes;
        for (const name of extra) {
          if (name in attribs && !safeCandidates(attribs[name], schemes)) delete attribs[name];
        }
        if (typeof next == 'function') return next(tagName, attribs);
        return { tagName: next ?? tagName, attribs };
      };
    }
    return {
      ...(options as O),
      allowedTags: allowedTags === false ? false : unique([...allowedTags, ...allowlist.tags]),
      allowedAttributes:
        allowedAttributes === false
          ? false
          : {
              ...allowedAttributes,
              ...Object.fromEntries(
                Object.entries(allowlist.attributes).map(([tag, names]) => {
                  const mine = allowedAttributes[tag] ?? [];
                  const named = new Set(mine.map((a) => (typeof a == 'string' ? a : a.name)));
                  const added = names.filter((name) => !named.has(name)).map((name) => {
                    // sanitize-html compares values exactly: the lists are lower case, as the widgets' markup is.
                    const values = allowlist.attributeValues[tag]?.[name];
                    return values ? { name, values } : name;
                  });
                  return [tag, [...mine, ...added]];
                }),
              ),
            },
      allowedSchemes,
      allowedSchemesByTag: schemesByTag,
      allowedSchemesAppliedToAttributes: unique([...base('allowedSchemesAppliedToAttributes'), ...urls]),
      // `<source>` is a void element; sanitize-html would otherwise write a stray `</source>`.
      selfClosing: unique([...base('selfClosing'), 'source']),
      transformTags,
    };
  }

  /**
   * Installs on a DOMPurify instance (once; later calls do nothing) an `uponSanitizeAttribute` hook for what DOMPurify
   * cannot be configured to check. DOMPurify checks the URL scheme of the first candidate of a `srcset` only; the
   * hook drops each candidate of a `srcset`-style attribute of the allowlist (`srcset`, `image-srcset`) whose scheme
   * is not one the widgets use, and the attribute when none is left. It also removes an attribute whose value must be
   * one of a list (`attributeValues`: `<input type="password">` loses its type). The hook runs for every `sanitize()` call of
   * that instance, with or without `forDOMPurify()`.
   */
  function addDOMPurifyHooks(purify: DOMPurifyLike): void {
    if (hooked.has(purify)) return;
    hooked.add(purify);
    purify.addHook('uponSanitizeAttribute', (node, data) => {
      const tag = node.localName;
      if (allowlist.srcsetAttributes[tag]?.includes(data.attrName)) {
        const safe = safeCandidateList(data.attrValue, allowlist.urlSchemes);
        if (!safe.length) data.keepAttr = false;
        else if (!safeCandidates(data.attrValue, allowlist.urlSchemes)) data.attrValue = safe.map((candidate) => candidate.trim()).join(', ');
      }
      const values = allowlist.attributeValues[tag]?.[data.attrName];
      if (values && !values.includes(data.attrValue.trim().toLowerCase())) data.keepAttr = false;
    });
  }

  return { forDOMPurify, forSanitizeHtml, addDOMPurifyHooks };
}

/** The candidates of a `srcset`-style list (`url 800w, url 1600w`) that are relative or use one of `schemes`. */
function safeCandidateList(value: string, schemes: string[]): string[] {
  return value.split(',').filter((candidate) => {
    const url = candidate.trim().split(/\s+/)[0].replace(/[\0-\x20\x7f-\x9f]/g, '');
    const scheme = SCHEME.exec(url)?.[1].toLowerCase();
    return scheme === undefined || schemes.some((s) => s.toLowerCase() == scheme);
  });
}

/** Whether every candidate URL of a `srcset`-style list is relative or uses one of `schemes`. */
function safeCandidates(value: string, schemes: string[]): boolean {
  return safeCandidateList(value, schemes).length == value.split(',').length;
}
