// The conversation's action buttons, only those that apply now: accept or decline an offer,
// claim a waiting conversation; transfer, return to the bot or resolve one's own; a
// supervisor's take over in a colleague's, and reassign there or in a waiting one; "Call back"
// on a call or a callback request. The
// agent's have keyboard shortcuts (`data-shortcut`, see use-shortcuts.ts).

import type { ConversationStatus } from '../shared/api-types.ts';
import { useNow } from './use-now.ts';

export type Busy =
  | 'claim'
  | 'decline'
  | 'resolve'
  | 'transfer'
  | 'return'
  | 'template'
  | 'takeover'
  | 'reassign'
  | 'callback'
  | null;
export type Panel = 'transfer' | 'resolve' | 'reassign' | 'template' | 'contact' | null;

export interface PaneActionsProps {
  claimable: boolean;
  offeredToMe: boolean;
  mine: boolean;
  busy: Busy;
  panel: Panel;
  /** A supervisor looking at a colleague's conversation may take it over. */
  canTakeOver: boolean;
  /** A supervisor may reassign a colleague's conversation, or one still waiting for an agent. */
  canReassign: boolean;
  /** A phone call or a callback request, and the agent is its assignee or a supervisor. */
  canCallBack: boolean;
  onCallBack: () => void;
  onTakeOver: () => void;
  onClaim: () => void;
  onDecline: () => void;
  onReturnToBot: () => void;
  /** Opens (or closes, when open) the transfer, resolve or reassign form. */
  onPanel: (panel: 'transfer' | 'resolve' | 'reassign') => void;
}

export function PaneActions(props: PaneActionsProps) {
  const { busy, panel } = props;
  const idle = busy === null;
  return (
    <>
      {props.claimable && (
        <button
          type="button"
          class="button button--primary"
          disabled={!idle}
          data-shortcut="c"
          aria-keyshortcuts="c"
          onClick={props.onClaim}
        >
          {busy === 'claim' ? 'Claiming…' : props.offeredToMe ? 'Accept' : 'Claim'}
        </button>
      )}
      {props.canTakeOver && (
        <button
          type="button"
          class="button button--primary"
          disabled={!idle}
          onClick={props.onTakeOver}
        >
          {busy === 'takeover' ? 'Taking over…' : 'Take over'}
        </button>
      )}
      {props.canReassign && (
        <button
          type="button"
          class="button button--secondary"
          disabled={!idle}
          aria-expanded={panel === 'reassign'}
          onClick={() => props.onPanel('reassign')}
        >
          Reassign
        </button>
      )}
      {props.canCallBack && (
        <button
          type="button"
          class="button button--secondary"
          disabled={!idle}
          onClick={props.onCallBack}
        >
          {busy === 'callback' ? 'Calling back…' : 'Call back'}
        </button>
      )}
      {props.offeredToMe && (
        <button
          type="button"
          class="button button--secondary"
          disabled={!idle}
          data-shortcut="d"
          aria-keyshortcuts="d"
          onClick={props.onDecline}
        >
          {busy === 'decline' ? 'Declining…' : 'Decline'}
        </button>
      )}
      {props.mine && (
        <>
          <button
            type="button"
            class="button button--secondary"
            disabled={!idle}
            aria-expanded={panel === 'transfer'}
            data-shortcut="t"
            aria-keyshortcuts="t"
            onClick={() => props.onPanel('transfer')}
          >
            Transfer
          </button>
          <button
            type="button"
            class="button button--secondary"
            disabled={!idle}
            data-shortcut="b"
            aria-keyshortcuts="b"
            onClick={props.onReturnToBot}
          >
            {busy === 'return' ? 'Returning…' : 'Return to bot'}
          </button>
          <button
            type="button"
            class="button button--secondary"
            disabled={!idle}
            aria-expanded={panel === 'resolve'}
            data-shortcut="e"
            aria-keyshortcuts="e"
            onClick={() => props.onPanel('resolve')}
          >
            Resolve
          </button>
        </>
      )}
    </>
  );
}

/** "accept within 23 s": the offer's time left, ticking on its own so the pane does not. */
export function OfferCountdown({ expiresAt }: { expiresAt: string | null }) {
  const now = useNow();
  if (!expiresAt) return null;
  const left = Math.max(0, Math.round((Date.parse(expiresAt) - now) / 1000));
  return <> (accept within {left} s, or it goes to someone else)</>;
}

/** Why there is no composer: what the agent can do, or who has the conversation. */
export function PaneFooter(props: {
  claimable: boolean;
  offeredToMe: boolean;
  status: ConversationStatus;
  expiresAt: string | null;
  /** The colleague whose conversation a supervisor is watching, when one is. */
  watching: string | null;
}) {
  return (
    <p class="pane-footer">
      {props.claimable ? (
        props.offeredToMe ? (
          <>
            This conversation is offered to you: accept it to reply, or decline it
            <OfferCountdown expiresAt={props.expiresAt} />.
          </>
        ) : (
          'Claim this conversation to reply to the customer.'
        )
      ) : props.status === 'resolved' ? (
        'This conversation is resolved.'
      ) : props.status === 'bot' ? (
        'The bot is handling this conversation again.'
      ) : props.watching ? (
        `You are watching ${props.watching}'s conversation live. Take it over to reply.`
      ) : (
        'Only the assigned agent can reply.'
      )}
    </p>
  );
}
