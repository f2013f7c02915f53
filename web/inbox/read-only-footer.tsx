// In place of the composer when the viewer may not reply: why not (PaneFooter), and, for a
// supervisor watching a colleague's conversation, the private note to that colleague.

import type { ConversationStatus } from '../shared/api-types.ts';
import { PaneFooter } from './pane-actions.tsx';
import { SupervisorNote } from './supervisor-note.tsx';

export interface ReadOnlyFooterProps {
  claimable: boolean;
  offeredToMe: boolean;
  status: ConversationStatus;
  expiresAt: string | null;
  /** Whether a supervisor is watching a colleague's conversation. */
  watching: boolean;
  /** That colleague's name, when the team list knows it. */
  agentName: string | null;
  /** Stores the supervisor's note; true once stored. */
  onNote: (text: string) => Promise<boolean>;
}

export function ReadOnlyFooter(props: ReadOnlyFooterProps) {
  return (
    <>
      <PaneFooter
        claimable={props.claimable}
        offeredToMe={props.offeredToMe}
        status={props.status}
        expiresAt={props.expiresAt}
        watching={props.watching ? (props.agentName ?? 'another agent') : null}
      />
      {props.watching && (
        <SupervisorNote agentName={props.agentName ?? 'the agent'} onAdd={props.onNote} />
      )}
    </>
  );
}
