/**
 * What the customer reads when their request overflows to a fallback team after nobody from
 * the first team could answer in time: the truth (the first team is busy), who takes over,
 * their place in the new team's line as it is now (a place in another line is not "kept"),
 * and that they need not repeat themselves. No time is promised here; the estimate follows.
 */
import { customerText } from '../../core/i18n/customer-text.ts';

/** `fromTeam`, `toTeam`: the queues' team names (QueueCatalog.teamName); `place` in the new line. */
export function overflowText(
  fromTeam: string,
  toTeam: string,
  place: number,
  language: string | null,
): string {
  return customerText('overflowed', language, { from: fromTeam, to: toTeam, position: place });
}
