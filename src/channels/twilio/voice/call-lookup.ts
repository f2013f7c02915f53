/**
 * Reading back the calls Baton may already have placed: `GET Calls.json` filtered by `To` and
 * `From` (Twilio's "Read multiple Call resources"). Calls.json takes no idempotency key, so when
 * a request's answer never came (a timeout, a reset connection, a 5xx after Twilio may have
 * acted on it) this is how a retry learns whether the first request created the call. The
 * `StartTime` filter is not used: it takes a date (`YYYY-MM-DD`, UTC), and a call's start time
 * stays empty until it is dialled, so a call still queued would be missed; each listed call's
 * `date_created` is compared instead.
 */
import type { TwilioApiOptions } from './agent-call-request.ts';

export interface CallLookupRequest {
  readonly method: 'GET';
  readonly url: string;
  readonly headers: Record<string, string>;
}

/** One call of the list, as Baton reads it. */
export interface ListedCall {
  readonly sid: string;
  readonly to: string;
  readonly from: string;
  /** `outbound-api` for a call created through Calls.json. */
  readonly direction: string;
  /** `date_created` (RFC 2822 in Twilio's answer), in milliseconds. */
  readonly createdAt: number;
}

/** Enough for a few call backs to one customer; the newest come first. */
const PAGE_SIZE = 50;

export function formatCallLookup(
  options: TwilioApiOptions,
  filter: { readonly to: string; readonly from: string },
): CallLookupRequest {
  const base = (options.apiBaseUrl ?? 'https://api.twilio.com').replace(/\/+$/, '');
  const credentials = Buffer.from(`${options.accountSid}:${options.authToken}`).toString('base64');
  const query = new URLSearchParams({
    To: filter.to,
    From: filter.from,
    PageSize: String(PAGE_SIZE),
  });
  return {
    method: 'GET',
    url: `${base}/2010-04-01/Accounts/${encodeURIComponent(options.accountSid)}/Calls.json?${query.toString()}`,
    headers: { authorization: `Basic ${credentials}` },
  };
}

/** The calls of Twilio's JSON answer (`{ calls: [...] }`); null when it is not one. */
export function parseCallList(body: string): ListedCall[] | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return null;
  }
  const calls = (parsed as { calls?: unknown } | null)?.calls;
  if (!Array.isArray(calls)) return null;
  const listed: ListedCall[] = [];
  for (const call of calls as Array<Record<string, unknown>>) {
    const createdAt = Date.parse(String(call.date_created ?? ''));
    if (typeof call.sid !== 'string' || !Number.isFinite(createdAt)) continue;
    listed.push({
      sid: call.sid,
      to: String(call.to ?? ''),
      from: String(call.from ?? ''),
      direction: String(call.direction ?? ''),
      createdAt,
    });
  }
  return listed;
}
