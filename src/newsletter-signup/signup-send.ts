// Loaded by newsletter-signup.ts on the first submit that goes over the network: the request and the reading of the
// answer. A page that only shows the form does not carry them.
import type { FjordNewsletterSignup, FjordSignupPayload, Phase } from './newsletter-signup.js';

/**
 * Posts a signup to `url` and reads the answer as the arguments of the widget's `#end`: the phase (success, error, or
 * '' for an error at a field), the message, the HTTP status (0 without an answer) and the field the server named.
 * `s` is the widget's interface strings.
 */
export async function send(
  host: FjordNewsletterSignup,
  form: HTMLFormElement,
  url: string,
  payload: FjordSignupPayload,
  params: URLSearchParams,
  s: string[],
  intl: string,
): Promise<[Phase, string, number, HTMLInputElement?]> {
  const json = host.encoding == 'json';
  let status = 0;
  let minutes = 0;
  let body: { message?: unknown; field?: unknown } | undefined;
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': json ? 'application/json' : 'application/x-www-form-urlencoded' },
      body: json ? JSON.stringify(payload) : params,
      signal: AbortSignal.timeout(host.timeout > 0 ? host.timeout : 15000),
    });
    const text = await res.text();
    const after = res.headers.get('retry-after');
    status = res.status;
    // Retry-After in seconds or as an HTTP date, rounded up to whole minutes.
    minutes = Math.ceil((+after! || (Date.parse(after!) - Date.now()) / 1000) / 60);
    body = JSON.parse(text || '{}');
  } catch {
    // No answer, a dropped connection, the timeout, or a body that is not JSON: `body` stays undefined.
  }
  if (!(body instanceof Object)) return ['error', '', status];
  const [, , , , , , retry, , , already, many] = s;
  const ok = status < 300 || status == 409;
  const invalid = status == 400 || status == 422;
  const field = invalid ? (form.elements.namedItem(body.field == 'email' ? host.emailName : (body.field as string)) as HTMLInputElement | null) : null;
  return [
    ok ? 'success' : field?.willValidate ? '' : 'error',
    ((ok || invalid) && typeof body.message == 'string' && body.message) ||
      (status == 409 ? already : status == 429 ? (minutes > 0 ? `${many} ${retry} ${new Intl.RelativeTimeFormat(intl).format(minutes, 'minute')}.` : many) : ''),
    status,
    field ?? undefined,
  ];
}
