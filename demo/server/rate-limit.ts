/**
 * Counts attempts per key in a sliding window: at most `limit` within any `windowMs`. Kept in memory, so it
 * covers one process; refused attempts do not count.
 */
export class RateLimiter {
  #limit: number;
  #windowMs: number;
  #now: () => number;
  #hits = new Map<string, number[]>();

  constructor(limit: number, windowMs: number, now: () => number) {
    this.#limit = limit;
    this.#windowMs = windowMs;
    this.#now = now;
  }

  /** Counts an attempt for `key`: 0 when it is allowed, else the whole seconds until the next one will be. */
  hit(key: string): number {
    const now = this.#now();
    const since = now - this.#windowMs;
    const times = (this.#hits.get(key) ?? []).filter((t) => t > since);
    if (times.length >= this.#limit) {
      this.#hits.set(key, times);
      return Math.max(1, Math.ceil((times[0] + this.#windowMs - now) / 1000));
    }
    times.push(now);
    this.#hits.set(key, times);
    if (this.#hits.size > 10_000) this.#forget(since);
    return 0;
  }

  #forget(since: number): void {
    for (const [key, times] of this.#hits) if (times.at(-1)! <= since) this.#hits.delete(key);
  }
}
