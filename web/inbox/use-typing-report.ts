// Tells the customer while the agent types a reply (not a note): the first keystroke at once,
// then every few seconds, and "stopped" when the draft empties, turns into a note, or the
// agent leaves the conversation.

import { useEffect, useMemo } from 'preact/hooks';
import { TypingReporter } from '../shared/typing.ts';
import type { AgentStream } from './agent-stream.ts';

export function useTypingReport(
  stream: AgentStream | null,
  conversationId: string,
  draft: string,
  replying: boolean,
): void {
  const reporter = useMemo(
    () => new TypingReporter((active) => stream?.typing(conversationId, active)),
    [stream, conversationId],
  );
  useEffect(() => {
    if (replying) reporter.draftChanged(draft);
    else reporter.stopped();
  }, [reporter, draft, replying]);
  useEffect(() => () => reporter.stopped(), [reporter]);
}
