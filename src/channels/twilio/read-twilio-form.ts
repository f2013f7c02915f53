/**
 * A Twilio webhook's form, verified: the body size first, then `X-Twilio-Signature` over the
 * public URL and every parameter (validate-twilio-signature.ts). SMS and Voice share it, so
 * both check the signature the same way before reading a single parameter.
 */
import type { InboundRequest, InboundResult } from '../channel-adapter.ts';
import { getHeader } from '../get-header.ts';
import { reject, rejectOversized } from '../reject.ts';
import { validateTwilioSignature, type TwilioParams } from './validate-twilio-signature.ts';

export type TwilioForm =
  | { readonly ok: true; readonly params: Readonly<Record<string, string>> }
  /** Always a `rejected` result: answer with its status and code, store nothing. */
  | { readonly ok: false; readonly rejected: InboundResult };

export function readTwilioForm(
  request: InboundRequest,
  options: { readonly authToken: string; readonly publicBaseUrl: string },
): TwilioForm {
  const refused = (rejected: InboundResult): TwilioForm => ({ ok: false, rejected });
  const tooLarge = rejectOversized(request.rawBody);
  if (tooLarge) return refused(tooLarge);
  const signature = getHeader(request.headers, 'x-twilio-signature');
  if (!signature) return refused(reject('SIGNATURE_MISSING', 'X-Twilio-Signature is missing.'));
  const form = new URLSearchParams(request.rawBody.toString('utf8'));
  const params: TwilioParams = {};
  for (const key of new Set(form.keys())) {
    const values = form.getAll(key);
    params[key] = values.length === 1 ? (values[0] ?? '') : values;
  }
  const url = `${options.publicBaseUrl.replace(/\/+$/, '')}${request.url}`;
  if (!validateTwilioSignature({ authToken: options.authToken, signature, url, params })) {
    return refused(
      reject('SIGNATURE_INVALID', 'X-Twilio-Signature does not match the URL and parameters.'),
    );
  }
  return { ok: true, params: Object.fromEntries(form.entries()) };
}
