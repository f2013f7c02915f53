// What the agent reads when an action on a conversation or a reply was refused: the
// server's message, or a plainer one for the codes an agent meets in a race.

import { ApiRequestError } from '../shared/http.ts';

/** What the agent reads when an action or a reply failed. */
export function actionErrorText(error: unknown): string {
  if (error instanceof ApiRequestError) {
    if (error.code === 'ALREADY_CLAIMED') return 'Another agent claimed this conversation first.';
    // The server answers a conversation that left the agent's scope as an unknown id.
    if (error.code === 'CONVERSATION_NOT_FOUND')
      return 'This conversation is no longer yours to act on: another agent took it, or it moved out of your queues.';
    if (error.code === 'AGENT_UNAVAILABLE')
      return 'That colleague is not online with free capacity right now.';
  }
  return error instanceof Error ? error.message : 'Something went wrong.';
}
