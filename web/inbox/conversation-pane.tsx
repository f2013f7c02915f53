// Right pane: one conversation. The handoff card comes first (beside the transcript on a
// laptop, above it on a tablet, never scrolled away with it), then the transcript and the
// composer. The header holds the actions the agent may take now: accept or decline an
// offer, claim, transfer, return to the bot, resolve; in a colleague's conversation a
// supervisor's take over and reassign, with a private note to the agent in the footer, and in
// a waiting one the supervisor's reassign.

import { useEffect, useRef, useState } from 'preact/hooks';
import type { Conversation } from '../shared/api-types.ts';
import { newClientId } from '../shared/client-id.ts';
import { ApiRequestError } from '../shared/http.ts';
import type { AgentStream } from './agent-stream.ts';
import * as api from './api.ts';
import { Composer } from './composer.tsx';
import type { ComposerMode } from './composer.tsx';
import { BackButton, ConversationHeader } from './conversation-header.tsx';
import { ConversationForms } from './conversation-forms.tsx';
import { customerName } from './format.ts';
import type { CannedResponse } from './inbox-types.ts';
import { MessagesRegion } from './messages-region.tsx';
import { PacketSide } from './packet-side.tsx';
import { PaneActions } from './pane-actions.tsx';
import { ReadOnlyFooter } from './read-only-footer.tsx';
import type { AgentSession } from './session.ts';
import { useConversationActions } from './use-conversation-actions.ts';
import { useDraft } from './use-draft.ts';
import { useFollowBottom } from './use-follow-bottom.ts';
import type { Offer } from './use-offers.ts';
import { usePacket } from './use-packet.ts';
import { useReadReport } from './use-read-report.ts';
import { useReplies } from './use-replies.ts';
import type { TeamState } from './use-team.ts';
import { useTranscript } from './use-transcript.ts';
import { useTypingReport } from './use-typing-report.ts';
import { useUnsentGuard } from './use-unsent-guard.tsx';
import { WindowClosedNotice } from './window-closed-notice.tsx';

export interface ConversationPaneProps {
  conversationId: string;
  conversation: Conversation | null;
  session: AgentSession;
  stream: AgentStream | null;
  team: TeamState;
  offer: Offer | undefined;
  canned: CannedResponse[];
  onConversation: (conversation: Conversation) => void;
  onUnauthorized: () => void;
  /** Back to the conversation list; its button shows only in the one-pane (phone) layout. */
  onBack: () => void;
  /** Opens another conversation (from the contact list). */
  onOpen: (id: string) => void;
}

export function ConversationPane(props: ConversationPaneProps) {
  const { conversationId, conversation: c, session, stream, onConversation, team } = props;
  const { token } = session;
  const transcript = useTranscript(token, conversationId, stream);
  const packet = usePacket(token, c);
  const actions = useConversationActions({
    token,
    conversationId,
    transcript,
    onConversation,
    onUnauthorized: props.onUnauthorized,
  });
  const { act, busy, panel, setPanel, actionError, setActionError } = actions;
  const [draft, setDraft] = useDraft(session.agent.id, conversationId);
  const [mode, setMode] = useState<ComposerMode>('reply');
  const body = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const replying =
    mode === 'reply' && c?.status === 'assigned' && c.assignee?.id === session.agent.id;
  useTypingReport(stream, conversationId, draft, replying);
  useReadReport(stream, conversationId, transcript.events);

  const replies = useReplies(token, conversationId, transcript, (error) => {
    if (error instanceof ApiRequestError && error.status === 401) props.onUnauthorized();
    if (error instanceof ApiRequestError && error.code === 'WHATSAPP_WINDOW_CLOSED') {
      actions.setWindowClosed(true);
    }
  });

  // A conversation opened from a link may not be in the agent's inbox list yet.
  useEffect(() => {
    if (c) return;
    api
      .fetchConversation(token, conversationId)
      .then((answer) => onConversation(answer.conversation))
      // Opening is not acting: an id out of scope reads as the server says, as an unknown one.
      .catch((error: unknown) => {
        if (error instanceof ApiRequestError && error.status === 401) props.onUnauthorized();
        else setActionError(error instanceof Error ? error.message : 'Something went wrong.');
      });
    // Only when the pane opens: later copies arrive through the agent stream.
  }, [conversationId]);

  useFollowBottom(body, c !== null, `${transcript.events.length}:${replies.pending.length}`);

  /** The composer's note; on failure the text goes back into the box, nothing lost. */
  const addNote = async (text: string): Promise<boolean> => {
    const stored = await actions.storeNote(text);
    if (!stored) setDraft(text);
    return stored;
  };

  /** A supervisor's note to the colleague who has it; its box keeps the text on failure. */
  const leaveNote = (text: string): Promise<boolean> => {
    setActionError(null);
    return actions.storeNote(text);
  };

  const { guarded, dialog } = useUnsentGuard({
    draft,
    setDraft,
    note: mode === 'note',
    input,
    sendDraft: (text) =>
      mode === 'note'
        ? addNote(text)
        : replies.send({ clientMessageId: newClientId(), text, error: null }),
    setBusy: actions.setBusy,
    onNotSent: setActionError,
  });

  if (!c) {
    return (
      <section class="pane" aria-label="Conversation">
        <header class="pane-header pane-header--bare">
          <BackButton onBack={props.onBack} />
        </header>
        <div class="empty">{actionError ?? 'Loading conversation…'}</div>
      </section>
    );
  }

  const me = session.agent.id;
  const mine = c.status === 'assigned' && c.assignee?.id === me;
  const claimable = c.status === 'queued' || c.status === 'offered' || c.status === 'deferred';
  const offeredToMe = c.status === 'offered' && props.offer?.agentId === me;
  // Supervisors and admins may open anyone's conversation, read-only until they take it over.
  const role = (session.agent as { role?: string }).role ?? 'agent';
  const canTakeOver =
    role !== 'agent' && c.status === 'assigned' && c.assignee !== null && c.assignee.id !== me;
  // They may also hand a waiting conversation (queued, offered or deferred) to a named agent.
  const canReassign = canTakeOver || (role !== 'agent' && claimable);
  // A call, or a callback request the customer left: the assignee (or a supervisor) may call.
  const canCallBack =
    (mine || role !== 'agent') &&
    (c.channel === 'voice' || transcript.events.some((e) => e.type === 'callback.requested'));
  const name = customerName(c);
  const assignee = c.assignee ? team.nameOf(c.assignee.id) : null;
  const fields = { ...packet?.summary.collected, ...packet?.fields };

  return (
    <section class="pane" aria-labelledby="pane-title">
      <ConversationHeader
        conversation={c}
        name={name}
        withAgent={c.assignee && !mine ? (assignee ?? 'another agent') : null}
        offeredToMe={offeredToMe}
        contactOpen={panel === 'contact'}
        onContact={() => actions.togglePanel('contact')}
        onBack={props.onBack}
      >
        <PaneActions
          claimable={claimable}
          offeredToMe={offeredToMe}
          mine={mine}
          busy={busy}
          panel={panel}
          canTakeOver={canTakeOver}
          canReassign={canReassign}
          canCallBack={canCallBack}
          onCallBack={() => void actions.callBack()}
          onTakeOver={() => void act('takeover', () => api.takeOver(token, conversationId, me))}
          onClaim={() => void act('claim', () => api.claim(token, conversationId))}
          onDecline={() => void act('decline', () => api.decline(token, conversationId))}
          onReturnToBot={() =>
            guarded('return', () => act('return', () => api.returnToBot(token, conversationId)))
          }
          onPanel={actions.togglePanel}
        />
      </ConversationHeader>
      {actionError && (
        <p class="banner banner--error" role="alert">
          {actionError}
        </p>
      )}
      <ConversationForms
        token={token}
        conversation={c}
        name={name}
        team={team}
        me={me}
        role={role}
        panel={panel}
        busy={busy}
        mine={mine}
        canReassign={canReassign}
        onClose={() => setPanel(null)}
        onTransfer={(target, note) =>
          guarded('transfer', () =>
            act('transfer', () => api.transfer(token, conversationId, target, note)),
          )
        }
        onReassign={(target, reason) =>
          void act('reassign', () => api.reassign(token, conversationId, target, reason))
        }
        onResolve={(outcome) =>
          guarded('resolve', () =>
            act('resolve', () => api.resolve(token, conversationId, outcome)),
          )
        }
        onOpen={props.onOpen}
        onUnauthorized={props.onUnauthorized}
      />
      {dialog}
      <div class="pane-grid">
        <PacketSide
          conversation={c}
          packet={packet}
          token={token}
          onInsert={
            mine
              ? (text) => {
                  setDraft(draft ? `${draft}\n${text}` : text);
                  setMode('reply');
                  input.current?.focus();
                }
              : null
          }
        />
        <div class="pane-main">
          <MessagesRegion
            body={body}
            transcript={transcript}
            replies={replies}
            customer={name}
            token={token}
            showTyping={c.status !== 'resolved'}
          />
          {mine && actions.windowClosed && (
            <WindowClosedNotice
              token={token}
              open={panel === 'template'}
              busy={busy === 'template'}
              onOpen={() => setPanel('template')}
              onCancel={() => setPanel(null)}
              onSend={(t) => void actions.sendTemplate(t)}
            />
          )}
          {mine ? (
            <Composer
              draft={draft}
              setDraft={setDraft}
              input={input}
              mode={mode}
              setMode={setMode}
              canned={props.canned}
              variables={{
                customer: {
                  name: packet?.customer.name ?? c.customer?.name,
                  email: packet?.customer.email ?? c.customer?.email,
                },
                agent: { name: session.agent.name },
                fields,
              }}
              checkRepeat={async (text) =>
                (await api.repeatCheck(token, conversationId, text)).warnings
              }
              onReply={(text, guard) =>
                void replies.send({ clientMessageId: newClientId(), text, error: null }, guard)
              }
              onNote={(text) => void addNote(text)}
            />
          ) : (
            <ReadOnlyFooter
              claimable={claimable}
              offeredToMe={offeredToMe}
              status={c.status}
              expiresAt={props.offer?.expiresAt ?? null}
              watching={canTakeOver}
              agentName={assignee}
              onNote={leaveNote}
            />
          )}
        </div>
      </div>
    </section>
  );
}
