/**
 * Meta's subscription handshake: `GET ?hub.mode=subscribe&hub.verify_token=…&hub.challenge=…`
 * is answered with the raw challenge when the token is ours.
 */
import type { InboundRequest, InboundResult } from '../channel-adapter.ts';
import { reject } from '../reject.ts';
import { safeEqual } from '../safe-equal.ts';

export function answerMetaChallenge(request: InboundRequest, verifyToken: string): InboundResult {
  const mode = request.query['hub.mode'];
  const token = request.query['hub.verify_token'];
  const challenge = request.query['hub.challenge'];
  if (mode !== 'subscribe' || challenge === undefined) {
    return reject('MALFORMED_PAYLOAD', 'Expected hub.mode=subscribe with hub.challenge.');
  }
  if (token === undefined || !safeEqual(token, verifyToken)) {
    return reject('VERIFY_TOKEN_INVALID', 'hub.verify_token does not match.');
  }
  return { kind: 'challenge', status: 200, body: challenge };
}
