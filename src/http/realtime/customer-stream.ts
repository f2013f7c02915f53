/**
 * GET /api/v1/conversations/:id/stream?since=: the customer's live view of their own
 * conversation. The token is checked before the upgrade; a wrong one never gets a socket, nor
 * does one past the open sockets allowed per conversation and per address (TOO_MANY_SOCKETS).
 * Frames pass the socket's limits (socket-guard.ts) before they are handled. A `read` frame
 * marks only this conversation (mark-read.ts; docs/api.md, "Read receipts").
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { BatonError } from '../../core/errors/baton-error.ts';
import { toCustomerEvent } from '../../app/conversations/conversation-view.ts';
import type { ConversationCaller } from '../../app/auth/authenticate.ts';
import { markRead } from '../../app/conversations/mark-read.ts';
import type { RouteContext } from '../route-context.ts';
import type { ReleaseSlots } from '../../app/limits/socket-slots.ts';
import { EventCursor } from './event-cursor.ts';
import { SocketGuard } from './socket-guard.ts';
import { TypingThrottle } from './typing-throttle.ts';
import {
  CustomerFrame,
  parseFrame,
  sendAck,
  sendError,
  sendFrame,
  type CustomerFrameValue,
} from './socket-frames.ts';

type StreamRequest = FastifyRequest<{ Params: { id: string }; Querystring: { since?: string } }>;

export function registerCustomerStream(app: FastifyInstance, ctx: RouteContext): void {
  const callers = new WeakMap<FastifyRequest, ConversationCaller>();
  const releases = new WeakMap<FastifyRequest, ReleaseSlots>();
  app.get(
    '/api/v1/conversations/:id/stream',
    {
      websocket: true,
      schema: { summary: 'WebSocket: live events of one conversation', tags: ['realtime'] },
      preValidation: async (request: StreamRequest) => {
        const caller = await ctx.auth.conversationCaller(request, request.params.id, {
          socket: true,
        });
        const release = await ctx.limits.customerSockets.reserve(slotsOf(caller, request.ip));
        if (!release) throw new BatonError('TOO_MANY_SOCKETS');
        // Given back when the connection closes, also when the upgrade never completes.
        request.raw.socket.once('close', release);
        releases.set(request, release);
        callers.set(request, caller);
      },
    },
    (socket, request: StreamRequest) => {
      const caller = callers.get(request) as ConversationCaller;
      callers.delete(request);
      // What the socket's handlers need, taken out of the caller and the request: an idle
      // socket's closures then hold an id, a flag and a logger, not the conversation record
      // nor the upgrade request with its headers (bench idle_sockets, docs/bench.md).
      const id = caller.conversation.id;
      const isCustomer = caller.kind === 'customer';
      const log = request.log;
      const release = releases.get(request);
      releases.delete(request);
      if (release) socket.on('close', release);
      const guard = new SocketGuard(socket, ctx.limits.frames, (error) =>
        log.error({ err: error }, 'customer frame failed'),
      );
      const since = Math.max(0, Number.parseInt(request.query.since ?? '0', 10) || 0);
      const view = isCustomer ? toCustomerEvent : (e: Parameters<typeof toCustomerEvent>[0]) => e;
      const cursor = new EventCursor(
        since,
        (s) => ctx.conversations.eventsSince(id, s),
        (event) => sendFrame(socket, { type: 'event', event: view(event) }),
        (error) => log.error({ err: error }, 'stream catch-up failed'),
      );
      const typing = new TypingThrottle();
      const remove = ctx.hub.addCustomer({
        conversationId: id,
        onEvents: (e) => cursor.push(e),
        onTyping: (signal) =>
          sendFrame(socket, {
            type: 'typing',
            by: signal.by,
            name: signal.name,
            active: signal.active,
          }),
        resync: () => void cursor.catchUp(),
      });
      socket.on('close', remove);
      socket.on('message', (raw) =>
        guard.next(async () => {
          const frame = parseFrame<CustomerFrameValue>(CustomerFrame, raw, socket);
          const clientMessageId =
            frame && 'clientMessageId' in frame ? frame.clientMessageId : undefined;
          if (!(await guard.frame(clientMessageId)) || !frame) return;
          if (!isCustomer) {
            sendError(
              socket,
              new BatonError('FORBIDDEN', 'Agents reply on the agent stream.'),
              clientMessageId,
            );
            return;
          }
          if (frame.type === 'typing') {
            const active = frame.active ?? true;
            if (typing.pass(id, active))
              ctx.hub.typing({ conversationId: id, by: 'customer', name: null, active });
            return;
          }
          if (frame.type === 'read') {
            // Only this token's conversation; stored (when the marker moves) before the next
            // frame is handled, and relayed by the stream like any event.
            const deps = { writer: ctx.writer, queries: ctx.conversations };
            const actor = { type: 'customer' as const };
            await markRead(deps, {
              conversationId: id,
              by: 'customer',
              actor,
              upToSeq: frame.upToSeq,
            }).catch((error: unknown) => sendError(socket, error));
            return;
          }
          if (!(await guard.pass(ctx.limits.messages.customer(id), clientMessageId))) return;
          const input =
            frame.type === 'message'
              ? { text: frame.text, ...(clientMessageId ? { clientMessageId } : {}) }
              : {
                  action: frame.action,
                  ...('choice' in frame ? { choice: frame.choice } : {}),
                  ...(clientMessageId ? { clientMessageId } : {}),
                };
          guard.track(
            ctx.service.postCustomerMessage(id, input).then(
              (result) => sendAck(socket, clientMessageId, result),
              (error: unknown) => sendError(socket, error, clientMessageId),
            ),
          );
        }),
      );
      void cursor.catchUp();
    },
  );
}

/** The slots a customer's socket takes: its conversation and its address. Agents take none. */
function slotsOf(caller: ConversationCaller, ip: string): string[] {
  return caller.kind === 'customer' ? [`conversation:${caller.conversation.id}`, `ip:${ip}`] : [];
}
