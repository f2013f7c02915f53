/**
 * The REST call that places an outgoing call (`POST /2010-04-01/Accounts/{sid}/Calls.json`):
 * an agent's phone rung for a caller on hold, or a customer called back from the inbox. When
 * the callee answers, Twilio fetches `url` for what to do next (the agent's whisper and bridge,
 * or the `<Dial>` to the agent who calls back).
 */
import type { OutboundRequest } from '../../channel-adapter.ts';

export interface TwilioApiOptions {
  readonly accountSid: string;
  readonly authToken: string;
  readonly apiBaseUrl?: string;
}

export interface AgentCall {
  /** The agent's phone (E.164), or `client:<identity>` for their browser (Voice SDK). */
  readonly to: string;
  /** A Twilio number of the account. */
  readonly from: string;
  /** Fetched by Twilio (POST) when the agent answers. */
  readonly url: string;
  /** Seconds to ring before giving up. */
  readonly timeoutSeconds?: number;
  /**
   * Where Twilio posts the call's progress (`StatusCallback`, POST), for the events Twilio
   * documents for Calls.json: `initiated`, `ringing`, `answered`, `completed`.
   */
  readonly statusCallback?: string;
}

/** The progress events Baton asks Twilio to post (`StatusCallbackEvent`, one per value). */
export const CALL_STATUS_EVENTS = ['initiated', 'ringing', 'answered', 'completed'] as const;

export function formatAgentCall(options: TwilioApiOptions, call: AgentCall): OutboundRequest {
  const base = (options.apiBaseUrl ?? 'https://api.twilio.com').replace(/\/+$/, '');
  const credentials = Buffer.from(`${options.accountSid}:${options.authToken}`).toString('base64');
  const form = new URLSearchParams({
    To: call.to,
    From: call.from,
    Url: call.url,
    Method: 'POST',
    Timeout: String(call.timeoutSeconds ?? 30),
  });
  if (call.statusCallback) {
    form.set('StatusCallback', call.statusCallback);
    form.set('StatusCallbackMethod', 'POST');
    for (const event of CALL_STATUS_EVENTS) form.append('StatusCallbackEvent', event);
  }
  return {
    method: 'POST',
    url: `${base}/2010-04-01/Accounts/${encodeURIComponent(options.accountSid)}/Calls.json`,
    headers: {
      authorization: `Basic ${credentials}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: form.toString(),
  };
}

/** The new call's sid from Twilio's JSON answer to Calls.json, when it is there. */
export function parseCallSid(body: string): string | undefined {
  try {
    const sid = (JSON.parse(body) as { sid?: unknown }).sid;
    return typeof sid === 'string' && /^CA[0-9a-zA-Z]{32}$/.test(sid) ? sid : undefined;
  } catch {
    return undefined;
  }
}
