const seen = new WeakMap<Element, Set<string>>();

/**
 * Tells the page's developer, once per element and problem, what is wrong and how to fix it.
 * Never throws: a widget with bad input still renders what it can.
 */
export function warn(el: Element, key: string, message: string): void {
  let keys = seen.get(el);
  if (!keys) seen.set(el, (keys = new Set()));
  if (keys.has(key)) return;
  keys.add(key);
  console.warn(`<${el.localName}>: ${message}`, el);
}
