/**
 * GET /api/v1/agent/stream: an agent's live inbox (the token in the `baton.token.…`
 * sub-protocol or the Authorization header; `?token=` is refused with TOKEN_IN_URL).
 * Announces every handed-over conversation that changes, and streams the events of
 * conversations the agent subscribes to, resuming from the `since` the client gives. A socket
 * whose session ends (logout, disabled account, password reset) is closed with code 4401 at
 * once on every node (the hub tells them through the bus); the periodic session check
 * (`auth.sessionCheckMs`, 30 s) is the backstop for an expiry and for a change made where no
 * bus reaches (the CLI without Redis). One session opens a bounded number of sockets
 * (TOO_MANY_SOCKETS past it), and frames pass the socket's limits (socket-guard.ts).
 * Subscribe, typing, read and message frames name a conversation in the agent's scope, or get
 * CONVERSATION_NOT_FOUND as for an unknown id (conversation-history.ts).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AgentRecord, ConversationRecord } from '../../core/records.ts';
import { toConversationView } from '../../app/conversations/conversation-view.ts';
import { announcedTo } from '../../app/conversations/conversation-scope.ts';
import type { RouteContext } from '../route-context.ts';
import type { ReleaseSlots } from '../../app/limits/socket-slots.ts';
import { BatonError } from '../../core/errors/baton-error.ts';
import { hashToken, tokenFrom } from '../../app/auth/tokens.ts';
import { EventCursor } from './event-cursor.ts';
import { SocketGuard } from './socket-guard.ts';
import { TypingThrottle } from './typing-throttle.ts';
import {
  AgentFrame,
  parseFrame,
  sendAck,
  sendError,
  sendFrame,
  type AgentFrameValue,
} from './socket-frames.ts';

/** The close code that tells the inbox its session ended (4000–4999: for applications). */
export const SESSION_ENDED_CLOSE_CODE = 4401;

export function registerAgentStream(app: FastifyInstance, ctx: RouteContext): void {
  const agents = new WeakMap<FastifyRequest, AgentRecord>();
  const releases = new WeakMap<FastifyRequest, ReleaseSlots>();
  app.get(
    '/api/v1/agent/stream',
    {
      websocket: true,
      schema: { summary: 'WebSocket: the live inbox of an agent', tags: ['realtime'] },
      preValidation: async (request) => {
        const agent = await ctx.auth.agent(request, { socket: true });
        const release = await ctx.limits.agentSockets.reserve([sessionOf(request)]);
        if (!release) throw new BatonError('TOO_MANY_SOCKETS');
        // Given back when the connection closes, also when the upgrade never completes.
        request.raw.socket.once('close', release);
        releases.set(request, release);
        agents.set(request, agent);
      },
    },
    (socket, request) => {
      const agent = agents.get(request) as AgentRecord;
      const release = releases.get(request);
      releases.delete(request);
      if (release) socket.on('close', release);
      const guard = new SocketGuard(socket, ctx.limits.frames, (error) =>
        request.log.error({ err: error }, 'agent frame failed'),
      );
      const cursors = new Map<string, EventCursor>();
      const typing = new TypingThrottle();
      // The agent's scope as the socket opened; `shown`: conversations this socket announced.
      // One that leaves the agent's line (another took it, it moved to another queue) is
      // withdrawn with a `conversation_removed` frame. A conversation the agent follows (its
      // pane is open) and may still open, having taken part, keeps its updates: the frame
      // comes before the withdrawal, so the pane shows who has it now.
      const scope = ctx.history.scope(agent);
      const shown = new Set<string>();
      const announce = (c: ConversationRecord) => {
        if (announcedTo(scope, c)) {
          shown.add(c.id);
          sendFrame(socket, { type: 'conversation', conversation: toConversationView(c) });
          return;
        }
        const wasShown = shown.delete(c.id);
        const removed = () =>
          sendFrame(socket, { type: 'conversation_removed', conversationId: c.id });
        if (!cursors.has(c.id)) {
          if (wasShown) removed();
          return;
        }
        ctx.history.mayOpen(agent, c.id).then(
          (may) => {
            if (may)
              sendFrame(socket, { type: 'conversation', conversation: toConversationView(c) });
            else cursors.delete(c.id);
            if (wasShown || !may) removed();
          },
          (error: unknown) => request.log.error({ err: error }, 'scope check failed'),
        );
      };
      const remove = ctx.hub.addAgent({
        agentId: agent.id,
        sessionHash: sessionOf(request),
        onConversation: announce,
        onEvents: (conversationId, events) => cursors.get(conversationId)?.push(events),
        // Only for the conversations this socket follows.
        onTyping: (signal) => {
          if (cursors.has(signal.conversationId))
            sendFrame(socket, {
              type: 'typing',
              conversationId: signal.conversationId,
              by: signal.by,
              active: signal.active,
            });
        },
        disconnect: (reason) => socket.close(SESSION_ENDED_CLOSE_CODE, reason),
        onPresence: (presence) => sendFrame(socket, { type: 'presence', presence }),
        resync: () => {
          for (const cursor of cursors.values()) void cursor.catchUp();
          ctx.history.inbox(agent).then(
            (inbox) => {
              for (const c of inbox) announce(c);
            },
            (error: unknown) => request.log.error({ err: error }, 'inbox resync failed'),
          );
        },
      });
      const sessionCheck = setInterval(() => {
        ctx.auth.agent(request, { socket: true }).then(
          () => undefined,
          () => socket.close(SESSION_ENDED_CLOSE_CODE, 'session ended'),
        );
      }, ctx.config.auth.sessionCheckMs);
      sessionCheck.unref();
      socket.on('close', () => {
        clearInterval(sessionCheck);
        remove();
      });
      socket.on('message', (raw) =>
        guard.next(async () => {
          const frame = parseFrame<AgentFrameValue>(AgentFrame, raw, socket);
          const clientMessageId =
            frame && 'clientMessageId' in frame ? frame.clientMessageId : undefined;
          if (!(await guard.frame(clientMessageId)) || !frame) return;
          // A receipt is stored before the socket's next frame: one screen's receipts in order.
          if (frame.type === 'read')
            return readUpTo(frame).catch((error: unknown) => sendError(socket, error));
          // So is a reply: its scope check reads the database, and a later frame's must not
          // overtake it, or replies would be counted and stored out of the order they were sent.
          if (frame.type === 'message')
            return postMessage(frame).catch((error: unknown) =>
              sendError(socket, error, frame.clientMessageId),
            );
          handle(frame);
        }),
      );

      function handle(frame: AgentFrameValue): void {
        switch (frame.type) {
          case 'subscribe':
            // The same scope as GET /conversations/:id: out of it is CONVERSATION_NOT_FOUND.
            ctx.history.open(agent, frame.conversationId).then(
              () => {
                const cursor = new EventCursor(
                  frame.since ?? 0,
                  (s) => ctx.conversations.eventsSince(frame.conversationId, s),
                  (event) => sendFrame(socket, { type: 'event', event }),
                  (error) => request.log.error({ err: error }, 'agent catch-up failed'),
                );
                cursors.set(frame.conversationId, cursor);
                void cursor.catchUp();
              },
              (error: unknown) => sendError(socket, error),
            );
            return;
          case 'unsubscribe':
            cursors.delete(frame.conversationId);
            return;
          case 'typing': {
            const active = frame.active ?? true;
            if (!typing.pass(frame.conversationId, active)) return;
            // Out of scope is CONVERSATION_NOT_FOUND, as for subscribe and every write.
            ctx.history.open(agent, frame.conversationId).then(
              (conversation) => {
                // The customer sees only the person who owns the conversation typing.
                if (conversation.status !== 'assigned' || conversation.assigneeId !== agent.id) {
                  typing.forget(frame.conversationId);
                  sendError(socket, new BatonError('NOT_ASSIGNEE'));
                  return;
                }
                ctx.hub.typing({
                  conversationId: frame.conversationId,
                  by: 'agent',
                  name: agent.name,
                  active,
                });
              },
              (error: unknown) => {
                typing.forget(frame.conversationId);
                sendError(socket, error);
              },
            );
            return;
          }
          case 'read':
          case 'message':
            return; // handled in order, above
        }
      }

      /**
       * Out of scope is CONVERSATION_NOT_FOUND, as for every other frame; moved out of it
       * before the receipt's commit, OUT_OF_SCOPE and nothing stored.
       */
      async function readUpTo(frame: AgentFrameValue & { type: 'read' }): Promise<void> {
        await ctx.history.requireInScope(agent, frame.conversationId);
        await ctx.workflow.markRead(frame.conversationId, agent, frame.upToSeq);
      }

      async function postMessage(frame: AgentFrameValue & { type: 'message' }): Promise<void> {
        const { conversationId, clientMessageId } = frame;
        // Scope first: a message out of scope neither counts against the conversation's rate
        // nor tells whether the id exists (the caller sends the error frame).
        await ctx.history.requireInScope(agent, conversationId);
        if (!(await guard.pass(ctx.limits.messages.agent(conversationId), clientMessageId))) return;
        await ctx.service
          .postAgentMessage(conversationId, agent, {
            text: frame.text,
            ...(clientMessageId ? { clientMessageId } : {}),
          })
          .then(
            async (result) => {
              sendAck(socket, clientMessageId, result);
              await ctx.audit.reply(agent, conversationId, request.ip, result);
            },
            (error: unknown) => sendError(socket, error, clientMessageId),
          );
      }
    },
  );
}

/** The session a socket belongs to (its token's hash: the token itself is never kept). */
function sessionOf(request: FastifyRequest): string {
  return hashToken(tokenFrom(request.headers) ?? '');
}
