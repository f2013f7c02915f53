/**
 * The message a customer reads at the handoff (when the team is open): place and wait band,
 * with the waiting options as choices on a long queue, or, on an explicit request to a team
 * that needs details not given yet, the offer to share them first.
 */
import type { Choice } from '../../core/sla/choices.ts';
import { customerText } from '../../core/i18n/customer-text.ts';
import type { ConversationRecord } from '../../core/records.ts';
import { handoffMessage } from './customer-messages.ts';
import type { EscalationDecision } from './ports.ts';
import { missingQueueFields } from './queue-fields.ts';
import type { TeamAvailability } from './team-availability.ts';
import { labelled, longQueueChoices } from './waiting-room.ts';
import type { WaitingSettings } from './waiting-settings.ts';

export interface WaitingMessageInput {
  readonly conversation: ConversationRecord;
  readonly decision: EscalationDecision;
  readonly position: number;
  readonly team: TeamAvailability;
  readonly settings: WaitingSettings;
  /** The queue's rolling handle time. */
  readonly handleMinutes: number;
}

export function waitingMessage(input: WaitingMessageInput): Record<string, unknown> {
  const { conversation, decision, position, team, settings } = input;
  const queue = decision.queue;
  const language = conversation.language ?? 'en';
  const overrides = settings.overrides(queue);
  // A caller is spoken to and then put on hold: the long-queue options (a callback, carry on
  // by message) and buttons are not offered on the call, only the place and the wait band.
  const spoken = conversation.channel === 'voice';
  const message = handoffMessage({
    queue,
    position,
    agentsOnline: team.online,
    freeSlots: team.freeSlots,
    concurrency: team.concurrency,
    language: conversation.language,
    averageHandleMinutes: input.handleMinutes,
    longQueueMinutes: spoken ? Number.POSITIVE_INFINITY : settings.longQueueMinutes(queue),
    team: settings.teamName(queue, language),
    overrides,
  });
  const data: Record<string, unknown> = {
    from: 'bot',
    text: message.text,
    kind: 'handoff',
    intent: 'handoff',
    position,
    band: message.band
      ? { lowMinutes: message.band.lowMinutes, highMinutes: message.band.highMinutes }
      : null,
  };
  if (message.longQueue) {
    data.prompt = 'long_queue';
    data.choices = longQueueChoices(language, overrides);
    return data;
  }
  const missing =
    !spoken && decision.reasons.includes('explicit_request')
      ? missingQueueFields(queue, decision.fields, conversation.customer)
      : [];
  if (missing.length > 0) {
    const team = settings.teamName(queue, language);
    const options = customerText('explicit_options', language, { team }, overrides);
    const choices: Choice[] = labelled(
      [
        ['connect_now', 'choice_connect_now'],
        ['share_details', 'choice_share_details'],
      ],
      language,
      overrides,
    );
    // Each channel shows the choices its own way (buttons, or numbered where it has none).
    data.text = `${message.text} ${options}`;
    data.prompt = 'explicit_handoff';
    data.missingFields = missing;
    data.choices = choices;
  }
  return data;
}
