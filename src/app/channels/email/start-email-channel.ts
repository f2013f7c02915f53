/**
 * The email channel as configured: the inbound-parse webhook's adapter, the SMTP listener
 * (mail in, persisted before the 250) and the SMTP relay for mail out (the `email.send`
 * outbox). Any part may be off: a webhook-only or listener-only setup still threads replies.
 */
import nodemailer from 'nodemailer';
import { createEmailAdapter, type EmailAdapter } from '../../../channels/index.ts';
import { parseMimeEmail } from '../../../channels/email/parse-mime-email.ts';
import type { EventBus } from '../../../bus/event-bus.ts';
import type { ConversationWriter } from '../../conversations/conversation-writer.ts';
import type { Store } from '../../../store/store.ts';
import type { ChannelInbound } from '../channel-inbound.ts';
import type { ResolvedConfig } from '../../../config/load-config.ts';
import type { TimerHandler } from '../../timers/timer-runner.ts';
import { EMAIL_TIMER, handleEmailSend, queueOutboundEmails } from './email-outbound.ts';
import { TRANSCRIPT_TIMER, handleTranscriptSend } from './transcript-email.ts';
import { startSmtpListener, type DeliverOutcome, type SmtpListener } from './smtp-listener.ts';
import { checkEmailAuthenticity } from './check-email-authenticity.ts';
import type {
  DnsResolver,
  EmailAuthenticity,
  SmtpEnvelope,
} from '../../../channels/email/email-authenticity.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The port the inbound SMTP listener bound (useful with port 0), when it runs. */
    smtpPort: number | undefined;
  }
}

type EmailConfig = NonNullable<ResolvedConfig['channels']['email']>;

export interface EmailChannelDeps {
  readonly store: Store;
  readonly bus: EventBus;
  readonly writer: ConversationWriter;
  readonly clock: () => Date;
  readonly inbound: ChannelInbound;
  readonly kick: () => void;
  /** The bot's name, as the customer saw it, in transcripts they ask for. */
  readonly botName: string;
  /** DNS for the SPF, DKIM and DMARC checks; omitted: the system's. */
  readonly dnsResolver?: DnsResolver | undefined;
  readonly log: {
    warn(obj: object, msg: string): void;
    error(obj: object, msg: string): void;
    info(obj: object, msg: string): void;
  };
}

export interface EmailChannel {
  readonly adapter: EmailAdapter;
  /** Whether the inbound-parse webhook at /channels/email/webhook is on. */
  readonly webhookEnabled: boolean;
  readonly handlers: Readonly<Record<string, TimerHandler>>;
  /** The SMTP listener, when configured (its `port` is the one bound, for port 0). */
  readonly smtp: SmtpListener | undefined;
  stop(): Promise<void>;
}

export async function startEmailChannel(
  config: EmailConfig,
  deps: EmailChannelDeps,
): Promise<EmailChannel> {
  const { store, bus, clock, inbound, log } = deps;
  const adapter = createEmailAdapter({
    from: config.from,
    ...(config.messageIdDomain ? { messageIdDomain: config.messageIdDomain } : {}),
    ...(config.webhookUsername ? { webhookUsername: config.webhookUsername } : {}),
    ...(config.webhookPassword ? { webhookPassword: config.webhookPassword } : {}),
    clock,
  });
  const transport = config.smtpUrl ? nodemailer.createTransport(config.smtpUrl) : undefined;
  const outbound = transport && {
    store,
    bus,
    writer: deps.writer,
    adapter,
    clock,
    send: (message: Parameters<typeof transport.sendMail>[0]) => transport.sendMail(message),
    teamName: teamNameOf(config.from),
    kick: deps.kick,
    onError: (error: unknown) => log.error({ err: error }, 'queueing an email failed'),
  };
  const stopQueueing = outbound ? queueOutboundEmails(outbound) : () => undefined;
  const verifySender = config.smtp?.verifySender ?? true;
  const authenticityOf = async (raw: Buffer, envelope: SmtpEnvelope) => {
    try {
      return await checkEmailAuthenticity(raw, envelope, { resolver: deps.dnsResolver });
    } catch (error) {
      // Never lose mail to a checker's fault: it is kept, as unverified.
      log.warn({ err: error }, "checking an inbound email's sender failed");
      return UNCHECKED;
    }
  };
  const deliver = async (raw: Buffer, envelope: SmtpEnvelope): Promise<DeliverOutcome> => {
    const parsed = await parseMimeEmail(raw, clock());
    if (parsed.kind === 'invalid') return parsed;
    if (parsed.kind === 'automatic') {
      log.info({ reason: parsed.reason }, 'automatic email ignored');
      return { kind: 'ignored', reason: parsed.reason };
    }
    if (parsed.kind === 'message' && verifySender) {
      const authenticity = await authenticityOf(raw, envelope);
      await inbound.handle('email', { ...parsed.event, authenticity });
      return { kind: 'stored' };
    }
    // A message, or a bounce of one Baton sent (a failed delivery the agent sees).
    await inbound.handle('email', parsed.event);
    return { kind: 'stored' };
  };
  const smtp = config.smtp
    ? await startSmtpListener({
        ...config.smtp,
        deliver,
        log,
      })
    : undefined;
  return {
    adapter,
    webhookEnabled: Boolean(config.webhookUsername && config.webhookPassword),
    handlers: outbound
      ? {
          [EMAIL_TIMER]: handleEmailSend(outbound),
          [TRANSCRIPT_TIMER]: handleTranscriptSend({
            store,
            send: outbound.send,
            from: config.from,
            teamName: outbound.teamName,
            botName: deps.botName,
            onGiveUp: (conversationId, error) =>
              log.warn({ err: error, conversationId }, 'an emailed transcript was given up'),
          }),
        }
      : {},
    smtp,
    async stop() {
      stopQueueing();
      await smtp?.close();
      transport?.close();
    },
  };
}

/** What a message is marked when mailauth itself failed on it. */
const UNCHECKED: EmailAuthenticity = {
  checkedBy: 'baton',
  spf: 'temperror',
  dkim: 'temperror',
  dmarc: 'temperror',
  verified: false,
  summary: 'not checked (the check failed)',
};

/** "Acme Support <help@acme.test>" → "Acme Support"; a bare address stays as it is. */
function teamNameOf(from: string): string {
  return /^\s*"?([^"<]+?)"?\s*</.exec(from)?.[1] ?? from.trim();
}
