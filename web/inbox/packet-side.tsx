// The side column: the handoff card, then "Ask the bot" (whose answers go into the reply only
// when the conversation is the agent's own).

import type { Conversation } from '../shared/api-types.ts';
import { AskBot } from './ask-bot.tsx';
import { HandoffCard } from './handoff-card.tsx';
import type { HandoffPacket } from './inbox-types.ts';

export interface PacketSideProps {
  conversation: Conversation;
  packet: HandoffPacket | null;
  token: string;
  /** Puts an article into the reply; null when the agent may not reply. */
  onInsert: ((text: string) => void) | null;
}

export function PacketSide(props: PacketSideProps) {
  return (
    <aside class="pane-side" aria-label="Handoff packet">
      <HandoffCard conversation={props.conversation} packet={props.packet} />
      <AskBot token={props.token} onInsert={props.onInsert} />
    </aside>
  );
}
