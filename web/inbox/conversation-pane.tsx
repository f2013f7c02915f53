// Right pane: one conversation. The handoff card comes first (beside the transcript on a
// laptop, above it on a tablet, never scrolled away with it), then the transcript and the
// composer. The header holds the actions the agent may take now: accept or decline an
// offer, claim, transfer, return to the bot, resolve; in a colleague's conversation a
// supervisor's take over and reassign, with a private note to the agent in the footer.

import { useEffect, useRef, useState } from 'preact/hooks';
import type { Conversation } from '../shared/api-types.ts';
import { newClientId } from '../shared/client-id.ts';
import { ApiRequestError } from '../shared/http.ts';
import type { AgentStream } from './agent-stream.ts';
import * as api from './api.ts';
import type { TransferTarget } from './api.ts';
import { AskBot } from './ask-bot.tsx';
import { Composer } from './composer.tsx';
import { ContactPanel } from './contact-panel.tsx';
import type { ComposerMode } from './composer.tsx';
import { STATUS_LABELS, channelLabel, clockTime, customerName } from './format.ts';
import { HandoffCard } from './handoff-card.tsx';
import { PaneActions, PaneFooter } from './pane-actions.tsx';
import type { Busy, Panel } from './pane-actions.tsx';
import type { CannedResponse, ResolveOutcome } from './inbox-types.ts';
import { ResolveForm } from './resolve-form.tsx';
import type { AgentSession } from './session.ts';
import { SupervisorNote } from './supervisor-note.tsx';
import { TransferForm } from './transfer-form.tsx';
import { Transcript } from './transcript.tsx';
import { useDraft } from './use-draft.ts';
import { actionErrorText } from './action-error-text.ts';
import { useReplies } from './use-replies.ts';
import { useUnsentGuard } from './use-unsent-guard.tsx';
import type { Offer } from './use-offers.ts';
import { usePacket } from './use-packet.ts';
import type { TeamState } from './use-team.ts';
import { useFollowBottom } from './use-follow-bottom.ts';
import { useTranscript } from './use-transcript.ts';
import { useReadReport } from './use-read-report.ts';
import { useTypingReport } from './use-typing-report.ts';
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
  const [busy, setBusy] = useState<Busy>(null);
  const [panel, setPanel] = useState<Panel>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [windowClosed, setWindowClosed] = useState(false);
  const [draft, setDraft] = useDraft(session.agent.id, conversationId);
  const [mode, setMode] = useState<ComposerMode>('reply');
  const body = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const replying =
    mode === 'reply' && c?.status === 'assigned' && c.assignee?.id === session.agent.id;
  useTypingReport(stream, conversationId, draft, replying);
  useReadReport(stream, conversationId, transcript.events);

  const fail = (error: unknown): void => {
    if (error instanceof ApiRequestError && error.status === 401) props.onUnauthorized();
    else setActionError(actionErrorText(error));
  };
  const replies = useReplies(token, conversationId, transcript, (error) => {
    if (error instanceof ApiRequestError && error.status === 401) props.onUnauthorized();
    if (error instanceof ApiRequestError && error.code === 'WHATSAPP_WINDOW_CLOSED') {
      setWindowClosed(true);
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

  /** Runs one action; its answer updates the conversation and the transcript at once. */
  const act = async (kind: Busy, run: () => Promise<api.ConversationAndEvents>) => {
    setBusy(kind);
    setActionError(null);
    try {
      const answer = await run();
      onConversation(answer.conversation);
      transcript.ingest(answer.events);
      setPanel(null);
    } catch (error) {
      fail(error);
    } finally {
      setBusy(null);
    }
  };

  const addNote = async (text: string): Promise<boolean> => {
    try {
      transcript.ingest((await api.addNote(token, conversationId, text)).events);
      return true;
    } catch (error) {
      setDraft(text); // nothing lost: the note goes back into the box
      fail(error);
      return false;
    }
  };

  /** A supervisor's note to the colleague who has it; its box keeps the text on failure. */
  const leaveNote = async (text: string): Promise<boolean> => {
    setActionError(null);
    try {
      transcript.ingest((await api.addNote(token, conversationId, text)).events);
      return true;
    } catch (error) {
      fail(error);
      return false;
    }
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
    setBusy,
    onNotSent: setActionError,
  });

  const sendTemplate = async (template: {
    name: string;
    language: string;
    parameters: string[];
  }): Promise<void> => {
    setBusy('template');
    try {
      transcript.ingest((await api.sendTemplate(token, conversationId, template)).events);
      setPanel(null);
      setWindowClosed(false);
    } catch (error) {
      fail(error);
    } finally {
      setBusy(null);
    }
  };

  if (!c) {
    return (
      <section class="pane" aria-label="Conversation">
        <header class="pane-header pane-header--bare">
          <button type="button" class="button button--ghost back-button" onClick={props.onBack}>
            <span aria-hidden="true">←</span> Conversations
          </button>
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
  const name = customerName(c);
  const assignee = c.assignee ? team.nameOf(c.assignee.id) : null;
  const fields = { ...packet?.summary.collected, ...packet?.fields };

  return (
    <section class="pane" aria-labelledby="pane-title">
      <header class="pane-header">
        <button type="button" class="button button--ghost back-button" onClick={props.onBack}>
          <span aria-hidden="true">←</span> Conversations
        </button>
        <div class="pane-title">
          <h2 id="pane-title">{name}</h2>
          <p class="pane-sub">
            {channelLabel(c.channel)} · started {clockTime(c.createdAt)}
            {c.assignee && !mine ? ` · with ${assignee ?? 'another agent'}` : ''}
            {' · '}
            <button
              type="button"
              class="link"
              aria-expanded={panel === 'contact'}
              onClick={() => setPanel(panel === 'contact' ? null : 'contact')}
            >
              All conversations
            </button>
          </p>
        </div>
        <div class="pane-actions">
          <span class={`status status--${c.status}`}>
            {offeredToMe ? 'Offered to you' : STATUS_LABELS[c.status]}
          </span>
          <PaneActions
            claimable={claimable}
            offeredToMe={offeredToMe}
            mine={mine}
            busy={busy}
            panel={panel}
            canTakeOver={canTakeOver}
            onTakeOver={() => void act('takeover', () => api.takeOver(token, conversationId, me))}
            onClaim={() => void act('claim', () => api.claim(token, conversationId))}
            onDecline={() => void act('decline', () => api.decline(token, conversationId))}
            onReturnToBot={() =>
              guarded('return', () => act('return', () => api.returnToBot(token, conversationId)))
            }
            onPanel={(next) => setPanel(panel === next ? null : next)}
          />
        </div>
      </header>
      {actionError && (
        <p class="banner banner--error" role="alert">
          {actionError}
        </p>
      )}
      {mine && panel === 'transfer' && (
        <TransferForm
          token={token}
          currentQueue={c.queue}
          team={team.team}
          refreshTeam={team.refresh}
          exceptId={me}
          busy={busy === 'transfer'}
          onCancel={() => setPanel(null)}
          onSubmit={(target: TransferTarget, note: string) =>
            guarded('transfer', () =>
              act('transfer', () => api.transfer(token, conversationId, target, note)),
            )
          }
        />
      )}
      {canTakeOver && panel === 'reassign' && (
        <TransferForm
          token={token}
          purpose="reassign"
          currentQueue={null}
          team={team.team}
          refreshTeam={team.refresh}
          exceptId={c.assignee?.id ?? ''}
          busy={busy === 'reassign'}
          onCancel={() => setPanel(null)}
          onSubmit={(target: TransferTarget, reason: string) =>
            void act('reassign', () => api.reassign(token, conversationId, target, reason))
          }
        />
      )}
      {mine && panel === 'resolve' && (
        <ResolveForm
          busy={busy === 'resolve'}
          onCancel={() => setPanel(null)}
          onSubmit={(outcome: ResolveOutcome) =>
            guarded('resolve', () =>
              act('resolve', () => api.resolve(token, conversationId, outcome)),
            )
          }
        />
      )}
      {panel === 'contact' && (
        <ContactPanel
          token={token}
          conversationId={conversationId}
          name={name}
          onOpen={props.onOpen}
          onClose={() => setPanel(null)}
          onUnauthorized={props.onUnauthorized}
        />
      )}
      {dialog}
      <div class="pane-grid">
        <aside class="pane-side" aria-label="Handoff packet">
          <HandoffCard conversation={c} packet={packet} />
          <AskBot
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
        </aside>
        <div class="pane-main">
          {/* Focusable so keyboard users can scroll the transcript too. */}
          <div class="pane-body" ref={body} tabIndex={0} role="region" aria-label="Messages">
            {transcript.error && <p class="banner banner--error">{transcript.error}</p>}
            {transcript.loading && transcript.events.length === 0 && (
              <p class="muted">Loading transcript…</p>
            )}
            <Transcript
              events={transcript.events}
              pending={replies.pending}
              customer={name}
              token={token}
              onRetry={(reply) => void replies.send(reply)}
              onDiscard={replies.discard}
            />
          </div>
          <p class="typing-note" aria-live="polite">
            {transcript.customerTyping && c.status !== 'resolved' ? `${name} is typing…` : ''}
          </p>
          {mine && windowClosed && (
            <WindowClosedNotice
              token={token}
              open={panel === 'template'}
              busy={busy === 'template'}
              onOpen={() => setPanel('template')}
              onCancel={() => setPanel(null)}
              onSend={(t) => void sendTemplate(t)}
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
            <>
              <PaneFooter
                claimable={claimable}
                offeredToMe={offeredToMe}
                status={c.status}
                expiresAt={props.offer?.expiresAt ?? null}
                watching={canTakeOver ? (assignee ?? 'another agent') : null}
              />
              {canTakeOver && (
                <SupervisorNote agentName={assignee ?? 'the agent'} onAdd={leaveNote} />
              )}
            </>
          )}
        </div>
      </div>
    </section>
  );
}
