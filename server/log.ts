/** One JSON object per line and per event: `time`, `level`, `event`, `message`, and the event's own fields. */
export type EventLog = (event: string, message: string, fields?: Record<string, unknown>, level?: 'info' | 'warn' | 'error') => void;

/** An event log that writes each event as one line of JSON to `write` (the `log` setting, `console.log` by default). */
export function eventLog(write: (line: string) => void): EventLog {
  return (event, message, fields = {}, level = 'info') =>
    write(JSON.stringify({ time: new Date().toISOString(), level, event, message, ...fields }));
}

/**
 * The default `log`: lines to standard output, written together once per turn of the event loop. A write to a pipe
 * is synchronous in Node, and a line per signup written alone cost more CPU under load than the signup's database
 * work; a crash loses at most the lines of the current turn.
 */
export function stdoutLines(): (line: string) => void {
  let pending: string[] = [];
  const flush = () => {
    const text = pending.join('');
    pending = [];
    process.stdout.write(text);
  };
  return (line) => {
    if (!pending.length) setImmediate(flush);
    pending.push(`${line}\n`);
  };
}
