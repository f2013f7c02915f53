/** What the inbox tells an agent when an action on a conversation was refused. */
import { describe, expect, it } from 'vitest';
import { actionErrorText } from '../../web/inbox/action-error-text.ts';
import { ApiRequestError } from '../../web/shared/http.ts';

const refused = (status: number, code: string) =>
  new ApiRequestError(status, { code, message: `server text for ${code}` });

describe('actionErrorText', () => {
  it('explains a conversation that left the agent’s scope instead of "no such id"', () => {
    // Another agent won the claim: out of scope, the server answers as for an unknown id.
    expect(actionErrorText(refused(404, 'CONVERSATION_NOT_FOUND'))).toBe(
      'This conversation is no longer yours to act on: another agent took it, or it moved out of your queues.',
    );
    expect(actionErrorText(refused(409, 'ALREADY_CLAIMED'))).toBe(
      'Another agent claimed this conversation first.',
    );
    expect(actionErrorText(refused(409, 'NOT_ASSIGNEE'))).toBe('server text for NOT_ASSIGNEE');
  });
});
