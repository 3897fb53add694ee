import type { ReactiveElement } from 'lit';

/** How long, in ms, one task of the main thread renders widgets before the rest wait for the next task. */
const SLICE = 10;
let end = 0;
let open = false;
let port: MessagePort | undefined;
const waiting: (() => void)[] = [];
let next: Promise<void> | undefined;

/** Runs `then` in a later task (a message, which background tabs do not throttle the way they do timers). */
function later(then: () => void): void {
  if (!port) {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => waiting.shift()!();
    port = channel.port2;
  }
  waiting.push(then);
  port.postMessage(0);
}

/**
 * A widget's first render, in slices: the first widget to render in a task opens a 10 ms slice, and widgets that come
 * after it has run out wait for a later task. A page of many widgets then renders in several short tasks instead of one
 * long one that holds up the reader's input. Later updates are not held back. Call from `scheduleUpdate()`.
 */
export function firstRender(el: ReactiveElement, update: () => void): void | Promise<void> {
  if (el.hasUpdated) return update();
  if (!open) {
    open = true;
    end = performance.now() + SLICE;
    later(() => (open = false));
  } else if (performance.now() > end) {
    next ??= new Promise<void>((resolve) => later(() => resolve((next = undefined))));
    return next.then(() => firstRender(el, update));
  }
  update();
}
