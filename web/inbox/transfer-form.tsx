// Transfer: to another queue, or to a named colleague who is online with free capacity,
// with a note for whoever takes it next (internal, never shown to the customer). The same
// picker serves a supervisor's reassign of a colleague's conversation, with a reason.

import { useEffect, useRef, useState } from 'preact/hooks';
import { fetchQueues } from './api.ts';
import type { QueueInfo, TransferTarget } from './api.ts';
import type { TeamAgent } from './inbox-types.ts';
import { colleagueLabel, whyUnavailable } from './colleague-availability.ts';

/** The agent's own transfer, or a supervisor's reassign: the same choice, other words. */
export type TransferPurpose = 'transfer' | 'reassign';

const WORDS = {
  transfer: {
    title: 'Transfer',
    note: 'Note for the next person (internal)',
    submit: 'Transfer',
    busy: 'Transferring…',
  },
  reassign: {
    title: 'Reassign',
    note: 'Reason (internal: in the transcript for the team, and in the audit log)',
    submit: 'Reassign',
    busy: 'Reassigning…',
  },
} as const satisfies Record<TransferPurpose, Record<string, string>>;

export interface TransferFormProps {
  token: string;
  /** The queue it is in, not offered as a target (null: every queue is). */
  currentQueue: string | null;
  team: TeamAgent[];
  /** Who is not offered as a colleague: the one who has the conversation now. */
  exceptId: string;
  /** 'transfer' when omitted. */
  purpose?: TransferPurpose;
  busy: boolean;
  /** Asks for a fresh team list: who is online changes by the minute. */
  refreshTeam: () => void;
  onSubmit: (target: TransferTarget, note: string) => void;
  onCancel: () => void;
}

export function TransferForm(props: TransferFormProps) {
  // The queues in force come from the server (`routing.queues` may differ from the defaults).
  const [all, setAll] = useState<QueueInfo[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const queues = (all ?? []).filter((q) => q.id !== props.currentQueue);
  const [kind, setKind] = useState<'queue' | 'agent'>('queue');
  const [picked, setQueue] = useState('');
  const queue = picked || queues[0]?.id || '';
  const colleagues = props.team.filter((a) => a.id !== props.exceptId);
  const words = WORDS[props.purpose ?? 'transfer'];
  const [agentId, setAgentId] = useState('');
  const [note, setNote] = useState('');
  const first = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    first.current?.focus();
    props.refreshTeam();
    fetchQueues(props.token).then(
      (answer) => setAll(answer.queues),
      (error: unknown) =>
        setLoadError(error instanceof Error ? error.message : 'Could not load the queues.'),
    );
  }, []);
  const chosenAgent = agentId || colleagues.find((a) => whyUnavailable(a) === null)?.id || '';

  return (
    <form
      class="action-panel"
      aria-label={words.title}
      onSubmit={(e) => {
        e.preventDefault();
        if (kind === 'agent' && !chosenAgent) return;
        if (kind === 'queue' && !queue) return;
        props.onSubmit(kind === 'queue' ? { queue } : { agentId: chosenAgent }, note.trim());
      }}
    >
      <h3>{words.title}</h3>
      <div class="field-row">
        <div class="field-stack">
          <label for="transfer-kind">To</label>
          <select
            id="transfer-kind"
            ref={first}
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value as 'queue' | 'agent')}
          >
            <option value="queue">A queue</option>
            <option value="agent">A colleague</option>
          </select>
        </div>
        {kind === 'queue' ? (
          <div class="field-stack">
            <label for="transfer-queue">Queue</label>
            <select
              id="transfer-queue"
              value={queue}
              disabled={all === null}
              onChange={(e) => setQueue(e.currentTarget.value)}
            >
              {all === null && <option value="">{loadError ?? 'Loading…'}</option>}
              {queues.map((q) => (
                <option key={q.id} value={q.id}>
                  {q.name}
                  {q.open ? '' : ' (closed now)'}
                </option>
              ))}
            </select>
          </div>
        ) : (
          <div class="field-stack">
            <label for="transfer-agent">Colleague</label>
            <select
              id="transfer-agent"
              value={chosenAgent}
              onChange={(e) => setAgentId(e.currentTarget.value)}
            >
              {colleagues.map((a) => (
                <option key={a.id} value={a.id} disabled={whyUnavailable(a) !== null}>
                  {colleagueLabel(a)}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      <label>
        {words.note}
        <textarea rows={2} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      </label>
      <div class="panel-buttons">
        <button type="button" class="button button--ghost" onClick={props.onCancel}>
          Cancel
        </button>
        <button
          type="submit"
          class="button button--primary"
          disabled={props.busy || (kind === 'agent' && !chosenAgent)}
        >
          {props.busy ? words.busy : words.submit}
        </button>
      </div>
    </form>
  );
}
