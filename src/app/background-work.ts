/**
 * Everything that runs besides requests: the timer loop and its handlers (SLA, offers,
 * abandonment, follow-ups, the channel and webhook outboxes), the outbox queueing on the
 * bus, and the provider webhooks that feed channel conversations in.
 */
import type { FastifyInstance } from 'fastify';
import { createApiAdapter } from '../channels/index.ts';
import { ChannelInbound } from './channels/channel-inbound.ts';
import {
  handleChannelSend,
  queueOutboundMessages,
  SEND_TIMER,
} from './channels/channel-outbound.ts';
import { createAdapters } from './channels/create-adapters.ts';
import {
  handleOutgoingWebhook,
  queueOutgoingWebhooks,
  WEBHOOK_TIMER,
} from './channels/outgoing-webhooks.ts';
import type { RouteContext } from '../http/route-context.ts';
import { registerChannelWebhooks, type WebhookReceiver } from '../http/routes/channel-webhooks.ts';
import { startEmailChannel } from './channels/email/start-email-channel.ts';
import {
  FOLLOW_UP_TIMER,
  INACTIVITY_TIMER,
  OFFER_TIMER,
  PROMISE_TIMER,
  REPLY_DUE_TIMER,
  SLA_TIMER,
} from '../core/conversation/timer-kinds.ts';
import { handleReplyDue } from './timers/reply-due.ts';
import { handlePromiseDue } from './timers/promise-due.ts';
import { teamAvailability } from './conversations/team-availability.ts';
import { handleOfferExpiry } from './routing/offer-expiry.ts';
import { handleInactivity, watchCustomerPresence } from './timers/abandonment.ts';
import { handleFollowUp } from './timers/follow-up.ts';
import { handleSlaBreach } from './timers/sla-breach.ts';
import { EstimateUpdates } from './timers/estimate-updates.ts';
import { TimerRunner } from './timers/timer-runner.ts';

export interface BackgroundWork {
  readonly timers: TimerRunner;
  stop(): Promise<void>;
}

export async function startBackgroundWork(
  app: FastifyInstance,
  ctx: RouteContext,
): Promise<BackgroundWork> {
  const { store, bus, clock, hub, service, writer } = ctx;
  const adapters = createAdapters(ctx.config, clock);
  const { priorityStep, priorityCeiling } = ctx.config.routing.deadEnds;
  const bump = { step: priorityStep, ceiling: priorityCeiling };
  const abandonment = {
    store,
    writer,
    clock,
    isCustomerConnected: (id: string) => hub.isCustomerConnected(id),
    onError: (error: unknown) => app.log.error({ err: error }, 'watching customer presence failed'),
  };
  const outbound = {
    store,
    bus,
    writer,
    adapters,
    clock,
    kick: () => void timers.tick(),
    onError: (error: unknown) =>
      app.log.error({ err: error }, 'queueing an outbound message failed'),
  };
  const { url: webhookUrl, secret: webhookSecret } = ctx.config.webhooks;
  const webhooks =
    webhookUrl && webhookSecret
      ? {
          store,
          bus,
          writer,
          clock,
          url: webhookUrl,
          adapter: createApiAdapter({ secret: webhookSecret, webhookUrl, clock }),
          kick: () => void timers.tick(),
          onError: (error: unknown) => app.log.error({ err: error }, 'queueing a webhook failed'),
        }
      : undefined;
  const inbound = new ChannelInbound({
    store,
    bus,
    writer,
    service,
    clock,
    messageMaxChars: ctx.config.limits.messageMaxChars,
  });
  const emailConfig = ctx.config.channels.email;
  const email = emailConfig
    ? await startEmailChannel(emailConfig, {
        store,
        bus,
        writer,
        clock,
        inbound,
        kick: () => void timers.tick(),
        log: app.log,
      })
    : undefined;
  app.decorate('smtpPort', email?.smtp?.port);
  const timers = new TimerRunner({
    store,
    clock,
    intervalMs: ctx.config.timers.intervalMs,
    leaseMs: ctx.config.timers.leaseMs,
    handlers: {
      [SLA_TIMER]: handleSlaBreach({ store, writer, queues: ctx.queues.list, bump }),
      [SEND_TIMER]: handleChannelSend(outbound),
      [OFFER_TIMER]: handleOfferExpiry({ store, writer, clock }),
      [INACTIVITY_TIMER]: handleInactivity(abandonment),
      [FOLLOW_UP_TIMER]: handleFollowUp({
        store,
        writer,
        clock,
        settings: service.waitingSettings,
      }),
      [PROMISE_TIMER]: handlePromiseDue({
        store,
        writer,
        clock,
        settings: service.waitingSettings,
        team: () => teamAvailability(store, hub),
        handleMinutes: (q) => service.handleTimes.minutesFor(q),
      }),
      [REPLY_DUE_TIMER]: handleReplyDue({
        store,
        writer,
        clock,
        bump,
        teamName: (q) => ctx.queues.teamName(q),
      }),
      ...(webhooks ? { [WEBHOOK_TIMER]: handleOutgoingWebhook(webhooks) } : {}),
      ...email?.handlers,
    },
    reconcile: (id) => writer.reconcile(id),
    log: app.log,
  });
  // Wait-estimate updates for queued customers (src/app/timers/estimate-updates.ts).
  const estimates = new EstimateUpdates({
    store,
    bus,
    writer,
    clock,
    presence: hub,
    settings: service.waitingSettings,
    handleTimes: service.handleTimes,
    onError: (error) => app.log.error({ err: error }, 'wait-estimate update failed'),
  });
  estimates.start(Math.min(ctx.config.routing.passIntervalMs, 10 * ctx.config.timers.intervalMs));
  const stopQueueing = queueOutboundMessages(outbound);
  const stopWebhooks = webhooks ? queueOutgoingWebhooks(webhooks) : () => undefined;
  hub.onCustomerPresence = watchCustomerPresence(abandonment);
  const receivers = new Map<string, WebhookReceiver>(adapters);
  if (email?.webhookEnabled) receivers.set('email', email.adapter);
  await registerChannelWebhooks(app, receivers, inbound);
  return {
    timers,
    async stop() {
      stopQueueing();
      stopWebhooks();
      await email?.stop();
      await estimates.stop();
      service.handleTimes.close();
      await timers.stop();
    },
  };
}
