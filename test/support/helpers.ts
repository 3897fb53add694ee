/** Collects console.warn calls while a test runs; `restore()` puts the real console back. */
export function watchWarnings() {
  const messages: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => {
    messages.push(args.filter((a) => typeof a === 'string').join(' '));
  };
  return {
    messages,
    restore() {
      console.warn = original;
    },
  };
}

/** The text a reader sees in a shadow root part, whitespace folded. */
export function partText(el: Element, part: string): string {
  const node = el.shadowRoot?.querySelector(`[part~="${part}"]`) as HTMLElement | null;
  return (node ? visibleText(node) : '').replace(/\s+/g, ' ').trim();
}

/** Text content including what is slotted into the node, as it is rendered (hidden parts left out). */
export function visibleText(node: Node): string {
  if (node instanceof HTMLSlotElement) {
    const assigned = node.assignedNodes({ flatten: true });
    return (assigned.length ? assigned : [...node.childNodes]).map(visibleText).join('');
  }
  if (node instanceof HTMLElement && (node.hidden || getComputedStyle(node).display === 'none')) return '';
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  const children = node instanceof Element && node.shadowRoot ? node.shadowRoot.childNodes : node.childNodes;
  return [...children].map(visibleText).join('');
}

export const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));

/** Resolves once `predicate` holds, polling each frame; rejects after `ms`. */
export async function until(predicate: () => boolean, ms = 3000, what = 'condition'): Promise<void> {
  const start = performance.now();
  while (!predicate()) {
    if (performance.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await nextFrame();
  }
}

/**
 * Loads a widget's module into a frame whose page is already laid out, the way a slow script arrives, and resolves
 * once every `tag` in it has rendered and the frame has painted twice.
 */
export async function upgradeFrame(frame: HTMLIFrameElement, module: string, tag: string): Promise<void> {
  const doc = frame.contentDocument!;
  const script = doc.createElement('script');
  script.type = 'module';
  script.textContent = `import '${module}';`;
  doc.head.append(script);
  const win = frame.contentWindow as Window & typeof globalThis;
  await until(() => !!win.customElements.get(tag), 5000, `the upgrade of <${tag}>`);
  await Promise.all([...doc.querySelectorAll(tag)].map((el) => (el as Element & { updateComplete: Promise<unknown> }).updateComplete));
  await nextFrame();
  await nextFrame();
}

/**
 * A frame whose page links fjord-elements.css and holds `body`, laid out without any widget script: the page as it
 * looks while the script is still on its way. `scripting: false` sandboxes it, so it has no JavaScript at all.
 * The caller removes it.
 */
export async function stylesheetFrame(
  body: string,
  { width = 600, height = 1600, bodyStyle = 'margin: 0', scripting = true } = {},
): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  if (!scripting) frame.setAttribute('sandbox', 'allow-same-origin');
  frame.style.cssText = `width: ${width}px; height: ${height}px; border: 0`;
  document.body.append(frame);
  const doc = frame.contentDocument!;
  doc.open();
  doc.write(`<!doctype html><html lang="nb"><head><link rel="stylesheet" href="/src/fjord-elements.css"></head><body style="${bodyStyle}">${body}</body></html>`);
  doc.close();
  await until(() => [...doc.styleSheets].some((s) => s.href?.includes('fjord-elements.css')), 3000, 'fjord-elements.css');
  await new Promise((r) => setTimeout(r, 100));
  return frame;
}
