/**
 * An SLA breach raises a waiting conversation's priority, boundedly: each bump is at most
 * `step` and half the distance to `ceiling`, and a bumped priority never passes `ceiling`
 * (kept below the maximum, so the most urgent policy priorities stay ahead). The function
 * is monotone, so bumping never swaps the order of two conversations.
 */
export interface PriorityBump {
  readonly step: number;
  readonly ceiling: number;
}

export function bumpPriority(priority: number, bump: PriorityBump): number {
  if (priority >= bump.ceiling) return priority;
  const halfway = Math.ceil((bump.ceiling - priority) / 2);
  return Math.min(bump.ceiling, priority + Math.min(bump.step, halfway));
}
