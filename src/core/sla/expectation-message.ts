/**
 * `expectationMessage(situation, language)`: the text the customer reads while waiting. It
 * never promises quick help unless agents serving the queue are online and a band exists; with
 * nobody online it says so, and when closed it names the follow-up time in the calendar's zone.
 */
import type { WaitBand } from './estimate-wait.ts';
import { formatFollowUp } from './format-follow-up.ts';
import {
  customerLanguage,
  customerText,
  type CustomerTextOverrides,
} from '../i18n/customer-text.ts';

export type ExpectationSituation =
  | {
      readonly kind: 'waiting';
      readonly team: string;
      /** Online agents who serve the queue (or its fallback) right now. */
      readonly agentsOnline: number;
      readonly position: number;
      readonly band: WaitBand | null;
      /** Above this many minutes the customer is offered a callback or an async reply. */
      readonly longQueueMinutes: number;
    }
  | {
      readonly kind: 'closed';
      readonly team: string;
      readonly now: Date;
      /** When the team reopens (`nextOpening`); null when unknown: then no time is promised. */
      readonly followUpAt: Date | null;
      readonly timeZone: string;
      /** False on channels that cannot message the customer later (web chat): ask for contact. */
      readonly canReachLater: boolean;
      /**
       * Whether Baton can send email (the email channel with an outbound relay): only then
       * is an email address asked for; without it, a phone number. Default: true.
       */
      readonly canEmail?: boolean;
    }
  | { readonly kind: 'agent_joined'; readonly team: string; readonly agentName: string }
  | { readonly kind: 'agent_left'; readonly team: string; readonly agentName: string };

/** Channels on which Baton can start a message later (after the customer has left). */
export const CHANNELS_THAT_REACH_LATER: readonly string[] = [
  'email',
  'sms',
  'whatsapp',
  'telegram',
];

export function expectationMessage(
  situation: ExpectationSituation,
  language: string,
  overrides: CustomerTextOverrides = {},
): string {
  switch (situation.kind) {
    case 'waiting': {
      const { team, position, band } = situation;
      if (situation.agentsOnline <= 0 || band === null)
        return customerText('no_agents', language, { team }, overrides);
      const params = { team, position, low: band.lowMinutes, high: band.highMinutes };
      const key =
        band.highMinutes > situation.longQueueMinutes
          ? 'long_queue'
          : band.highMinutes <= 1
            ? 'waiting_short'
            : 'waiting';
      return customerText(key, language, params, overrides);
    }
    case 'closed': {
      const { team, followUpAt, now, timeZone } = situation;
      const main =
        followUpAt === null
          ? customerText('closed_unknown', language, { team }, overrides)
          : customerText(
              'closed',
              language,
              { team, when: formatFollowUp(followUpAt, now, timeZone, customerLanguage(language)) },
              overrides,
            );
      if (situation.canReachLater) return main;
      const ask = situation.canEmail === false ? 'ask_phone' : 'ask_contact';
      return `${main} ${customerText(ask, language, {}, overrides)}`;
    }
    case 'agent_joined':
    case 'agent_left':
      return customerText(
        situation.kind,
        language,
        { team: situation.team, agent: situation.agentName },
        overrides,
      );
  }
}
