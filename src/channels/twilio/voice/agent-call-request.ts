/**
 * The REST call that rings an agent's phone (`POST /2010-04-01/Accounts/{sid}/Calls.json`).
 * When they answer, Twilio fetches `url` for what to do next: Baton's agent TwiML, which reads
 * them the handoff summary and bridges them to the waiting caller.
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
}

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
