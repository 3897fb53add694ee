/** Options of the `fjord-elements/eleventy` plugin: `eleventyConfig.addPlugin(fjordElements, { … })`. */
export interface FjordElementsOptions {
  /**
   * Copy the package's drop-in files (dist/cdn/: fjord-elements.js, fjord-elements.css and what they load) to `url`.
   * Default true; false for a server-rendered site, whose pages must not load them, or when `url` is elsewhere.
   */
  assets?: boolean;
  /** Where `{% fjordElementsHead %}` loads the drop-in files from, and where they are copied to when it is a path of the site. Default `/fjord-elements/`. */
  url?: string;
}

/** What the plugin needs of Eleventy's configuration object (Eleventy 3's `UserConfig`). */
export interface EleventyConfigLike {
  addShortcode(name: string, fn: (...args: unknown[]) => string): unknown;
  addPairedShortcode(name: string, fn: (content: string, ...args: unknown[]) => string): unknown;
  addPassthroughCopy(copy: Record<string, string>): unknown;
  amendLibrary(engine: 'md', fn: (library: MarkdownLike) => void): unknown;
}

/** A Markdown library as Eleventy keeps one (markdown-it). */
export interface MarkdownLike {
  render(source: string): string;
}

/** One widget as its shortcode sees it; generated from the manifest into `widgets.js`. */
export interface WidgetShortcode {
  tag: string;
  /** The shortcode's name: `fjordFactBox`. */
  shortcode: string;
  /** Paired, with Markdown inside rendered as blocks or as one paragraph's text; false for a single shortcode. */
  inner: 'block' | 'inline' | false;
  /** False for a widget that stands inside a sentence. */
  block: boolean;
  /** The attributes that go on the tag, as [attribute, property]. */
  attributes: [string, string][];
  booleans: string[];
  /** The parameters that become children, attribute → property. */
  properties: Record<string, string>;
  /** Parameter → attribute of the `<img>` child. */
  image: [string, string][] | null;
  headline: { text: string; href: string; level: string; default: number } | null;
  text: { from: string; wrap: string } | null;
}

/**
 * Adds a shortcode per widget (`fjordPhoto`, `fjordFactBox` and `fjordNewsletterSignup` paired; `fjordArticleCard`
 * and `fjordClusterBadge` single) and `fjordElementsHead`, and copies the drop-in files.
 * Parameters: an object (data, or Nunjucks keyword arguments: `{% fjordFactBox heading="Fakta" %}`) by attribute or
 * property name, or name, value pairs (`{% fjordFactBox "heading", "Fakta" %}`, as Liquid needs).
 */
export default function fjordElements(eleventyConfig: EleventyConfigLike, options?: FjordElementsOptions): void;

/** Renders one widget's markup, as the shortcodes do. */
export function renderWidget(
  widget: WidgetShortcode,
  params: Record<string, unknown>,
  options?: { content?: string; markdown?: MarkdownLike; warn?: (message: string) => void },
): string;

/** Takes off the indentation the lines share, and blank lines at either end. */
export function dedent(text: string): string;
