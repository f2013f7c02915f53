// The handoff card: why the bot stepped aside, where the conversation was routed and who
// the customer is, read first before the transcript. Issue 6 extends it (summary,
// evidence, collected fields, recommended actions).

import type { Conversation } from '../shared/api-types.ts';
import {
  channelLabel,
  clockTime,
  customerName,
  duration,
  priorityLevel,
  queueLabel,
  reasonLabel,
  waitingSince,
} from './format.ts';
import { useNow } from './use-now.ts';

export function HandoffCard({ conversation: c }: { conversation: Conversation }) {
  const now = useNow();
  const handoff = c.handoff;
  if (!handoff) {
    return (
      <section class="handoff-card handoff-card--none" aria-label="Handoff">
        <p>This conversation has not been handed over by the bot.</p>
      </section>
    );
  }
  const waiting = c.status === 'queued' || c.status === 'offered' || c.status === 'deferred';
  return (
    <section class="handoff-card" aria-labelledby="handoff-title">
      <div class="handoff-head">
        <h3 id="handoff-title">Handoff</h3>
        <span class={`chip prio prio--${priorityLevel(handoff.priority)}`}>
          Priority {handoff.priority}
        </span>
      </div>
      <div class="chips">
        {handoff.reasons.map((r) => (
          <span key={r} class="chip chip--reason" title={r}>
            {reasonLabel(r)}
          </span>
        ))}
      </div>
      <dl class="facts">
        <div>
          <dt>Customer</dt>
          <dd>{customerName(c)}</dd>
        </div>
        <div>
          <dt>Queue</dt>
          <dd>{queueLabel(handoff.queue)}</dd>
        </div>
        <div>
          <dt>Channel</dt>
          <dd>{channelLabel(c.channel)}</dd>
        </div>
        <div>
          <dt>{waiting ? 'Waiting' : 'Handed over'}</dt>
          <dd>{waiting ? duration(waitingSince(c), now) : clockTime(handoff.at)}</dd>
        </div>
        {c.customer?.email && (
          <div>
            <dt>Email</dt>
            <dd>{c.customer.email}</dd>
          </div>
        )}
        {c.language && (
          <div>
            <dt>Language</dt>
            <dd>{c.language.toUpperCase()}</dd>
          </div>
        )}
      </dl>
    </section>
  );
}
