const seen = new WeakMap<Element, Set<string>>();

/**
 * Tells the page's developer, once per element and problem, what is wrong and how to fix it.
 * Never throws: a widget with bad input still renders what it can.
 */
export function warn(el: Element, key: string, message: string): void {
  const keys = seen.get(el) ?? new Set();
  seen.set(el, keys);
  if (keys.has(key)) return;
  keys.add(key);
  console.warn(`<${el.localName}>: ${message}`, el);
}

/** Warns about an attribute's value in the one shape all widgets use: `name="value" <what is wrong, what to write>`. */
export function warnValue(el: Element, attribute: string, value: unknown, fix: string): void {
  const text = String(value);
  const message = `${attribute}="${text.length > 60 ? `${text.slice(0, 60)}…` : text}" ${fix}`;
  warn(el, message, message);
}
