import { isServer, type ReactiveElement } from 'lit';

/**
 * First renders in a few tasks rather than one, so that a page of many widgets does not hold up the reader's input.
 *
 * The drop-in file's script upgrades every widget already in the page at once, and Lit would render them all in that
 * one task. What makes that task long is the first render of each kind of widget (its template prepared, its code run
 * for the first time, `Intl` loading its data), stacked five deep on a page with every kind. So first renders join a
 * queue, rendered in document order; once a task has rendered for 6 ms, a widget of a kind not yet rendered on the page
 * waits for the next task, with everything after it. Widgets of kinds already rendered are cheap, and yielding between
 * them would only add frames: with 6 ms slices throughout, 1,000 cards took twice as long to render (BENCHMARKS.md).
 * A widget inserted on its own still renders in the task that inserted it, and later renders are never held back.
 *
 * A widget that waits keeps its pre-upgrade look: its shadow root is attached when it renders, not on connect (an empty
 * one would hide its content), and it carries the custom state `pending`, which fjord-elements.css treats like
 * `:not(:defined)`. So nothing moves meanwhile. Engines without `:state()` render in one task, as before.
 * Every widget calls `renderRoot` from `createRenderRoot()` and `firstRender` from `scheduleUpdate()`.
 */
const SLICE = 6;
const sliced = !isServer && CSS.supports('selector(:state(pending))');
const connected = new WeakSet<HTMLElement>();
const kinds = new Set<string>();
let queue: Promise<unknown> = Promise.resolve();
let waiting = 0;
let end = 0;

/** The shadow root, when the widget first renders rather than when it first connects (Lit asks at both). */
export function renderRoot<T>(el: HTMLElement, create: () => T): T {
  if (!sliced || el.shadowRoot || connected.has(el)) return create();
  connected.add(el);
  return undefined as T;
}

/** The widget's update: at once, or after its turn in the queue the first time. */
export function firstRender(el: ReactiveElement, update: () => void): void | Promise<void> {
  if (!sliced || el.hasUpdated) return update();
  // The first widget to join an empty queue opens the slice.
  if (!waiting++) end = performance.now() + SLICE;
  let internals: ElementInternals | undefined;
  try {
    (internals = el.attachInternals()).states.add('pending');
  } catch {
    // A subclass took the internals itself: this one waits without its pre-upgrade look rather than stop the rest.
  }
  const turn = queue.then(async () => {
    if (performance.now() > end && !kinds.has(el.localName)) {
      // At most once per kind on a page (five times), so a timer's 4 ms clamp, from the fifth nested one, never applies.
      await new Promise((next) => setTimeout(next));
      end = performance.now() + SLICE;
    }
    kinds.add(el.localName);
    internals?.states.delete('pending');
    waiting--;
    update();
  });
  // A render that throws rejects its own widget's update, not the queue.
  queue = turn.catch(() => {});
  return turn;
}
