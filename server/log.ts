/** One JSON object per line and per event: `time`, `level`, `event`, `message`, and the event's own fields. */
export type EventLog = (event: string, message: string, fields?: Record<string, unknown>, level?: 'info' | 'warn' | 'error') => void;

/** An event log that writes each event as one line of JSON to `write` (the `log` setting, `console.log` by default). */
export function eventLog(write: (line: string) => void): EventLog {
  return (event, message, fields = {}, level = 'info') =>
    write(JSON.stringify({ time: new Date().toISOString(), level, event, message, ...fields }));
}
