// The handoff card: the packet the bot hands over, read before the transcript. What the
// agent needs to act comes first (goal, why, what is known, what to do next); the profile,
// sentiment, priority and articles follow. It can be collapsed to give the transcript room.

import { useState } from 'preact/hooks';
import type { Conversation } from '../shared/api-types.ts';
import { CopyButton } from './copy-button.tsx';
import {
  channelLabel,
  clockTime,
  customerName,
  duration,
  fieldLabel,
  fieldText,
  languageLabel,
  priorityLevel,
  queueLabel,
  reasonLabel,
  waitingSince,
} from './format.ts';
import { useQueueNames } from './queue-names.ts';
import { CustomerFacts } from './customer-facts.tsx';
import type { HandoffPacket, PacketReason } from './inbox-types.ts';
import { isNarrowScreen } from './narrow-screen.ts';
import { useNow } from './use-now.ts';

export interface HandoffCardProps {
  conversation: Conversation;
  packet: HandoffPacket | null;
}

export function HandoffCard({ conversation: c, packet }: HandoffCardProps) {
  const now = useNow();
  const queueNames = useQueueNames();
  // On a phone the transcript needs the room: the card opens collapsed to the goal.
  const [open, setOpen] = useState(() => !isNarrowScreen());
  const handoff = c.handoff;
  if (!handoff) {
    return (
      <section class="handoff-card handoff-card--none" aria-label="Handoff">
        <p>This conversation has not been handed over by the bot.</p>
      </section>
    );
  }
  const waiting = c.status === 'queued' || c.status === 'offered' || c.status === 'deferred';
  const fields = { ...packet?.summary.collected, ...packet?.fields };
  return (
    <section class="handoff-card" aria-labelledby="handoff-title">
      <div class="handoff-head">
        <h3 id="handoff-title">Handoff</h3>
        <span class={`chip prio prio--${priorityLevel(handoff.priority)}`}>
          Priority {handoff.priority}
        </span>
        <button
          type="button"
          class="link handoff-toggle"
          aria-expanded={open}
          aria-controls="handoff-details"
          onClick={() => setOpen(!open)}
        >
          {open ? 'Hide details' : 'Show details'}
        </button>
      </div>
      {packet && (
        <p class="goal">
          <span class="label">Goal</span> {packet.summary.goal}
        </p>
      )}
      <div id="handoff-details" hidden={!open}>
        {packet ? (
          <>
            <Reasons reasons={packet.reasons} />
            <section aria-label="Collected fields" class="card-block">
              <h4>Collected</h4>
              {Object.keys(fields).length === 0 ? (
                <p class="muted">Nothing collected yet.</p>
              ) : (
                <dl class="fields">
                  {Object.entries(fields).map(([name, value]) => (
                    <div key={name} class="field" data-field={name}>
                      <dt>{fieldLabel(name)}</dt>
                      <dd>
                        <span class="field-value">{fieldText(value)}</span>
                        <CopyButton text={fieldText(value)} label={`Copy ${fieldLabel(name)}`} />
                      </dd>
                    </div>
                  ))}
                </dl>
              )}
            </section>
            {packet.recommendedActions.length > 0 && (
              <section aria-label="Recommended actions" class="card-block">
                <h4>Recommended next</h4>
                <ol class="actions-list">
                  {packet.recommendedActions.map((action) => (
                    <li key={action}>{action}</li>
                  ))}
                </ol>
              </section>
            )}
            <dl class="summary">
              <div>
                <dt>Blocker</dt>
                <dd>{packet.summary.blocker}</dd>
              </div>
              <div>
                <dt>Bot tried</dt>
                <dd>
                  {packet.summary.tried.length ? packet.summary.tried.join(' · ') : 'Nothing yet'}
                </dd>
              </div>
            </dl>
            {packet.summary.abstractive && (
              <p
                class="abstract"
                title={`Written by ${packet.summary.abstractive.model ?? 'an LLM'}`}
              >
                {packet.summary.abstractive.text}
              </p>
            )}
          </>
        ) : (
          <div class="chips">
            {handoff.reasons.map((r) => (
              <span key={r} class="chip chip--reason" title={r}>
                {reasonLabel(r)}
              </span>
            ))}
          </div>
        )}
        <dl class="facts">
          <div>
            <dt>Customer</dt>
            <dd>{customerName(c)}</dd>
          </div>
          <div>
            <dt>Queue</dt>
            <dd>{queueLabel(c.queue ?? handoff.queue, queueNames)}</dd>
          </div>
          <div>
            <dt>Channel</dt>
            <dd>{channelLabel(c.channel)}</dd>
          </div>
          <div>
            <dt>{waiting ? 'Waiting' : 'Handed over'}</dt>
            <dd>{waiting ? duration(waitingSince(c), now) : clockTime(handoff.at)}</dd>
          </div>
          {c.language && (
            <div>
              <dt>Language</dt>
              <dd>{languageLabel(c.language)}</dd>
            </div>
          )}
        </dl>
        {packet && <CustomerFacts packet={packet} />}
      </div>
    </section>
  );
}

function Reasons({ reasons }: { reasons: readonly PacketReason[] }) {
  return (
    <section aria-label="Reasons" class="card-block">
      <h4>Why it was handed over</h4>
      <ul class="reasons">
        {reasons.map((r) => (
          <li key={r.code} class="reason">
            <span class="chip chip--reason" title={r.code}>
              {reasonLabel(r.code)}
            </span>
            <span class="strength" title="How strongly the rule matched">
              {Math.round(r.strength * 100)}%
            </span>
            {r.evidence.text && (
              <q class="evidence">
                <Highlighted text={r.evidence.text} part={r.evidence.matched} />
              </q>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Characters of context kept on each side of the matched words. */
const CONTEXT = 32;

/**
 * The customer's words around the matched part, which is in <mark>; long messages are cut
 * to the part that matters (the whole message is in the transcript). All of it is text.
 */
function Highlighted({ text, part }: { text: string; part?: string | undefined }) {
  const at = part ? text.toLowerCase().indexOf(part.toLowerCase()) : -1;
  if (!part || at < 0)
    return <>{text.length > 2 * CONTEXT ? `${text.slice(0, 2 * CONTEXT)}…` : text}</>;
  const start = Math.max(0, at - CONTEXT);
  const end = Math.min(text.length, at + part.length + CONTEXT);
  return (
    <>
      {start > 0 ? '…' : ''}
      {text.slice(start, at)}
      <mark>{text.slice(at, at + part.length)}</mark>
      {text.slice(at + part.length, end)}
      {end < text.length ? '…' : ''}
    </>
  );
}
