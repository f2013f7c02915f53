// The forms the header's buttons open above the conversation, one at a time: transfer and
// resolve for one's own conversation, a supervisor's reassign, and the contact (the customer's
// other conversations, what is known of them, the staff's notes).

import type { Conversation } from '../shared/api-types.ts';
import type { TransferTarget } from './api.ts';
import { ContactPanel } from './contact-panel.tsx';
import type { ResolveOutcome } from './inbox-types.ts';
import type { Busy, Panel } from './pane-actions.tsx';
import { ResolveForm } from './resolve-form.tsx';
import { TransferForm } from './transfer-form.tsx';
import type { TeamState } from './use-team.ts';

export interface ConversationFormsProps {
  token: string;
  conversation: Conversation;
  /** The customer's name. */
  name: string;
  team: TeamState;
  /** The viewer's agent id. */
  me: string;
  /** The viewer's role (`agent`, `supervisor`, `admin`). */
  role: string;
  panel: Panel;
  busy: Busy;
  /** The conversation is the viewer's own: transfer and resolve apply. */
  mine: boolean;
  /** The viewer is a supervisor who may move it to a queue or a colleague. */
  canReassign: boolean;
  onClose: () => void;
  onTransfer: (target: TransferTarget, note: string) => void;
  onReassign: (target: TransferTarget, reason: string) => void;
  onResolve: (outcome: ResolveOutcome) => void;
  onOpen: (id: string) => void;
  onUnauthorized: () => void;
}

export function ConversationForms(props: ConversationFormsProps) {
  const { token, conversation: c, team, panel, busy } = props;
  return (
    <>
      {props.mine && panel === 'transfer' && (
        <TransferForm
          token={token}
          currentQueue={c.queue}
          team={team.team}
          refreshTeam={team.refresh}
          exceptId={props.me}
          busy={busy === 'transfer'}
          onCancel={props.onClose}
          onSubmit={props.onTransfer}
        />
      )}
      {props.canReassign && panel === 'reassign' && (
        <TransferForm
          token={token}
          purpose="reassign"
          currentQueue={null}
          team={team.team}
          refreshTeam={team.refresh}
          exceptId={c.assignee?.id ?? ''}
          busy={busy === 'reassign'}
          onCancel={props.onClose}
          onSubmit={props.onReassign}
        />
      )}
      {props.mine && panel === 'resolve' && (
        <ResolveForm
          busy={busy === 'resolve'}
          onCancel={props.onClose}
          onSubmit={props.onResolve}
        />
      )}
      {panel === 'contact' && (
        <ContactPanel
          token={token}
          conversationId={c.id}
          name={props.name}
          me={props.me}
          role={props.role}
          onOpen={props.onOpen}
          onClose={props.onClose}
          onUnauthorized={props.onUnauthorized}
        />
      )}
    </>
  );
}
